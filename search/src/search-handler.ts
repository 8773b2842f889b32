import type { IncomingMessage, ServerResponse } from 'node:http';
import { MEDIA_INDEX_UID } from './media-document.js';
import { parseSearchRequest, SearchRequestError, toMeiliSearchParams } from './search-request.js';

export interface SearchHandlerOptions {
  meiliUrl: string;
  /** The search-only key (action `search` on `media`): never the master key. */
  searchKey: string;
  timeoutMs?: number;
  log?: (message: string) => void;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body));
}

/**
 * Handles `GET /_search?q=…&theme=…` for the médiathèque: validates the visitor's request,
 * builds the Meilisearch query itself (quoted filters, index `media` only) and forwards it
 * with the search-only key. Bad input gets a 400 naming the parameter, with a French message;
 * a Meilisearch failure gets a 502 without its details — nothing from Meilisearch leaks.
 */
export function createSearchHandler(options: SearchHandlerOptions) {
  const endpoint = `${options.meiliUrl.replace(/\/$/, '')}/indexes/${MEDIA_INDEX_UID}/search`;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendJson(response, 405, {
        error: 'method_not_allowed',
        message: 'Seule la recherche (GET) est permise.',
      });
    }
    let body: string;
    try {
      const query = parseSearchRequest(
        new URL(request.url ?? '/', 'http://localhost').searchParams,
      );
      body = JSON.stringify(toMeiliSearchParams(query));
    } catch (error) {
      if (error instanceof SearchRequestError) {
        return sendJson(response, 400, {
          error: 'invalid_search',
          parameter: error.parameter,
          message: error.messageFr,
        });
      }
      throw error;
    }
    try {
      const upstream = await fetch(endpoint, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${options.searchKey}`,
          'content-type': 'application/json',
          // Compressed answers cost ~45 ms each from Meilisearch; the site server may compress.
          'accept-encoding': 'identity',
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!upstream.ok)
        throw new Error(
          `Meilisearch answered ${upstream.status}: ${(await upstream.text()).slice(0, 300)}`,
        );
      return sendJson(response, 200, await upstream.json());
    } catch (error) {
      options.log?.(`search: upstream failure: ${(error as Error).message}`);
      return sendJson(response, 502, {
        error: 'search_unavailable',
        message:
          'La recherche est momentanément indisponible. Réessayez dans un instant, ou parcourez la liste des ressources.',
      });
    }
  };
}
