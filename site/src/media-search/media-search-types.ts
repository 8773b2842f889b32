import type { PassageHit } from '@dejala/search/matched-passage';
import type { MediaDocument } from '@dejala/search/media-document';
import type { RESULT_FIELDS } from '@dejala/search/search-request';

/** One item of the médiathèque list: the fields a result shows, and where its words were found. */
export type MediaListItem = Pick<MediaDocument, (typeof RESULT_FIELDS)[number]> &
  Omit<PassageHit, '_formatted'> & {
    /** Highlighted title and summary, and cropped excerpts, from the search (markers U+E000/U+E001). */
    _formatted?: { title?: string; summary?: string; body?: string; text?: string };
  };

/** Value → count per facet attribute of the index. */
export interface MediaFacets {
  type: Record<string, number>;
  themes: Record<string, number>;
  territories: Record<string, number>;
  year: Record<string, number>;
}

/** The visitor's search, as it lives in the URL (same parameter names as `/_search`). */
export interface MediaSearchState {
  q: string;
  type: string[];
  theme: string[];
  territory: string[];
  year: string[];
  sort: 'pertinence' | 'recent';
  page: number;
}

export const FACET_PARAMS = ['type', 'theme', 'territory', 'year'] as const;
export type FacetParam = (typeof FACET_PARAMS)[number];

/** One page of search results, as the island shows it. */
export interface MediaSearchResults {
  items: MediaListItem[];
  total: number;
  totalPages: number;
  facets: MediaFacets;
}

/** Reads Meilisearch's answer (from `/_search` or the server) into results. */
export function resultsFromResponse(response: {
  hits: unknown[];
  totalHits: number;
  totalPages: number;
  facetDistribution?: Partial<MediaFacets>;
}): MediaSearchResults {
  return {
    items: response.hits as MediaListItem[],
    total: response.totalHits,
    totalPages: response.totalPages,
    facets: { type: {}, themes: {}, territories: {}, year: {}, ...response.facetDistribution },
  };
}
