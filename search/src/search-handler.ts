import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import type { MediaSearch } from './media-search.js';

function sendJson(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  body: unknown,
): void {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  let payload: Buffer = Buffer.from(JSON.stringify(body));
  // Results with facets weigh ~25 kB; compressed in one write they cost the browser ~5 kB.
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (payload.length > 1024 && /\bbr\b/.test(accepted)) {
    payload = zlib.brotliCompressSync(payload, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 },
    });
    headers['content-encoding'] = 'br';
  } else if (payload.length > 1024 && /\bgzip\b/.test(accepted)) {
    payload = zlib.gzipSync(payload, { level: 6 });
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(payload.length);
  response.writeHead(status, headers);
  response.end(payload);
}

/**
 * Handles `GET /_search?q=…&theme=…` for the médiathèque island: the JSON side of
 * createMediaSearch. Bad input gets a 400 naming the parameter, with a French message; a
 * Meilisearch failure gets a 502 without its details — nothing from Meilisearch leaks; too
 * many searches at once a 503 with `Retry-After`.
 */
export function createSearchHandler(search: MediaSearch) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendJson(request, response, 405, {
        error: 'method_not_allowed',
        message: 'Seule la recherche (GET) est permise.',
      });
    }
    const outcome = await search(new URL(request.url ?? '/', 'http://localhost').searchParams);
    if (outcome.ok) return sendJson(request, response, 200, outcome.response);
    if (outcome.status === 400) {
      return sendJson(request, response, 400, {
        error: 'invalid_search',
        parameter: outcome.parameter,
        message: outcome.messageFr,
      });
    }
    if (outcome.status === 503) {
      response.setHeader('retry-after', '1');
      return sendJson(request, response, 503, { error: 'search_busy', message: outcome.messageFr });
    }
    return sendJson(request, response, 502, {
      error: 'search_unavailable',
      message: outcome.messageFr,
    });
  };
}
