import pLimit from 'p-limit';
import { MEDIA_INDEX_UID } from './media-document.js';
import { parseSearchRequest, SearchRequestError, toMeiliSearchParams } from './search-request.js';

export interface MediaSearchOptions {
  meiliUrl: string;
  /** The search-only key (action `search` on `media`): never the master key. */
  searchKey: string;
  timeoutMs?: number;
  /** Searches sent to Meilisearch at once; the others wait their turn. No bound when absent. */
  maxConcurrent?: number;
  /** Searches that may wait (with maxConcurrent); beyond them a search is refused at once
   * (503), never queued. */
  maxWaiting?: number;
  log?: (message: string) => void;
}

/** Meilisearch's answer to a médiathèque search (only the fields the site reads). */
export interface MediaSearchResponse {
  hits: Array<Record<string, unknown>>;
  totalHits: number;
  totalPages: number;
  page: number;
  facetDistribution?: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

export type MediaSearchOutcome =
  | { ok: true; response: MediaSearchResponse }
  | { ok: false; status: 400; parameter: string; messageFr: string }
  | { ok: false; status: 502 | 503; messageFr: string };

/** A médiathèque search, from a visitor's query string to its outcome. */
export type MediaSearch = (params: URLSearchParams) => Promise<MediaSearchOutcome>;

export const SEARCH_UNAVAILABLE_FR =
  'La recherche est momentanément indisponible. Réessayez dans un instant, ou parcourez la liste des ressources.';

export const SEARCH_BUSY_FR =
  'Trop de recherches sont en cours. Réessayez dans un instant, ou parcourez la liste des ressources.';

/**
 * Runs a visitor's médiathèque search given as a query string: validates it, builds the
 * Meilisearch query server-side (quoted filters, index `media` only) and sends it with the
 * search-only key. Bad input and Meilisearch failures come back as outcomes with a French
 * message; Meilisearch's own error text only goes to the log. With `maxConcurrent`, at most
 * that many searches reach Meilisearch at once and `maxWaiting` wait: a flood of searches is
 * refused (503) rather than piled up in memory and in Meilisearch. No `node:` import here:
 * the island's bundle reads this module's messages.
 */
export function createMediaSearch(options: MediaSearchOptions): MediaSearch {
  const endpoint = `${options.meiliUrl.replace(/\/$/, '')}/indexes/${MEDIA_INDEX_UID}/search`;
  const limit = pLimit(options.maxConcurrent ?? Number.POSITIVE_INFINITY);
  const maxWaiting = options.maxWaiting ?? Number.POSITIVE_INFINITY;
  return async (params) => {
    let body: string;
    try {
      body = JSON.stringify(toMeiliSearchParams(parseSearchRequest(params)));
    } catch (error) {
      if (error instanceof SearchRequestError) {
        return { ok: false, status: 400, parameter: error.parameter, messageFr: error.messageFr };
      }
      throw error;
    }
    if (limit.activeCount >= limit.concurrency && limit.pendingCount >= maxWaiting)
      return { ok: false, status: 503, messageFr: SEARCH_BUSY_FR };
    return limit(() => send(body));
  };

  async function send(body: string): Promise<MediaSearchOutcome> {
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
      if (!upstream.ok) {
        throw new Error(
          `Meilisearch answered ${upstream.status}: ${(await upstream.text()).slice(0, 300)}`,
        );
      }
      return { ok: true, response: (await upstream.json()) as MediaSearchResponse };
    } catch (error) {
      options.log?.(`search: upstream failure: ${(error as Error).message}`);
      return { ok: false, status: 502, messageFr: SEARCH_UNAVAILABLE_FR };
    }
  }
}
