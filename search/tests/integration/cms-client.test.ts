import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CmsRequestError, cmsGet, cmsGetAll, cmsGetOne } from '../../src/cms/cms-client.js';
import type { CmsConnection } from '../../src/cms/cms-connection.js';

// A small HTTP server standing in for Strapi's REST API: what the client does with real sockets.
let server: http.Server | undefined;

async function serve(handler: http.RequestListener): Promise<CmsConnection> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, token: 'jeton', publicUrl: url };
}

const json = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

describe('the CMS REST client', () => {
  it('tries again when the connection drops before an answer, with the token', async () => {
    const seen: string[] = [];
    const cms = await serve((request, response) => {
      seen.push(`${request.url} ${request.headers.authorization}`);
      if (seen.length === 1) return request.socket.destroy();
      json(response, 200, { data: { documentId: 'a' } });
    });
    await expect(cmsGet(cms, 'global')).resolves.toEqual({ data: { documentId: 'a' } });
    expect(seen).toEqual(['/api/global Bearer jeton', '/api/global Bearer jeton']);
  });

  it('does not try again on an HTTP error, and gives its status', async () => {
    let requests = 0;
    const cms = await serve((_request, response) => {
      requests += 1;
      json(response, 403, { error: { message: 'Forbidden' } });
    });
    const error = await cmsGet(cms, 'offers').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(CmsRequestError);
    expect(error).toMatchObject({
      status: 403,
      message: 'CMS answered 403 to GET /api/offers: {"error":{"message":"Forbidden"}}',
    });
    expect(requests).toBe(1);
  });

  it('reads one entry, or null when the CMS has none', async () => {
    const cms = await serve((request, response) =>
      request.url === '/api/home-page'
        ? json(response, 404, { data: null, error: { status: 404 } })
        : json(response, 200, { data: { heroTitle: 'Bienvenue' } }),
    );
    expect(await cmsGetOne(cms, 'home-page')).toBeNull();
    expect(await cmsGetOne(cms, 'global')).toEqual({ heroTitle: 'Bienvenue' });
  });

  it('pages through a collection in a stable order until the last page', async () => {
    const queries: URLSearchParams[] = [];
    const cms = await serve((request, response) => {
      const query = new URL(request.url!, 'http://cms').searchParams;
      queries.push(query);
      const page = Number(query.get('pagination[page]'));
      json(response, 200, { data: [{ page }], meta: { pagination: { pageCount: 3 } } });
    });
    const progress: string[] = [];
    const rows = await cmsGetAll<{ page: number }>(
      cms,
      'media-items',
      new URLSearchParams({ 'fields[0]': 'slug' }),
      (page, pageCount) => progress.push(`${page}/${pageCount}`),
    );
    expect(rows).toEqual([{ page: 1 }, { page: 2 }, { page: 3 }]);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
    for (const query of queries) {
      expect(query.get('sort')).toBe('id:asc');
      expect(query.get('pagination[pageSize]')).toBe('100');
      expect(query.get('fields[0]')).toBe('slug');
    }
  });

  it('says the CMS is unreachable when nothing listens', async () => {
    const error = await cmsGet(
      { url: 'http://127.0.0.1:9', token: 't', publicUrl: '' },
      'offers',
    ).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(CmsRequestError);
    expect((error as CmsRequestError).status).toBeUndefined();
    expect((error as Error).message).toBe('CMS unreachable at http://127.0.0.1:9: fetch failed');
  });
});
