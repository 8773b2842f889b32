import type { Meilisearch } from 'meilisearch';
import type { FileText } from './document-text/document-texts.js';
import { MEDIA_INDEX_UID, toSearchDocuments, type MediaEntry } from './media-document.js';
import { quoteFilterValue } from './search-request.js';
import { succeeded } from './tasks.js';

/** Reads the *published* version of media entries from the CMS; drafts never come out of it. */
export interface PublishedMediaSource {
  findPublished(documentIds: string[]): Promise<MediaEntry[]>;
}

/** The text of an entry's file: cached, extracted now, pending in the background, or none. */
export type EntryText = (entry: MediaEntry) => Promise<FileText | null>;

export interface SyncOptions {
  indexUid?: string;
  mediaBaseUrl?: string;
  /** Without it, items are indexed with their fields only and keep no passages. */
  text?: EntryText;
}

export interface SyncResult {
  upserted: number;
  deleted: number;
  /** Items indexed without their file's text, which is being extracted: sync them again once it is. */
  waitingForText: string[];
}

const anyOf = (ids: string[]) => `itemId IN [${ids.map(quoteFilterValue).join(', ')}]`;

/**
 * Makes the index match the CMS for these documentIds: an entry that has a published version
 * is (re)written with its passages, and passages of any other file it had are removed; any
 * other entry is removed with its passages. Works from the current state rather than from
 * the event that triggered it, so replaying or reordering changes always converges.
 */
export async function syncMediaDocuments(
  client: Meilisearch,
  source: PublishedMediaSource,
  documentIds: string[],
  options: SyncOptions = {},
): Promise<SyncResult> {
  if (documentIds.length === 0) return { upserted: 0, deleted: 0, waitingForText: [] };
  const index = client.index(options.indexUid ?? MEDIA_INDEX_UID);
  const published = await source.findPublished(documentIds);
  const found = new Set(published.map((entry) => entry.documentId));
  const gone = documentIds.filter((id) => !found.has(id));
  const waitingForText: string[] = [];
  const documents = [];
  // Passages to drop: those of another file (or of a text no longer indexed).
  const outdated: string[] = [];
  for (const entry of published) {
    const text = options.text ? await options.text(entry) : null;
    if (text && 'pending' in text) waitingForText.push(entry.documentId);
    const [item, ...passages] = toSearchDocuments(entry, {
      mediaBaseUrl: options.mediaBaseUrl,
      text,
    });
    documents.push(item!, ...passages);
    // The item's key covers its file's text and its transcript: any other key is outdated.
    outdated.push(
      `(itemId = ${quoteFilterValue(entry.documentId)} AND kind != "item" AND textKey != ${quoteFilterValue(item!.textKey)})`,
    );
  }
  if (documents.length > 0) {
    await succeeded(index.addDocuments(documents, { primaryKey: 'id' }), 300_000);
    await succeeded(index.deleteDocuments({ filter: outdated.join(' OR ') }));
  }
  if (gone.length > 0) await succeeded(index.deleteDocuments({ filter: anyOf(gone) }));
  return { upserted: published.length, deleted: gone.length, waitingForText };
}
