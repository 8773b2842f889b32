// The site server of `load.bench.ts`, in a process of its own and as configured in
// production (behind the proxy, the default search limits): serves a rendered release
// folder and forwards `/_search`. Prints one line once it listens.
import { readReleaseFiles } from '../server/release-files.ts';
import { createSiteServer } from '../server/site-server.ts';

const [releaseDir, port, meiliUrl, searchKey] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const files = readReleaseFiles(releaseDir);
const server = await createSiteServer({
  // Static pages and /_search only: no page is rendered per request here.
  release: () => ({ files, onDemand: async (_request, _response, next) => next(), store: null }),
  meiliUrl,
  searchKey,
  behindProxy: true,
});
server.listen(Number(port), '127.0.0.1', () => console.log(`listening on ${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
