import type { Meilisearch } from 'meilisearch';
import {
  MEDIA_INDEX_UID,
  toMediaDocument,
  type MediaDocument,
  type MediaEntry,
} from './media-document.js';

/** Differences between the index and the published médiathèque. */
export interface Drift {
  /** Published, not in the index. */
  missing: string[];
  /** In the index, not published (any more). */
  extra: string[];
  /** In both, but the indexed document differs from the published entry. */
  stale: string[];
}

const BATCH = 1000;

async function allDocuments(
  client: Meilisearch,
  indexUid: string,
): Promise<Map<string, MediaDocument>> {
  const documents = new Map<string, MediaDocument>();
  for (let offset = 0; ; offset += BATCH) {
    const page = await client.index<MediaDocument>(indexUid).getDocuments({ offset, limit: BATCH });
    for (const document of page.results) documents.set(document.id, document);
    if (offset + BATCH >= page.total) return documents;
  }
}

const comparable = (document: MediaDocument) =>
  JSON.stringify(
    Object.fromEntries(Object.entries(document).sort(([a], [b]) => a.localeCompare(b))),
  );

/** Compares the index with the published entries, document by document. */
export async function findDrift(
  client: Meilisearch,
  entries: MediaEntry[],
  options: { indexUid?: string; mediaBaseUrl?: string } = {},
): Promise<Drift> {
  const indexed = await allDocuments(client, options.indexUid ?? MEDIA_INDEX_UID);
  const drift: Drift = { missing: [], extra: [], stale: [] };
  const published = new Set<string>();
  for (const entry of entries) {
    published.add(entry.documentId);
    const current = indexed.get(entry.documentId);
    if (!current) drift.missing.push(entry.documentId);
    else if (comparable(current) !== comparable(toMediaDocument(entry, options)))
      drift.stale.push(entry.documentId);
  }
  for (const id of indexed.keys()) if (!published.has(id)) drift.extra.push(id);
  return drift;
}

export const hasDrift = (drift: Drift) =>
  drift.missing.length + drift.extra.length + drift.stale.length > 0;
