import { Meilisearch } from 'meilisearch';

/**
 * A Meilisearch client that asks for uncompressed answers: compressed ones cost ~45 ms each
 * (headers and body sent in two writes meet the peer's delayed ACK).
 */
export function createMeiliClient(options: {
  url: string;
  apiKey: string | undefined;
  timeoutMs?: number;
}): Meilisearch {
  return new Meilisearch({
    host: options.url,
    apiKey: options.apiKey,
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    timeout: options.timeoutMs ?? 10_000,
  });
}

/** Where Meilisearch answers: MEILI_URL, else the local one on MEILI_PORT (7700). */
export function meiliUrlFromEnv(env: NodeJS.ProcessEnv): string {
  return env.MEILI_URL || `http://127.0.0.1:${env.MEILI_PORT || 7700}`;
}
