// `npm run serve-site`: serves the last build (SITE_OUT_DIR, else site/dist/) on SITE_PORT
// (4321), with the `/_search` forward and the on-demand search results. The search-only key
// comes from MEILI_SEARCH_KEY, or is derived from MEILI_MASTER_KEY at start-up (the master key
// never leaves this process). Settings: environment, then the repository's .env.
import { fileURLToPath } from 'node:url';
import { createMeiliClient } from '@dejala/search/meili-client';
import { ensureSearchKey } from '@dejala/search/search-key';
import { rootEnv } from '../src/lib/root-env.ts';
import { loadRelease } from './release.ts';
import { createSiteServer } from './site-server.ts';

const env = rootEnv();
const meiliUrl = env.MEILI_URL || `http://127.0.0.1:${env.MEILI_PORT || 7700}`;
const searchKey =
  env.MEILI_SEARCH_KEY ||
  (await ensureSearchKey(createMeiliClient({ url: meiliUrl, apiKey: env.MEILI_MASTER_KEY ?? '' })));
const buildDir = env.SITE_OUT_DIR || fileURLToPath(new URL('../dist', import.meta.url));
const port = Number(env.SITE_PORT || 4321);
const host = env.SITE_HOST || '127.0.0.1';

const release = await loadRelease(buildDir);
const server = createSiteServer({
  release,
  meiliUrl,
  searchKey,
  log: (message) => console.error(message),
});
server.listen(port, host, () => console.log(`site: serving ${buildDir} on http://${host}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
