import { toMediaDocument } from '@dejala/search/media-document';
import type { MediaItem } from '@dejala/search/schemas/media-item';
import { RESULT_FIELDS } from '@dejala/search/search-request';
import { UNDATED_YEAR } from '@dejala/search/site-urls';
import type { MediaFacets, MediaListItem } from '../media-search/media-search-types';

/** The given fields of an object, and only those. */
function pick<T, K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, object[key]])) as Pick<T, K>;
}

interface SortedListItem {
  item: MediaListItem;
  publishedAt: number;
  title: string;
}

// Entries are never changed in place (a new version is a new object): one conversion per
// version, so that a publication among 10,000 items converts one item, not all of them.
const converted = new WeakMap<MediaItem, SortedListItem>();
const frenchOrder = new Intl.Collator('fr');

function toSortedListItem(item: MediaItem): SortedListItem {
  let sorted = converted.get(item);
  if (!sorted) {
    // The list shows no files: their texts and addresses belong to the search index only.
    const document = toMediaDocument({ ...item, file: null, captions: null });
    sorted = {
      item: pick(document, RESULT_FIELDS),
      publishedAt: document.publishedAt ?? 0,
      title: document.title,
    };
    converted.set(item, sorted);
  }
  return sorted;
}

/**
 * The static médiathèque list uses the search documents themselves (same mapping as the
 * index), so the list without JavaScript and the search results look and sort the same.
 */
export function toMediaListItems(items: MediaItem[]): MediaListItem[] {
  return items
    .map(toSortedListItem)
    .sort((a, b) => b.publishedAt - a.publishedAt || frenchOrder.compare(a.title, b.title))
    .map((sorted) => sorted.item);
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

/**
 * The list (in its order) cut by year of publication, most recent year first and the items
 * without a date last (under UNDATED_YEAR): the static pages that lead to every item without
 * JavaScript. A new item changes the pages of its year, not every page of the list.
 */
export function mediaListByYear(items: MediaListItem[]): Map<string, MediaListItem[]> {
  const byYear = new Map<string, MediaListItem[]>();
  for (const item of items) {
    const year = item.year === null ? UNDATED_YEAR : String(item.year);
    let ofYear = byYear.get(year);
    if (!ofYear) byYear.set(year, (ofYear = []));
    ofYear.push(item);
  }
  const rank = (year: string) => (year === UNDATED_YEAR ? -Infinity : Number(year));
  return new Map([...byYear].sort(([a], [b]) => rank(b) - rank(a)));
}

/** How a year of the list is named to visitors. */
export const mediaYearLabel = (year: string) => (year === UNDATED_YEAR ? 'Sans date' : year);
