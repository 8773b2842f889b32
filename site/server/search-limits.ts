// How the site server limits searches: per visitor (a rate, then 429s) and all visitors
// together (searches sent to Meilisearch at once, then 503s).
import os from 'node:os';
import type { RateLimitOptions } from '@fastify/rate-limit';

/**
 * Searches sent to Meilisearch at once, from all visitors: half the machine's cores.
 * Meilisearch shares the host with the site server (docker-compose), and a flood of
 * searches must leave the cores that answer the static pages; more at once would only
 * lengthen each search. Measured: `site/bench/load.bench.ts`.
 */
export const MAX_CONCURRENT_SEARCHES = Math.max(1, Math.floor(os.availableParallelism() / 2));
/** Searches that may wait for one of those; past them a search gets a 503 at once. */
export const MAX_WAITING_SEARCHES = 64;

/** How many searches one client (one address) may make in a window. */
export interface SearchRateLimit {
  max: number;
  windowMs: number;
}

/**
 * Typing in the médiathèque's search sends a search every pause of 150 ms: a fast typist
 * makes ~5 a second for a few seconds, a room of trainees behind one address a few times
 * that. 120 a minute lets them through and stops a script hammering Meilisearch.
 */
export const DEFAULT_SEARCH_RATE_LIMIT: SearchRateLimit = { max: 120, windowMs: 60_000 };

/** How long a refused search waits for its 429 (see the site server's error handler). */
export const TOO_MANY_SEARCHES_HOLD_MS = 1000;

const waitFr = (seconds: number) =>
  seconds <= 1 ? 'une seconde' : `${Math.min(seconds, 60 * 60)} secondes`;

export const tooManySearchesFr = (seconds: number) =>
  `Trop de recherches en peu de temps depuis votre connexion. Réessayez dans ${waitFr(seconds)}.`;

/** An answer of the rate limit: Fastify's error handler sends it as it is. */
class TooManySearches extends Error {
  readonly statusCode = 429;
  constructor(seconds: number) {
    super(tooManySearchesFr(seconds));
  }
}

/**
 * The per-client limit of a search route — `/_search` (JSON, for the island) and the results
 * page (HTML, without JavaScript) count apart. Past it, a TooManySearches error (429): the
 * site server answers it with `Retry-After` and the French message.
 */
export function searchRateLimit(
  limit: SearchRateLimit | false = DEFAULT_SEARCH_RATE_LIMIT,
): RateLimitOptions | false {
  if (!limit) return false;
  return {
    max: limit.max,
    timeWindow: limit.windowMs,
    errorResponseBuilder: (_request, context) => new TooManySearches(Math.ceil(context.ttl / 1000)),
  };
}

/** SITE_SEARCH_RATE_LIMIT: searches per client and minute (0: no limit); 120 unless set. */
export function searchRateLimitFromEnv(env: NodeJS.ProcessEnv): SearchRateLimit | false {
  const value = env.SITE_SEARCH_RATE_LIMIT;
  if (value === undefined || value === '') return DEFAULT_SEARCH_RATE_LIMIT;
  const max = Number(value);
  if (!Number.isInteger(max) || max < 0)
    throw new Error(
      `SITE_SEARCH_RATE_LIMIT must be a whole number of searches a minute (0: no limit), not "${value}"`,
    );
  return max === 0 ? false : { max, windowMs: 60_000 };
}

export function isTooManySearches(error: unknown): error is TooManySearches {
  return error instanceof TooManySearches;
}
