import type { Meilisearch } from 'meilisearch';
import { MEDIA_INDEX_UID, toMediaDocument, type MediaEntry } from './media-document.js';
import { ensureMediaIndex } from './media-index.js';
import { succeeded } from './tasks.js';

export interface ReindexOptions {
  indexUid?: string;
  batchSize?: number;
  mediaBaseUrl?: string;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Rebuilds the index from the published entries without downtime: a fresh index gets the
 * settings first, then the documents in batches; once its count is checked it is swapped
 * with the live one in one atomic step, and the old one is deleted. Searches keep answering
 * from the old index until the swap.
 */
export async function reindexMedia(
  client: Meilisearch,
  entries: MediaEntry[],
  options: ReindexOptions = {},
): Promise<{ documents: number; indexUid: string }> {
  const live = options.indexUid ?? MEDIA_INDEX_UID;
  const fresh = `${live}_reindex_${Date.now()}`;
  const batchSize = options.batchSize ?? 1000;
  await ensureMediaIndex(client, live);
  await ensureMediaIndex(client, fresh);
  try {
    // Meilisearch ranks equally relevant documents in the order they were added: adding
    // them by documentId makes a reindex rank the same content the same way, whatever order
    // the CMS lists it in (row ids change when a backup is restored).
    const documents = entries
      .map((entry) => toMediaDocument(entry, { mediaBaseUrl: options.mediaBaseUrl }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (let start = 0; start < documents.length; start += batchSize) {
      await succeeded(
        client
          .index(fresh)
          .addDocuments(documents.slice(start, start + batchSize), { primaryKey: 'id' }),
        300_000,
      );
      options.onProgress?.(Math.min(start + batchSize, documents.length), documents.length);
    }
    const stats = await client.index(fresh).getStats();
    if (stats.numberOfDocuments !== documents.length) {
      throw new Error(
        `new index holds ${stats.numberOfDocuments} documents, expected ${documents.length}: not swapped`,
      );
    }
    await succeeded(client.swapIndexes([{ indexes: [live, fresh], rename: false }]));
    return { documents: documents.length, indexUid: live };
  } finally {
    // After a swap this is the old index; after a failure, the half-built one.
    await succeeded(client.deleteIndex(fresh)).catch(() => undefined);
  }
}
