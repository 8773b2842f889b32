import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@dejala/search/child-process';
import { createMeiliClient } from '@dejala/search/meili-client';
import { ensureMediaIndex } from '@dejala/search/media-index';
import type { MeiliServer } from '@dejala/search/meili-server';
import { ensureSearchKey } from '@dejala/search/search-key';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SEARCH_RATE_LIMIT,
  searchRateLimitFromEnv,
  tooManySearchesFr,
} from '../../server/search-limits.ts';
import { createSiteServer } from '../../server/site-server.ts';
import { startTestMeili } from '../helpers/test-stack';

const LIMIT = 5;

describe('searches per client', () => {
  let dir: string;
  let meili: MeiliServer;
  const servers: http.Server[] = [];

  /** A site server with a limit of LIMIT searches a minute; its address. */
  async function siteServer(behindProxy: boolean): Promise<string> {
    const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
    const server = await createSiteServer({
      release: () => null,
      meiliUrl: meili.url,
      searchKey: await ensureSearchKey(client),
      searchRateLimit: { max: LIMIT, windowMs: 60_000 },
      behindProxy,
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    servers.push(server);
    return `http://127.0.0.1:${port}`;
  }
  const searchAs = (site: string, client?: string, route = '/_search') =>
    fetch(`${site}${route}?q=eau`, {
      headers: client ? { 'x-forwarded-for': client } : {},
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-rate-limit-'));
    meili = await startTestMeili(path.join(dir, 'meili'));
    await ensureMediaIndex(createMeiliClient({ url: meili.url, apiKey: meili.masterKey }));
  });
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await meili?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 429 with Retry-After and a French message past the limit, to that client only', async () => {
    const site = await siteServer(true);
    for (let search = 0; search < LIMIT; search += 1)
      expect((await searchAs(site, '203.0.113.7')).status).toBe(200);
    const refused = await searchAs(site, '203.0.113.7');
    expect(refused.status).toBe(429);
    const seconds = Number(refused.headers.get('retry-after'));
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: 'too_many_searches',
      message: tooManySearchesFr(seconds),
    });
    // The results page without JavaScript has its own count, and says it in a page (503
    // until then: this server has no release to render it with; the limit comes first).
    for (let search = 0; search < LIMIT; search += 1)
      expect((await searchAs(site, '203.0.113.7', '/mediatheque/recherche/')).status).toBe(503);
    const page = await searchAs(site, '203.0.113.7', '/mediatheque/recherche/');
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Trop de recherches');
    // Another visitor behind the same proxy searches as before.
    expect((await searchAs(site, '198.51.100.4')).status).toBe(200);
    // Pages are never counted.
    expect((await searchAs(site, '203.0.113.7', '/_health')).status).toBe(204);
  });

  it('counts by the connection without a proxy: a made-up X-Forwarded-For buys nothing', async () => {
    const site = await siteServer(false);
    for (let search = 0; search < LIMIT; search += 1)
      expect((await searchAs(site, `192.0.2.${search}`)).status).toBe(200);
    expect((await searchAs(site, '192.0.2.99')).status).toBe(429);
  });

  it('reads SITE_SEARCH_RATE_LIMIT: searches a minute, 0 for none, and refuses anything else', () => {
    expect(searchRateLimitFromEnv({})).toEqual(DEFAULT_SEARCH_RATE_LIMIT);
    expect(searchRateLimitFromEnv({ SITE_SEARCH_RATE_LIMIT: '30' })).toEqual({
      max: 30,
      windowMs: 60_000,
    });
    expect(searchRateLimitFromEnv({ SITE_SEARCH_RATE_LIMIT: '0' })).toBe(false);
    for (const value of ['-1', '2.5', 'beaucoup'])
      expect(() => searchRateLimitFromEnv({ SITE_SEARCH_RATE_LIMIT: value })).toThrow(
        /SITE_SEARCH_RATE_LIMIT must be a whole number/,
      );
  });
});
