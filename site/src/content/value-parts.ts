// Parts of values derived from whole collections that a page shows — page 37 of the
// médiathèque's list shows 20 items and the number of pages. A page that reads a part depends
// on what it got, not on every entry behind it: the fast path evaluates the part again on the
// new content and renders the page only when it differs.
import { createHash } from 'node:crypto';
import { MEDIA_PAGE_SIZE, toMediaListItems } from '../lib/media-list.ts';
import type { ContentStore } from './content-store.ts';

/** The médiathèque's full list, in its order, once per state of the store. */
const mediaListOf = (store: ContentStore) =>
  store.derived('mediaList', () => toMediaListItems(store.list('mediaItems')));

export const VALUE_PARTS = {
  /** Page n of the médiathèque's list: its items, and how many pages there are. */
  mediaListPage: (store: ContentStore, part: string) => {
    const items = mediaListOf(store);
    const page = Number(part);
    return {
      items: items.slice((page - 1) * MEDIA_PAGE_SIZE, page * MEDIA_PAGE_SIZE),
      pageCount: Math.ceil(items.length / MEDIA_PAGE_SIZE),
    };
  },
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
