import type { Meilisearch } from 'meilisearch';
import { MEDIA_INDEX_UID, toMediaDocument, type MediaEntry } from './media-document.js';
import { succeeded } from './tasks.js';

/** Reads the *published* version of media entries from the CMS; drafts never come out of it. */
export interface PublishedMediaSource {
  findPublished(documentIds: string[]): Promise<MediaEntry[]>;
}

export interface SyncResult {
  upserted: number;
  deleted: number;
}

/**
 * Makes the index match the CMS for these documentIds: an entry that has a published version
 * is (re)written, any other is removed. Works from the current state rather than from the
 * event that triggered it, so replaying or reordering changes always converges.
 */
export async function syncMediaDocuments(
  client: Meilisearch,
  source: PublishedMediaSource,
  documentIds: string[],
  options: { indexUid?: string; mediaBaseUrl?: string } = {},
): Promise<SyncResult> {
  if (documentIds.length === 0) return { upserted: 0, deleted: 0 };
  const index = client.index(options.indexUid ?? MEDIA_INDEX_UID);
  const published = await source.findPublished(documentIds);
  const found = new Set(published.map((entry) => entry.documentId));
  const gone = documentIds.filter((id) => !found.has(id));
  if (published.length > 0) {
    const documents = published.map((entry) =>
      toMediaDocument(entry, { mediaBaseUrl: options.mediaBaseUrl }),
    );
    await succeeded(index.addDocuments(documents, { primaryKey: 'id' }));
  }
  if (gone.length > 0) await succeeded(index.deleteDocuments(gone));
  return { upserted: published.length, deleted: gone.length };
}
