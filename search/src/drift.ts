import type { Meilisearch } from 'meilisearch';
import {
  MEDIA_INDEX_UID,
  PASSAGE_KINDS,
  toMediaDocument,
  type MediaDocument,
  type MediaEntry,
} from './media-document.js';
import type { EntryText } from './sync.js';

/** Differences between the index and the published médiathèque, as item documentIds. */
export interface Drift {
  /** Published, not in the index. */
  missing: string[];
  /** In the index, not published (any more). */
  extra: string[];
  /** In both, but the indexed item or its passages differ from the published entry. */
  stale: string[];
}

const BATCH = 1000;

async function allDocuments<T extends { id: string }>(
  client: Meilisearch,
  indexUid: string,
  filter: string,
  fields?: string[],
): Promise<T[]> {
  const documents: T[] = [];
  for (let offset = 0; ; offset += BATCH) {
    const page = await client.index(indexUid).getDocuments<T>({
      offset,
      limit: BATCH,
      filter,
      ...(fields ? { fields: fields as Array<Extract<keyof T, string>> } : {}),
    });
    documents.push(...page.results);
    if (offset + BATCH >= page.total) return documents;
  }
}

const comparable = (document: Partial<MediaDocument>) =>
  JSON.stringify(
    Object.fromEntries(Object.entries(document).sort(([a], [b]) => a.localeCompare(b))),
  );

/**
 * Compares the index with the published entries, item by item: the item's fields, and its
 * passages (as many as the item says, all of its current file's text). `text` gives each
 * entry's file text from the cache; a text not cached yet is compared by its key only.
 */
export async function findDrift(
  client: Meilisearch,
  entries: MediaEntry[],
  options: { indexUid?: string; mediaBaseUrl?: string; text?: EntryText } = {},
): Promise<Drift> {
  const indexUid = options.indexUid ?? MEDIA_INDEX_UID;
  const items = new Map(
    (await allDocuments<MediaDocument>(client, indexUid, 'kind = "item"')).map((item) => [
      item.id,
      item,
    ]),
  );
  const passages = await allDocuments<{ id: string; itemId: string; textKey: string }>(
    client,
    indexUid,
    `kind IN [${PASSAGE_KINDS.map((kind) => `"${kind}"`).join(', ')}]`,
    ['id', 'itemId', 'textKey'],
  );
  const passagesOf = new Map<string, Array<{ textKey: string }>>();
  for (const passage of passages) {
    const own = passagesOf.get(passage.itemId);
    if (own) own.push(passage);
    else passagesOf.set(passage.itemId, [passage]);
  }

  const drift: Drift = { missing: [], extra: [], stale: [] };
  const published = new Set<string>();
  for (const entry of entries) {
    published.add(entry.documentId);
    const current = items.get(entry.documentId);
    if (!current) {
      drift.missing.push(entry.documentId);
      continue;
    }
    const text = options.text ? await options.text(entry) : null;
    const expected: Partial<MediaDocument> = toMediaDocument(entry, { ...options, text });
    const indexed: Partial<MediaDocument> = { ...current };
    if (text && 'pending' in text) {
      // Not in the cache: how many passages it gives is unknown here.
      delete expected.passageCount;
      delete indexed.passageCount;
    }
    const own = passagesOf.get(entry.documentId) ?? [];
    const passagesAgree =
      own.every((passage) => passage.textKey === current.textKey) &&
      (current.passageCount === null || own.length === current.passageCount);
    if (comparable(indexed) !== comparable(expected) || !passagesAgree)
      drift.stale.push(entry.documentId);
  }
  const indexedIds = new Set([...items.keys(), ...passagesOf.keys()]);
  for (const id of indexedIds) if (!published.has(id)) drift.extra.push(id);
  return drift;
}

export const hasDrift = (drift: Drift) =>
  drift.missing.length + drift.extra.length + drift.stale.length > 0;
