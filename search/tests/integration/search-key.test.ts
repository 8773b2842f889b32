import { beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { MEDIA_INDEX_UID } from '../../src/media-document.js';
import { ensureMediaIndex } from '../../src/media-index.js';
import fs from 'node:fs';
import { DEFAULT_MAX_INDEXING_MEMORY, findBundledMeili } from '../../src/meili-server.js';
import { ensureSearchKey } from '../../src/search-key.js';
import { SEARCH_KEY_UID, searchKeyValue } from '../../src/search-key-value.js';
import { succeeded } from '../../src/tasks.js';
import { clientFor, useMeili } from '../helpers/meili.js';

const doc = { id: 'doc1', title: 'Atelier de dialogue territorial', type: 'vidéo' };

describe('search-only key', () => {
  const meili = useMeili();
  let searchKey: string;
  let searcher: Meilisearch;

  beforeAll(async () => {
    await ensureMediaIndex(meili.admin);
    await succeeded(meili.admin.index(MEDIA_INDEX_UID).addDocuments([doc]));
    await succeeded(meili.admin.createIndex('other', { primaryKey: 'id' }));
    searchKey = await ensureSearchKey(meili.admin);
    searcher = clientFor(meili.server.url, searchKey);
  });

  it('is created once, with the same value every time', async () => {
    expect(await ensureSearchKey(meili.admin)).toBe(searchKey);
    const { results } = await meili.admin.getKeys({ limit: 100 });
    expect(results.filter((key) => key.uid === SEARCH_KEY_UID)).toHaveLength(1);
    expect(searchKey).not.toBe(meili.server.masterKey);
  });

  it('has the value setup derives from the master key (the site server gets only this one)', () => {
    expect(searchKeyValue(meili.server.masterKey)).toBe(searchKey);
    expect(searchKeyValue(`${meili.server.masterKey}x`)).not.toBe(searchKey);
  });

  // Only the bundled server is ours to inspect (not an outside MEILI_TEST_URL).
  it.skipIf(!findBundledMeili())(
    'never puts the master key on the server’s command line (readable by every local user)',
    () => {
      const commandLine = fs.readFileSync(`/proc/${meili.server.pid}/cmdline`, 'utf8');
      expect(commandLine).toContain('--http-addr');
      expect(commandLine).not.toContain(meili.server.masterKey);
    },
  );

  // Meilisearch's own default, sized from the machine's RAM, made one-item tasks take seconds.
  it.skipIf(!findBundledMeili())(
    'caps the bundled server’s indexing memory as docker-compose.yml does',
    () => {
      const args = fs.readFileSync(`/proc/${meili.server.pid}/cmdline`, 'utf8').split('\0');
      expect(args[args.indexOf('--max-indexing-memory') + 1]).toBe(DEFAULT_MAX_INDEXING_MEMORY);
      const compose = fs.readFileSync(
        new URL('../../../docker-compose.yml', import.meta.url),
        'utf8',
      );
      expect(compose).toContain(
        `MEILI_MAX_INDEXING_MEMORY: \${MEILI_MAX_INDEXING_MEMORY:-${DEFAULT_MAX_INDEXING_MEMORY}}`,
      );
    },
  );

  it('searches the media index', async () => {
    const result = await searcher.index(MEDIA_INDEX_UID).search('atelier');
    expect(result.hits.map((hit) => hit.id)).toEqual(['doc1']);
  });

  // Each refusal is a real call with the search key: the server, not the client, says no.
  it.each([
    [
      'add documents',
      (client: Meilisearch) =>
        client.index(MEDIA_INDEX_UID).addDocuments([{ id: 'x', title: 'pirate' }]),
    ],
    [
      'delete documents',
      (client: Meilisearch) => client.index(MEDIA_INDEX_UID).deleteAllDocuments(),
    ],
    [
      'change settings',
      (client: Meilisearch) => client.index(MEDIA_INDEX_UID).updateSettings({ stopWords: [] }),
    ],
    ['read settings', (client: Meilisearch) => client.index(MEDIA_INDEX_UID).getSettings()],
    ['list keys', (client: Meilisearch) => client.getKeys()],
    ['create an index', (client: Meilisearch) => client.createIndex('pirate')],
    ['search another index', (client: Meilisearch) => client.index('other').search('')],
    [
      'swap indexes',
      (client: Meilisearch) =>
        client.swapIndexes([{ indexes: [MEDIA_INDEX_UID, 'other'], rename: false }]),
    ],
  ])('cannot %s', async (_action, call) => {
    await expect(call(searcher)).rejects.toMatchObject({
      cause: { code: expect.stringMatching(/invalid_api_key|index_not_accessible/) },
    });
    const stored = await meili.admin.index(MEDIA_INDEX_UID).getDocuments();
    expect(stored.results.map((hit) => hit.id)).toEqual(['doc1']);
  });
});
