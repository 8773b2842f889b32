// What a publication changes in the content, worked out from the CMS: the entry itself and
// every entry that embeds it (a renamed theme changes every item that shows it), read again
// and applied to a copy of the store. The keys it returns are those a page records when it
// reads what changed (site-content.ts): the pages to render again.
import { PUBLIC_TYPE_LIST, type CollectionName } from '@dejala/search/content-registry';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import type { InvalidEntry } from '@dejala/search/site-status';
import type { ContentStore } from './content-store.ts';
import { readEntries } from './read-content.ts';
import { collectionKey, slugKey } from './site-content.ts';

/** What a webhook named: an entry (created, changed, published, unpublished, deleted), or a
 * file of the media library (`uploads`), which the entries that show it embed. */
export interface ChangedEntry {
  collection: CollectionName | typeof UPLOADS;
  documentId: string;
}

/** The media library, for the changes it names: files are not entries of the store. */
export const UPLOADS = 'uploads';

export interface AppliedChanges {
  /** The new content: a copy of the one given, with the changes. */
  store: ContentStore;
  /** Keys of what changed, as pages record their reads. */
  touched: Set<string>;
  /** Entries whose new version the site cannot render: their last good version stays. */
  invalid: InvalidEntry[];
  /** Entries whose valid published version was read (or found gone): no longer exceptions. */
  settled: Array<{ collection: CollectionName; documentId: string }>;
}

const slugOf = (data: unknown) => (data as { slug?: string } | undefined)?.slug;

/** Collections whose entries show others (related entries, themes): relations run both ways. */
const EMBEDDING = new Set(
  PUBLIC_TYPE_LIST.filter((type) =>
    Object.values(type.populate as Record<string, unknown>).some(
      (value) => typeof value === 'object' && value !== null && 'fields' in value,
    ),
  ).map((type) => type.collection),
);

/**
 * Reads again the named entries, those that embed them, and those they embed or embedded
 * that may show them back (relating an item to an offer changes the offer too), and applies
 * what it read to a copy of the live store.
 */
export async function applyChanges(
  cms: CmsConnection,
  live: ContentStore,
  changed: ChangedEntry[],
): Promise<AppliedChanges> {
  const store = live.clone();
  const touched = new Set<string>();
  const invalid: InvalidEntry[] = [];
  const settled: AppliedChanges['settled'] = [];
  const seen = new Set<string>();

  const readAndApply = async (
    entries: Array<{ collection: CollectionName; documentId: string }>,
  ) => {
    const byCollection = new Map<CollectionName, Set<string>>();
    for (const { collection, documentId } of entries) {
      if (seen.has(documentId)) continue;
      seen.add(documentId);
      let ids = byCollection.get(collection);
      if (!ids) byCollection.set(collection, (ids = new Set()));
      ids.add(documentId);
    }
    const related: Array<{ collection: CollectionName; documentId: string }> = [];
    for (const [collection, ids] of byCollection) {
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
        for (const other of new Set([...(before?.embeds ?? []), ...(now?.entry.embeds ?? [])])) {
          const otherCollection = live.locate(other) ?? store.locate(other);
          if (otherCollection && EMBEDDING.has(otherCollection))
            related.push({ collection: otherCollection, documentId: other });
        }
      }
    }
    return related;
  };

  // The named entries, what showed them, then what they show that may show them back.
  const entries = changed.filter(
    (change): change is { collection: CollectionName; documentId: string } =>
      change.collection !== UPLOADS,
  );
  const related = await readAndApply([
    ...entries,
    ...changed.flatMap(({ documentId }) => live.embedding(documentId)),
  ]);
  await readAndApply(related);
  return { store, touched, invalid, settled };
}
