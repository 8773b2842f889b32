import { beforeAll, describe, expect, it } from 'vitest';
import { findDrift } from '../../src/drift.js';
import { MEDIA_INDEX_UID, toMediaDocument, type MediaEntry } from '../../src/media-document.js';
import { ensureMediaIndex } from '../../src/media-index.js';
import { reindexMedia } from '../../src/reindex.js';
import { ensureSearchKey } from '../../src/search-key.js';
import { succeeded } from '../../src/tasks.js';
import { clientFor, useMeili } from '../helpers/meili.js';

const WORDS = [
  'dialogue',
  'territoire',
  'rivière',
  'forêt',
  'concertation',
  'médiation',
  'atelier',
  'citoyens',
  'eau',
  'foncier',
];

function entries(count: number, titlePrefix = 'Ressource'): MediaEntry[] {
  return Array.from({ length: count }, (_, n) => ({
    documentId: `doc${n}`,
    title: `${titlePrefix} ${n} : ${WORDS[n % WORDS.length]}`,
    slug: `ressource-${n}`,
    type: 'article',
    summary: `Résumé ${WORDS[(n * 7) % WORDS.length]} et ${WORDS[(n * 3) % WORDS.length]}.`,
    body: [{ type: 'paragraph', children: [{ type: 'text', text: WORDS.join(' ').repeat(20) }] }],
    year: 2000 + (n % 25),
  }));
}

describe('zero-downtime reindex', () => {
  const meili = useMeili();

  beforeAll(async () => {
    await ensureMediaIndex(meili.admin);
    await succeeded(
      meili.admin
        .index(MEDIA_INDEX_UID)
        .addDocuments(entries(500, 'Ancienne').map((entry) => toMediaDocument(entry))),
    );
  });

  it('swaps in a fresh index while searches keep answering, then removes the old one', async () => {
    const searcher = clientFor(meili.server.url, await ensureSearchKey(meili.admin));
    let searches = 0;
    const failures: string[] = [];
    let searching = true;
    const loop = (async () => {
      while (searching) {
        try {
          const result = await searcher
            .index(MEDIA_INDEX_UID)
            .search(WORDS[searches % WORDS.length], { limit: 5 });
          if (result.hits.length === 0)
            failures.push(`no hit for ${WORDS[searches % WORDS.length]}`);
        } catch (error) {
          failures.push((error as Error).message);
        }
        searches += 1;
      }
    })();

    const fresh = entries(3000, 'Nouvelle');
    const result = await reindexMedia(meili.admin, fresh, { batchSize: 500 });
    // Keep searching a moment after the swap.
    await new Promise((resolve) => setTimeout(resolve, 300));
    searching = false;
    await loop;

    expect(result.documents).toBe(3000);
    expect(searches).toBeGreaterThan(50);
    expect(failures).toEqual([]);
    expect((await meili.admin.index(MEDIA_INDEX_UID).getStats()).numberOfDocuments).toBe(3000);
    const { results } = await meili.admin.getIndexes({ limit: 100 });
    expect(results.map((index) => index.uid)).toEqual([MEDIA_INDEX_UID]);
    // The swapped-in index carries the settings as code.
    expect((await meili.admin.index(MEDIA_INDEX_UID).getSettings()).localizedAttributes).toEqual([
      { attributePatterns: ['*'], locales: ['fra'] },
    ]);
    expect(await findDrift(meili.admin, fresh)).toEqual({ missing: [], extra: [], stale: [] });
  });

  it('lists missing, extra and stale documents', async () => {
    const published = entries(3000, 'Nouvelle');
    const changed = published.map((entry) =>
      entry.documentId === 'doc1' ? { ...entry, title: 'Titre corrigé' } : entry,
    );
    const withoutOne = changed.filter((entry) => entry.documentId !== 'doc2');
    withoutOne.push({ documentId: 'doc-new', title: 'Inédit', slug: 'inedit', type: 'podcast' });
    expect(await findDrift(meili.admin, withoutOne)).toEqual({
      missing: ['doc-new'],
      extra: ['doc2'],
      stale: ['doc1'],
    });
  });

  it('leaves the live index untouched when the rebuild fails', async () => {
    const broken = [
      { documentId: 'not a valid id!', title: 'x', slug: 'x', type: 'article' },
    ] as MediaEntry[];
    await expect(reindexMedia(meili.admin, broken)).rejects.toThrow(/failed/);
    expect((await meili.admin.index(MEDIA_INDEX_UID).getStats()).numberOfDocuments).toBe(3000);
    const { results } = await meili.admin.getIndexes({ limit: 100 });
    expect(results.map((index) => index.uid)).toEqual([MEDIA_INDEX_UID]);
  });
});
