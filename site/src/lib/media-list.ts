import { toMediaDocument } from '@dejala/search/media-document';
import type { MediaItem } from '@dejala/search/schemas/media-item';
import { RESULT_FIELDS } from '@dejala/search/search-request';
import type { MediaFacets, MediaListItem } from '../media-search/media-search-types';

/** The given fields of an object, and only those. */
function pick<T, K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, object[key]])) as Pick<T, K>;
}

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
      .map((document) => pick(document, RESULT_FIELDS))
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
