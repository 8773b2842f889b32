// The site server (`npm run serve-site`; part of `npm start` and of the production stack):
// serves the live release on SITE_PORT (4321) with `/_search`, rebuilds the site when the
// CMS webhook calls `POST /_hooks/rebuild`, and builds at start-up and every
// SITE_RECONCILE_INTERVAL_MS when the CMS publishes something the live build lacks.
// Settings: environment, then the repository's .env.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsConnectionFromEnv } from '@dejala/search/cms/cms-connection';
import { meiliUrlFromEnv } from '@dejala/search/meili-client';
import { required } from '@dejala/search/platform-env';
import { searchKeyFromEnv } from '@dejala/search/search-key';
import { rootEnv } from '../src/lib/root-env.ts';
import { BuildQueue } from './build-queue.ts';
import { SITE_CODE_INPUTS } from './code-inputs.ts';
import { createHooks } from './hooks.ts';
import { Publisher } from './publisher.ts';
import type { Release } from './loaded-release.ts';
import { searchRateLimitFromEnv } from './search-limits.ts';
import { createSiteServer } from './site-server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const env = rootEnv();
const log = (message: string) => console.log(`${new Date().toISOString()} ${message}`);

// Renders run in this process (and the code build in its children): below Strapi and
// Meilisearch, so that a full render never starves search or the CMS on a shared machine.
const nice = Number(env.SITE_CPU_NICE || 10);
try {
  os.setPriority(Math.max(os.getPriority(), nice));
} catch (error) {
  log(`site: cannot lower this process's CPU priority (${(error as Error).message})`);
}

const meiliUrl = meiliUrlFromEnv(env);
const searchKey = await searchKeyFromEnv(env, meiliUrl);
const rebuildSecret = required(env, 'REBUILD_SECRET');
const cms = cmsConnectionFromEnv(env);
const port = Number(env.SITE_PORT || 4321);
const host = env.SITE_HOST || '127.0.0.1';
const siteUrl = env.SITE_URL || `http://localhost:${port}`;
// Drafts are read with a token of their own, held by this process only (never by the build).
const previewToken = env.SITE_PREVIEW_TOKEN;
if (env.PREVIEW_SECRET && !previewToken) {
  log('site: SITE_PREVIEW_TOKEN is not set: draft previews are off');
}

let live: Release | null = null;
const publisher = new Publisher({
  dataDir: path.resolve(ROOT, env.SITE_DATA_DIR || '.tmp/site'),
  cms,
  siteUrl,
  buildEnv: { SITE_URL: siteUrl },
  codeInputs: SITE_CODE_INPUTS,
  secrets: [
    cms.token,
    searchKey,
    rebuildSecret,
    env.MEILI_MASTER_KEY,
    env.PREVIEW_SECRET,
    previewToken,
    env.ADMIN_PASSWORD,
  ].filter((secret): secret is string => Boolean(secret)),
  onLive: (release) => (live = release),
  log,
  keepReleases: Number(env.SITE_KEEP_RELEASES || 3),
});
const queue = new BuildQueue({
  build: (reasons, changes) =>
    changes ? publisher.update(changes, reasons) : publisher.build(reasons),
  debounceMs: Number(env.SITE_REBUILD_DEBOUNCE_MS || 200),
  onFinished: (record) =>
    log(
      record.ok
        ? `site: ${record.path} render live in ${record.durationMs} ms`
        : `site: build FAILED, live site unchanged: ${record.error}`,
    ),
});

live = await publisher.loadLive();
const server = await createSiteServer({
  release: () => live,
  meiliUrl,
  searchKey,
  preview:
    env.PREVIEW_SECRET && previewToken
      ? { secret: env.PREVIEW_SECRET, cms: { ...cms, token: previewToken } }
      : undefined,
  hooks: createHooks({
    secret: rebuildSecret,
    queue,
    liveSince: () => publisher.wentLiveAt,
    liveContentReadAt: () => publisher.liveContentReadAt,
    log,
  }),
  imagesDir: publisher.imagesDir,
  searchRateLimit: searchRateLimitFromEnv(env),
  behindProxy: env.SITE_BEHIND_PROXY === 'true',
  log,
});
await new Promise<void>((resolve) => server.listen(port, host, resolve));
log(`site: serving on http://${host}:${port} (${live ? 'live release loaded' : 'no release yet'})`);

/** Builds when the CMS publishes something the live build does not show (missed webhook, restart). */
async function reconcile(when: string): Promise<void> {
  if (queue.state !== 'idle') return;
  try {
    if (await publisher.isOutdated()) queue.request(`${when}: live build outdated`);
  } catch (error) {
    log(
      `site: cannot compare the live build with the CMS (${(error as Error).message}); retrying later`,
    );
  }
}
await reconcile('start-up');
const interval = setInterval(
  () => void reconcile('reconciliation'),
  Number(env.SITE_RECONCILE_INTERVAL_MS || 300_000),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`site: ${signal}, stopping`);
    clearInterval(interval);
    queue.cancelQueued();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
