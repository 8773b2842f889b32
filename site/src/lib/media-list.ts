import { toMediaDocument } from '@dejala/search/media-document';
import type { MediaItem } from '../schemas/media-item';
import type { MediaFacets, MediaListItem } from '../islands/media-search-types';

/**
 * The static médiathèque list uses the search documents themselves (same mapping as the
 * index), so the list without JavaScript and the search results look and sort the same.
 */
export function toMediaListItems(items: MediaItem[]): MediaListItem[] {
  return (
    items
      // The list shows no files: their texts and addresses belong to the search index only.
      .map((item) => toMediaDocument({ ...item, file: null, captions: null }))
      .sort(
        (a, b) =>
          (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || a.title.localeCompare(b.title, 'fr'),
      )
      .map(
        ({
          id,
          title,
          url,
          type,
          typeLabel,
          summary,
          authors,
          themes,
          territories,
          year,
          durationMinutes,
        }) => ({
          id,
          title,
          url,
          type,
          typeLabel,
          summary,
          authors,
          themes,
          territories,
          year,
          durationMinutes,
        }),
      )
  );
}

/** Facet counts over every item, as Meilisearch gives them for an empty search. */
export function staticFacets(items: MediaListItem[]): MediaFacets {
  const facets: MediaFacets = { type: {}, themes: {}, territories: {}, year: {} };
  const count = (facet: Record<string, number>, value: string) =>
    (facet[value] = (facet[value] ?? 0) + 1);
  for (const item of items) {
    count(facets.type, item.type);
    item.themes.forEach((theme) => count(facets.themes, theme));
    item.territories.forEach((territory) => count(facets.territories, territory));
    if (item.year) count(facets.year, String(item.year));
  }
  return facets;
}

export const MEDIA_PAGE_SIZE = 20;
