// What a publication changes in the content, worked out from the CMS: the entry itself and
// every entry that embeds it (a renamed theme changes every item that shows it), read again
// and applied to a copy of the store. The keys it returns are those a page records when it
// reads what changed (site-content.ts): the pages to render again.
import type { CollectionName } from '@dejala/search/content-registry';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import type { InvalidEntry } from '@dejala/search/site-status';
import type { ContentStore } from './content-store';
import { readEntries } from './read-content';
import { collectionKey, slugKey } from './site-content';

/** An entry a webhook named: created, changed, published, unpublished or deleted. */
export interface ChangedEntry {
  collection: CollectionName;
  documentId: string;
}

export interface AppliedChanges {
  /** The new content: a copy of the one given, with the changes. */
  store: ContentStore;
  /** Keys of what changed, as pages record their reads. */
  touched: Set<string>;
  /** Entries whose new version the site cannot render: their last good version stays. */
  invalid: InvalidEntry[];
  /** Entries whose valid published version was read (or found gone): no longer exceptions. */
  settled: ChangedEntry[];
}

const slugOf = (data: unknown) => (data as { slug?: string }).slug;

/** Reads the named entries and those that embed them again, and applies them to a copy. */
export async function applyChanges(
  cms: CmsConnection,
  live: ContentStore,
  changed: ChangedEntry[],
): Promise<AppliedChanges> {
  const store = live.clone();
  const touched = new Set<string>();
  const invalid: InvalidEntry[] = [];
  const settled: ChangedEntry[] = [];
  // The named entries first, then what embeds them (in the live store: what showed them).
  const toRead = new Map<CollectionName, Set<string>>();
  const add = ({ collection, documentId }: ChangedEntry) => {
    let ids = toRead.get(collection);
    if (!ids) toRead.set(collection, (ids = new Set()));
    ids.add(documentId);
  };
  changed.forEach(add);
  for (const { documentId } of changed) live.embedding(documentId).forEach(add);

  for (const [collection, ids] of toRead) {
    const read = new Map(
      (await readEntries(cms, collection, [...ids])).map((entry) => [entry.documentId, entry]),
    );
    for (const documentId of ids) {
      const before = live.get(collection, documentId);
      const now = read.get(documentId);
      if (now && !now.ok) {
        invalid.push(now.invalid);
        continue;
      }
      if (now) store.set(collection, documentId, now.entry);
      else store.delete(collection, documentId);
      settled.push({ collection, documentId });
      touched.add(collectionKey(collection));
      for (const slug of [slugOf(before?.data), slugOf(now?.entry.data)])
        if (slug !== undefined) touched.add(slugKey(collection, slug));
    }
  }
  return { store, touched, invalid, settled };
}
