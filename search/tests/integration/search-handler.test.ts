import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_INDEX_UID, toMediaDocument } from '../../src/media-document.js';
import { ensureMediaIndex } from '../../src/media-index.js';
import { ensureSearchKey } from '../../src/search-key.js';
import { createMediaSearch, SEARCH_BUSY_FR } from '../../src/media-search.js';
import { createSearchHandler } from '../../src/search-handler.js';
import { succeeded } from '../../src/tasks.js';
import { useMeili } from '../helpers/meili.js';

function serve(
  handler: ReturnType<typeof createSearchHandler>,
): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = http.createServer((request, response) => void handler(request, response));
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

describe('search endpoint handler', () => {
  const meili = useMeili();
  let site: { url: string; close(): Promise<void> };
  let down: { url: string; close(): Promise<void> };
  const logs: string[] = [];

  beforeAll(async () => {
    await ensureMediaIndex(meili.admin);
    await succeeded(
      meili.admin.index(MEDIA_INDEX_UID).addDocuments([
        toMediaDocument({
          documentId: 'a',
          title: 'Concertation sur l’eau',
          slug: 'a',
          type: 'rapport',
          themes: [{ name: 'Eau', slug: 'eau' }],
          year: 2022,
        }),
        toMediaDocument({
          documentId: 'b',
          title: 'Usages de la forêt',
          slug: 'b',
          type: 'vidéo',
          themes: [{ name: 'Forêt', slug: 'foret' }],
          year: 2021,
        }),
      ]),
    );
    const searchKey = await ensureSearchKey(meili.admin);
    site = await serve(
      createSearchHandler(createMediaSearch({ meiliUrl: meili.server.url, searchKey })),
    );
    // Nothing listens on port 9 here: a Meilisearch outage as the handler sees it.
    down = await serve(
      createSearchHandler(
        createMediaSearch({
          meiliUrl: 'http://127.0.0.1:9',
          searchKey,
          log: (line) => logs.push(line),
        }),
      ),
    );
  });

  afterAll(async () => {
    await site?.close();
    await down?.close();
  });

  it('answers a valid search with hits and facet counts', async () => {
    const response = await fetch(`${site.url}/_search?q=concertation&theme=Eau`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as any;
    expect(body.hits.map((hit: { id: string }) => hit.id)).toEqual(['a']);
    expect(body.facetDistribution.themes).toEqual({ Eau: 1 });
    // The body text is not sent whole: only its cropped snippet.
    expect(body.hits[0].body).toBeUndefined();
  });

  it.each([
    ['an unknown facet', 'colour=bleu', 'colour'],
    ['an unknown sort', 'sort=title:asc', 'sort'],
    ['an over-long query', `q=${'a'.repeat(300)}`, 'q'],
    ['a raw filter', `filter=${encodeURIComponent('type = "rapport" OR 1 = 1')}`, 'filter'],
  ])('refuses %s with a 400 in French, naming the parameter', async (_case, query, parameter) => {
    const response = await fetch(`${site.url}/_search?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ error: 'invalid_search', parameter });
    expect(body.message).toMatch(/[éèàûô«]|recherche|paramètre/i);
  });

  it('compresses results for browsers that accept it', async () => {
    const raw = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${site.url}/_search?q=`, { headers: { 'accept-encoding': 'gzip, br' } }, resolve),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    expect(raw.headers['content-encoding']).toBe('br');
    const body = JSON.parse(zlib.brotliDecompressSync(Buffer.concat(chunks)).toString('utf8'));
    expect(body.hits.length).toBeGreaterThan(0);
  });

  it('refuses anything but a search', async () => {
    const response = await fetch(`${site.url}/_search`, { method: 'POST', body: '{"q":""}' });
    expect(response.status).toBe(405);
  });

  it('answers 502 in French when Meilisearch is unreachable, without leaking its error', async () => {
    const response = await fetch(`${down.url}/_search?q=eau`);
    expect(response.status).toBe(502);
    const body = (await response.json()) as any;
    expect(body.error).toBe('search_unavailable');
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|fetch failed/);
    expect(logs.join('\n')).toMatch(/upstream failure/);
  });

  it('sends at most maxConcurrent searches to Meilisearch, lets maxWaiting wait, refuses the rest', async () => {
    const search = createMediaSearch({
      meiliUrl: meili.server.url,
      searchKey: await ensureSearchKey(meili.admin),
      maxConcurrent: 2,
      maxWaiting: 3,
    });
    // Started in the same tick: none has finished when the last ones ask.
    const outcomes = await Promise.all(
      Array.from({ length: 9 }, () => search(new URLSearchParams('q=eau'))),
    );
    const statuses = outcomes.map((outcome) => (outcome.ok ? 200 : outcome.status));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 503, 503, 503, 503]);
    expect(outcomes[8]).toMatchObject({ messageFr: SEARCH_BUSY_FR });
    // Once the others are answered, searches go through again.
    expect((await search(new URLSearchParams('q=eau'))).ok).toBe(true);
  });

  it('answers a refused search with 503, Retry-After and the French message', async () => {
    const busy = await serve(
      createSearchHandler(async () => ({ ok: false, status: 503, messageFr: SEARCH_BUSY_FR })),
    );
    try {
      const response = await fetch(`${busy.url}/_search?q=eau`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.json()).toEqual({ error: 'search_busy', message: SEARCH_BUSY_FR });
    } finally {
      await busy.close();
    }
  });
});
