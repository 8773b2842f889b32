// One load generator of `load.bench.ts`, in a process of its own (a generator sharing the
// thread of another, or of the server, would measure its own queueing): autocannon over
// the given paths, round robin, then one JSON line of what it saw.
import autocannon from 'autocannon';

export interface LoadClientConfig {
  origin: string;
  paths: string[];
  connections: number;
  durationS: number;
  /** Requests per second, all connections together; as fast as answers come when absent. */
  ratePerSecond?: number;
  /** Who the proxy says the visitor is: one address for all requests, or a new one each. */
  visitors: 'one' | 'many';
}

export interface LoadClientResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  /** Connection errors and timeouts: requests that got no answer at all. */
  errors: number;
}

const config = JSON.parse(process.argv[2]!) as LoadClientConfig;
let sent = 0;
const result = await autocannon({
  url: config.origin,
  connections: config.connections,
  duration: config.durationS,
  overallRate: config.ratePerSecond,
  requests: [
    {
      setupRequest: (request) => {
        const path = config.paths[sent % config.paths.length]!;
        // 198.18.0.0/15 is for benchmarks; `many` starts past `one`'s address.
        const visitor = config.visitors === 'one' ? 0 : sent + 1;
        sent += 1;
        return {
          ...request,
          path,
          headers: {
            ...request.headers,
            'accept-encoding': 'br, gzip',
            'x-forwarded-for': `198.18.${(visitor >> 8) & 255}.${visitor & 255}`,
          },
        };
      },
    },
  ],
});
const statuses: Record<string, number> = {};
for (const [status, stats] of Object.entries(result.statusCodeStats ?? {}))
  statuses[status] = stats?.count ?? 0;
const summary: LoadClientResult = {
  requests: result.requests.total,
  perSecond: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  statuses,
  errors: result.errors + result.timeouts,
};
console.log(JSON.stringify(summary));
