// Reading published content from the CMS into the store: every entry (a full render) or the
// few a publication touched (the fast path). Both validate with the same schemas; an entry
// that fails keeps its last good version, when the caller has one, and is reported.
import type { CollectionName } from '@dejala/search/content-registry';
import { cmsGetAll } from '@dejala/search/cms/cms-client';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { populateParameters } from '@dejala/search/cms/populate';
import { checkEntry } from '@dejala/search/schemas/entry-rules';
import type { InvalidEntry } from '@dejala/search/site-status';
import { CMS_CONTENT_TYPES } from './collection-types.ts';
import { fetchEntries } from './cms-entries.ts';
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';
import { ContentStore, embeddedDocumentIds, type StoredEntry } from './content-store.ts';

type Raw = Record<string, unknown>;

/** An entry read from the CMS: stored as it is, or its problem. */
export type ReadEntry =
  | { ok: true; documentId: string; entry: StoredEntry }
  | { ok: false; documentId: string; invalid: InvalidEntry };

/** Validates one entry as the CMS returned it, ready for the store. */
export function toStoredEntry(collection: CollectionName, raw: Raw): ReadEntry {
  const type = CMS_CONTENT_TYPES[collection];
  const documentId = String(raw.documentId);
  const checked = checkEntry(type.schema as never, type.name, raw);
  if (!checked.ok) return { ok: false, documentId, invalid: checked.invalid };
  return {
    ok: true,
    documentId,
    entry: { id: Number(raw.id), data: checked.data as never, embeds: embeddedDocumentIds(raw) },
  };
}

/** Every published entry of a collection. */
export async function readCollection(
  cms: CmsConnection,
  collection: CollectionName,
): Promise<ReadEntry[]> {
  const type = CMS_CONTENT_TYPES[collection];
  return (await fetchEntries(cms, type)).map((raw) => toStoredEntry(collection, raw));
}

/** The published versions of some entries of a collection; one that is not published is absent. */
export async function readEntries(
  cms: CmsConnection,
  collection: CollectionName,
  documentIds: string[],
): Promise<ReadEntry[]> {
  const type = CMS_CONTENT_TYPES[collection];
  if (type.kind === 'single') return readCollection(cms, collection);
  const query = new URLSearchParams(populateParameters(type.populate));
  documentIds.forEach((documentId, index) =>
    query.set(`filters[documentId][$in][${index}]`, documentId),
  );
  const raws = await cmsGetAll<Raw>(cms, type.endpoint, query);
  return raws.map((raw) => toStoredEntry(collection, raw));
}

/**
 * Every published entry of every public type, in a new store. An entry the site cannot render
 * keeps its version in `lastGood` (the store the live site was rendered from), if it has one.
 */
export async function readAllContent(
  cms: CmsConnection,
  lastGood?: ContentStore,
  onRead?: (collection: CollectionName, count: number) => void,
): Promise<{ store: ContentStore; exceptions: InvalidEntry[] }> {
  const store = new ContentStore({ url: cms.url, publicUrl: cms.publicUrl });
  const exceptions: InvalidEntry[] = [];
  for (const { collection } of PUBLIC_TYPE_LIST) {
    const read = await readCollection(cms, collection);
    for (const entry of read) {
      if (entry.ok) {
        store.set(collection, entry.documentId, entry.entry);
        continue;
      }
      exceptions.push(entry.invalid);
      const kept = lastGood?.get(collection, entry.documentId);
      if (kept) store.set(collection, entry.documentId, kept);
    }
    onRead?.(collection, read.length);
  }
  return { store, exceptions };
}
