import os from 'node:os';
import type { Meilisearch } from 'meilisearch';
import {
  MEDIA_INDEX_UID,
  toSearchDocuments,
  type MediaEntry,
  type SearchDocument,
} from './media-document.js';
import { ensureMediaIndex } from './media-index.js';
import type { EntryText } from './sync.js';
import { succeeded } from './tasks.js';

export interface ReindexOptions {
  indexUid?: string;
  /** Search documents (items and passages) sent per request. */
  batchSize?: number;
  mediaBaseUrl?: string;
  /** The text of each entry's file (cached or extracted now); without it, fields only. */
  text?: EntryText;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Rebuilds the index from the published entries without downtime: a fresh index gets the
 * settings first, then the documents in batches; once its count is checked it is swapped
 * with the live one in one atomic step, and the old one is deleted. Searches keep answering
 * from the old index until the swap. Entries are turned into documents batch by batch, so a
 * large médiathèque's texts are never all in memory at once.
 */
export async function reindexMedia(
  client: Meilisearch,
  entries: MediaEntry[],
  options: ReindexOptions = {},
): Promise<{ documents: number; items: number; indexUid: string }> {
  const live = options.indexUid ?? MEDIA_INDEX_UID;
  const fresh = `${live}_reindex_${Date.now()}`;
  const batchSize = options.batchSize ?? 1000;
  await ensureMediaIndex(client, live);
  await ensureMediaIndex(client, fresh);
  try {
    // Meilisearch ranks equally relevant documents in the order they were added: adding
    // them by documentId makes a reindex rank the same content the same way, whatever order
    // the CMS lists it in (row ids change when a backup is restored).
    const sorted = [...entries].sort((a, b) =>
      a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0,
    );
    let batch: SearchDocument[] = [];
    let sent = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await succeeded(client.index(fresh).addDocuments(batch, { primaryKey: 'id' }), 300_000);
      sent += batch.length;
      batch = [];
    };
    // Files not in the text cache are read a few at a time: one extraction per core.
    const parallel = Math.max(1, os.availableParallelism());
    for (let start = 0; start < sorted.length; start += parallel) {
      const group = sorted.slice(start, start + parallel);
      const texts = await Promise.all(
        group.map((entry) => (options.text ? options.text(entry) : null)),
      );
      group.forEach((entry, index) =>
        batch.push(
          ...toSearchDocuments(entry, { mediaBaseUrl: options.mediaBaseUrl, text: texts[index] }),
        ),
      );
      if (batch.length >= batchSize) await flush();
      options.onProgress?.(start + group.length, sorted.length);
    }
    await flush();
    const stats = await client.index(fresh).getStats();
    if (stats.numberOfDocuments !== sent) {
      throw new Error(
        `new index holds ${stats.numberOfDocuments} documents, expected ${sent}: not swapped`,
      );
    }
    await succeeded(client.swapIndexes([{ indexes: [live, fresh], rename: false }]));
    return { documents: sent, items: sorted.length, indexUid: live };
  } finally {
    // After a swap this is the old index; after a failure, the half-built one.
    await succeeded(client.deleteIndex(fresh)).catch(() => undefined);
  }
}
