// Parts of values derived from whole collections that a page shows — page 3 of the
// médiathèque's list for 2024 shows 20 items and the number of that year's pages. A page that
// reads a part depends on what it got, not on every entry behind it: the fast path evaluates
// the part again on the new content and renders the page only when it differs.
import { createHash } from 'node:crypto';
import { MEDIA_PAGE_SIZE, mediaListByYear, toMediaListItems } from '../lib/media-list.ts';
import type { ContentStore } from './content-store.ts';

/** The médiathèque's full list, in its order, once per state of the store. */
const mediaListOf = (store: ContentStore) =>
  store.derived('mediaList', () => toMediaListItems(store.list('mediaItems')));

/** The médiathèque's list cut by year (see mediaListByYear), once per state of the store. */
const mediaYearsOf = (store: ContentStore) =>
  store.derived('mediaListByYear', () => mediaListByYear(mediaListOf(store)));

export const VALUE_PARTS = {
  /**
   * Page n of one year's list (`2024/3`, `sans-date/1`): its items, and how many pages that
   * year has (0 for a year without items).
   */
  mediaYearPage: (store: ContentStore, part: string) => {
    const [year, page] = part.split('/');
    const items = mediaYearsOf(store).get(year!) ?? [];
    const index = Number(page) - 1;
    return {
      items: items.slice(index * MEDIA_PAGE_SIZE, (index + 1) * MEDIA_PAGE_SIZE),
      pageCount: Math.ceil(items.length / MEDIA_PAGE_SIZE),
    };
  },
  /**
   * The years before and after one in the list (the links between years' pages): a year that
   * gets its first item changes its neighbours' pages only.
   */
  mediaYearNeighbours: (store: ContentStore, year: string) => {
    const years = [...mediaYearsOf(store).keys()];
    const index = years.indexOf(year);
    return {
      newer: index > 0 ? years[index - 1]! : null,
      older: index >= 0 && index < years.length - 1 ? years[index + 1]! : null,
    };
  },
  /** How many pages each year's list has: the addresses of the list. */
  mediaYearPageCounts: (store: ContentStore) =>
    [...mediaYearsOf(store)].map(([year, items]) => ({
      year,
      pageCount: Math.ceil(items.length / MEDIA_PAGE_SIZE),
    })),
  /** The whole list (the search page's first results and facets). */
  mediaList: (store: ContentStore) => mediaListOf(store),
};
export type ValuePartName = keyof typeof VALUE_PARTS;

const digestOf = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** The key a page records for a part it read: which part, and a digest of what it got. */
export const valueKey = (name: ValuePartName, part: string, value: unknown) =>
  `value:${name}:${part}#${digestOf(value)}`;

/** Whether a recorded part reads differently from `store` (false for keys of other kinds). */
export function valuePartChanged(key: string, store: ContentStore): boolean {
  const match = /^value:([^:]+):(.*)#([^#]+)$/.exec(key);
  if (!match) return false;
  const [, name, part, digest] = match;
  const read = VALUE_PARTS[name as ValuePartName];
  return !read || digestOf(read(store, part!)) !== digest;
}
