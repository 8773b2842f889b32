import type { IncomingMessage, ServerResponse } from 'node:http';
import { createMediaSearch, type MediaSearchOptions } from './media-search.js';

export type SearchHandlerOptions = MediaSearchOptions;

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

/**
 * Handles `GET /_search?q=…&theme=…` for the médiathèque island: the JSON side of
 * createMediaSearch. Bad input gets a 400 naming the parameter, with a French message; a
 * Meilisearch failure gets a 502 without its details — nothing from Meilisearch leaks.
 */
export function createSearchHandler(options: SearchHandlerOptions) {
  const search = createMediaSearch(options);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendJson(response, 405, {
        error: 'method_not_allowed',
        message: 'Seule la recherche (GET) est permise.',
      });
    }
    const outcome = await search(new URL(request.url ?? '/', 'http://localhost').searchParams);
    if (outcome.ok) return sendJson(response, 200, outcome.response);
    if (outcome.status === 400) {
      return sendJson(response, 400, {
        error: 'invalid_search',
        parameter: outcome.parameter,
        message: outcome.messageFr,
      });
    }
    return sendJson(response, 502, { error: 'search_unavailable', message: outcome.messageFr });
  };
}
