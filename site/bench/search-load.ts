import { percentile } from './keystroke';

export interface SearchLoad {
  /** Each `/_search` request's round trip (ms), sequential, as one visitor typing. */
  latencies: number[];
  p50: number;
  p95: number;
}

/**
 * Sends `/_search` queries one after the other to the site server: `count` of them, or until
 * `until` settles (a render running meanwhile). Every answer must be a 200 with JSON.
 */
export async function searchLoad(
  siteUrl: string,
  queries: string[],
  options: { count?: number; until?: Promise<unknown> },
): Promise<SearchLoad> {
  let settled = !options.until;
  void options.until?.finally(() => (settled = true));
  const latencies: number[] = [];
  for (let n = 0; options.count ? n < options.count : !settled; n += 1) {
    const q = encodeURIComponent(queries[n % queries.length]!);
    const started = performance.now();
    const response = await fetch(`${siteUrl}/_search?q=${q}`);
    await response.json();
    if (!response.ok) throw new Error(`/_search answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  await options.until;
  return { latencies, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}
