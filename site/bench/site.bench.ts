// `npm run bench` (site part). On a real seeded Strapi with 100, 1,000 and 10,000 médiathèque
// items: the code build, a full render; publish → live through the site server's pipeline by
// the fast path and by a full render (ratio), CPU per publish, renders per burst of 30;
// JavaScript per template; keystroke → results painted in Chromium at the largest size.
// Anchor measured in the same run: Pagefind indexing the same built pages — its index size,
// bytes fetched per query and keystroke → results. Writes bench-results/site.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { freePort } from '@dejala/search/child-process';
import { fetchAllPublishedMedia } from '@dejala/search/cms-media-source';
import { createMeiliClient } from '@dejala/search/meili-client';
import type { MeiliServer } from '@dejala/search/meili-server';
import { reindexMedia } from '@dejala/search/reindex';
import { ensureSearchKey } from '@dejala/search/search-key';
import { MACHINE, QUICK, writeFigures } from '../../search/bench/bench-report.ts';
import { compileSearchAndCms } from '../../cms/tests/helpers/compile';
import { removeCmsEnv } from '../../cms/tests/helpers/cms-env';
import { runSeed } from '../../cms/tests/helpers/cms-process';
import type { Release } from '../server/loaded-release.ts';
import { linkFiles, readReleaseFiles } from '../server/release-files.ts';
import { createSiteServer } from '../server/site-server.ts';
import { launchBrowser } from '../tests/helpers/browser';
import {
  stackPublisher,
  startSeededCms,
  startTestMeili,
  type CmsStack,
} from '../tests/helpers/test-stack';
import { keystrokeToResults, percentile } from './keystroke';
import { pagefindBenchPage } from './pagefind-page';
import { measurePublishToLive } from './publish-live';
import { measurePublishToSearchable } from './publish-searchable';
import { searchLoad } from './search-load';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = (process.env.BENCH_SITE_SIZES ?? (QUICK ? '100' : '100,1000,10000'))
  .split(',')
  .map(Number);
const TYPING_DEBOUNCE_MS = 150; // as in the island (MediaSearch.tsx)
// Each ends with a plain letter: the timed keystroke is a real key press.
const ALL_QUERIES = [
  'concertation',
  'riviere',
  'forêt',
  'territoire',
  'mediation',
  'foncier',
  'citoyens',
  'atelier',
  'secheresse',
  'biodiversite',
  'convention',
  'quartier',
  'garrigue',
  'inondation',
  'communs',
  'dialogue',
  'syndicat',
  'habitants',
  'agriculteurs',
  'eau',
];
const QUERIES = QUICK ? ALL_QUERIES.slice(0, 3) : ALL_QUERIES;
const TEMPLATES = {
  home: '/',
  offers: '/offres/',
  offer: '/offres/culture-de-dialogue/',
  training: '/formations/se-former-au-dialogue-territorial/',
  'médiathèque (search)': '/mediatheque/',
  'médiathèque list page': '/mediatheque/annees/2020/page/2/',
  'media item': '/mediatheque/rapport-convention-citoyenne-clermont-ferrand-2022/',
  'case study': '/etudes-de-cas/voyage-apprenant-syribt/',
  'free page': '/la-demarche/',
};

const figures: Record<string, number | string> = {};
function note(name: string, value: number, unit: string): void {
  figures[`${name} (${unit})`] = Math.round(value * 100) / 100;
  console.log(
    `bench: ${name}: ${unit === 'ms' || unit.startsWith('B') ? Math.round(value).toLocaleString('en') : value.toFixed(2)} ${unit}`,
  );
}
const folderBytes = (dir: string) =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).reduce((sum, name) => {
    const stat = fs.statSync(path.join(dir, name));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);

/**
 * This process is the site server: at its production priority (SITE_CPU_NICE), below the CMS
 * and Meilisearch started before (children started after inherit it).
 */
const lowerPriority = () => os.setPriority(Math.max(os.getPriority(), 10));

/** Until Meilisearch has had nothing to do for 3 s in a row (the CMS's sync has drained). */
async function meiliSettled(client: ReturnType<typeof createMeiliClient>): Promise<void> {
  let quiet = 0;
  while (quiet < 3) {
    const pending = await client.tasks.getTasks({ statuses: ['enqueued', 'processing'] });
    quiet = pending.results.length === 0 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Publish → searchable end to end: a CMS whose search sync sends each publication to
 * Meilisearch, the publication found through a site server that renders meanwhile.
 */
async function publishToSearchable(work: string, size: number): Promise<void> {
  const meili = await startTestMeili(path.join(work, 'meili-sync'));
  const cms = await startSeededCms({
    synthetic: size,
    cmsVars: { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey },
    log: console.error,
  });
  const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  let release: Release | null = null;
  const server = await createSiteServer({
    release: () => release,
    meiliUrl: meili.url,
    searchKey: await ensureSearchKey(client),
    // Publish → searchable is measured here, not abuse: searches are not counted.
    searchRateLimit: false,
  });
  lowerPriority();
  try {
    await meiliSettled(client);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const publisher = stackPublisher(cms, {
      dataDir: path.join(work, 'site-server-searchable'),
      siteUrl,
      onLive: (live) => (release = live),
    });
    await publisher.build(['bench: first full render']);
    const measure = (during: 'fast path' | 'full render', samples: number) =>
      measurePublishToSearchable({ cms, siteUrl, publisher, samples, during, debounceMs: 200 });
    for (const [during, samples] of [
      ['fast path', QUICK ? 3 : 20],
      ['full render', QUICK ? 2 : 5],
    ] as const) {
      const latencies = await measure(during, samples);
      note(
        `publish → searchable ${size} items, end to end during the ${during} (${samples} samples) p50`,
        percentile(latencies, 50),
        'ms',
      );
      note(
        `publish → searchable ${size} items, end to end during the ${during} p95`,
        percentile(latencies, 95),
        'ms',
      );
    }
  } finally {
    server.closeAllConnections();
    server.close();
    await cms.server.stop();
    removeCmsEnv(cms.env);
    await meili.stop();
  }
}

async function main(): Promise<void> {
  console.log(`bench: machine: ${MACHINE}; sizes ${SIZES.join(', ')}`);
  compileSearchAndCms();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-site-'));
  const cms = await startSeededCms({ synthetic: 0, log: console.error });
  const meili = await startTestMeili(path.join(work, 'meili'));
  const servers: http.Server[] = [];
  try {
    await publishToSearchable(work, Math.min(1000, SIZES.at(-1)!));
    lowerPriority();
    await sizesAndBrowser(work, cms, meili, (started) => servers.push(started));
  } finally {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    await meili.stop();
    await cms.server.stop();
    removeCmsEnv(cms.env);
    fs.rmSync(work, { recursive: true, force: true });
  }
  writeFigures('site', { machine: MACHINE, measuredAt: new Date().toISOString(), figures });
}

/**
 * Per size: seeding, the full render, publish → live by both paths, `/_search` idle and during
 * a full render; then, at the largest size, JavaScript per template and the search island
 * against Pagefind in Chromium.
 */
async function sizesAndBrowser(
  work: string,
  cms: CmsStack,
  meili: MeiliServer,
  onServer: (server: http.Server) => void,
): Promise<void> {
  const client = createMeiliClient({
    url: meili.url,
    apiKey: meili.masterKey,
    timeoutMs: 600_000,
  });
  const reindex = async () =>
    reindexMedia(
      client,
      await fetchAllPublishedMedia({ url: cms.url, token: cms.siteToken, publicUrl: cms.url }),
      { mediaBaseUrl: cms.url },
    );
  const searchKey = await ensureSearchKey(client);
  let release: Release | null = null;
  let served: Release | null = null;
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  const server = await createSiteServer({
    release: () => served ?? release,
    meiliUrl: meili.url,
    searchKey,
    // Search latency is measured here, not abuse: one client makes every search.
    searchRateLimit: false,
  });
  onServer(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  for (const size of SIZES) {
    const started = performance.now();
    await runSeed(cms.env, ['--synthetic', String(size)]);
    console.error(
      `bench: ${size} synthetic items present (seeded in ${Math.round((performance.now() - started) / 1000)} s)`,
    );
    const dataDir = path.join(work, `site-server-${size}`);
    const publisher = stackPublisher(cms, {
      dataDir,
      siteUrl,
      onLive: (live) => (release = live),
      log: (message) => {
        if (process.env.BENCH_VERBOSE) console.error(message);
      },
    });
    const first = performance.now();
    await publisher.build(['bench: first full render (code build included)']);
    const firstMs = performance.now() - first;
    const again = performance.now();
    await publisher.build(['bench: full render']);
    const fullMs = performance.now() - again;
    const pages = fs
      .readdirSync(path.join(dataDir, 'current'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.html')).length;
    console.error(`bench: ${size} items → ${pages} pages`);
    note(`render ${size} items, first full render with the code build`, firstMs, 'ms');
    note(`render ${size} items, full render`, fullMs, 'ms');
    const measure = (renderPath: 'fast' | 'full', samples: number, burst: boolean) =>
      measurePublishToLive({
        cms,
        publisher,
        dataDir,
        path: renderPath,
        samples,
        burst,
        debounceMs: Number(process.env.SITE_REBUILD_DEBOUNCE_MS ?? 100),
      });
    // 30 back to back at 10,000 items: past the 20 layers that start a merge, which then runs
    // while the next publications go live.
    const fast = await measure('fast', QUICK ? 3 : size >= 10_000 ? 30 : 20, size === SIZES[0]);
    const full = await measure('full', QUICK ? 2 : size >= 10_000 ? 3 : 5, false);
    for (const [name, figures] of [
      ['full render', full],
      ['fast path', fast],
    ] as const) {
      note(
        `publish → live ${size} items, ${name} (${figures.latencies.length} samples) p50`,
        percentile(figures.latencies, 50),
        'ms',
      );
      note(`publish → live ${size} items, ${name} p95`, percentile(figures.latencies, 95), 'ms');
      note(
        `CPU per publish ${size} items, ${name} (site server) p50`,
        percentile(figures.cpuPerPublish, 50),
        'ms',
      );
    }
    note(
      `publish → live ${size} items, full render ÷ fast path (p50)`,
      percentile(full.latencies, 50) / percentile(fast.latencies, 50),
      '×',
    );
    note(
      `layers under the live release after the fast path (${size} items)`,
      fast.layers,
      'layers',
    );
    if (fast.rendersForBurst !== null)
      note(`renders for a burst of 30 publishes (${size} items)`, fast.rendersForBurst, 'renders');

    // /_search through the site server, idle and while it renders the whole site.
    await reindex();
    const idle = await searchLoad(siteUrl, QUERIES, { count: QUICK ? 20 : 200 });
    const during = await searchLoad(siteUrl, QUERIES, {
      until: publisher.build(['bench: /_search during a full render']),
    });
    note(`/_search ${size} items, idle p50`, idle.p50, 'ms');
    note(`/_search ${size} items, idle p95`, idle.p95, 'ms');
    note(
      `/_search ${size} items, during a full render (${during.latencies.length} queries) p50`,
      during.p50,
      'ms',
    );
    note(`/_search ${size} items, during a full render p95`, during.p95, 'ms');
    note(`/_search ${size} items, p95 during a full render ÷ idle`, during.p95 / idle.p95, '×');
    if (size !== SIZES.at(-1)) fs.rmSync(dataDir, { recursive: true, force: true });
  }

  // The largest site, served as in production, with every published item in Meilisearch.
  // The live release as one folder of its own: Pagefind's anchor writes its index into it.
  const siteDir = path.join(work, 'served');
  linkFiles(release!.files, siteDir);
  served = { ...release!, files: readReleaseFiles(siteDir) };
  const browser = await launchBrowser(siteUrl, { alsoAllowed: [cms.url] });
  try {
    const page = await browser.context.newPage();
    for (const [template, urlPath] of Object.entries(TEMPLATES)) {
      const scripts: string[] = [];
      const listener = (response: { url(): string; request(): { resourceType(): string } }) => {
        if (response.request().resourceType() === 'script')
          scripts.push(new URL(response.url()).pathname);
      };
      page.on('response', listener);
      await page.goto(`${siteUrl}${urlPath}`, { waitUntil: 'networkidle' });
      page.off('response', listener);
      const bytes = scripts.reduce(
        (sum, script) =>
          sum + zlib.gzipSync(fs.readFileSync(path.join(siteDir, script)), { level: 9 }).length,
        0,
      );
      note(`JavaScript, ${template}`, bytes, 'B gzip');
    }

    await page.goto(`${siteUrl}/mediatheque/`, { waitUntil: 'networkidle' });
    const searchBytes: number[] = [];
    page.on('requestfinished', async (request) => {
      if (new URL(request.url()).pathname === '/_search')
        searchBytes.push((await request.sizes()).responseBodySize);
    });
    const island: number[] = [];
    for (const query of [...QUERIES, ...QUERIES]) {
      island.push(
        await keystrokeToResults(page, '#recherche-q', '#resultats', query, `pour « ${query} »`),
      );
    }
    const islandOk = island.filter((value) => !Number.isNaN(value));
    note(
      `keystroke → results painted, Meilisearch island (${islandOk.length} queries, debounce ${TYPING_DEBOUNCE_MS} ms included) p50`,
      percentile(islandOk, 50),
      'ms',
    );
    note('keystroke → results painted, Meilisearch island p95', percentile(islandOk, 95), 'ms');
    note(
      'Meilisearch island bytes fetched per query (/_search, compressed), p50',
      percentile(searchBytes, 50),
      'B',
    );

    // Anchor: Pagefind over the same item pages of the same build.
    const pagefindStarted = performance.now();
    execFileSync(
      path.join(ROOT, 'node_modules', '.bin', 'pagefind'),
      ['--site', siteDir, '--glob', 'mediatheque/*/index.html', '--silent'],
      { stdio: 'inherit' },
    );
    note('Pagefind indexing', performance.now() - pagefindStarted, 'ms');
    note('Pagefind index size', folderBytes(path.join(siteDir, 'pagefind')), 'B');
    fs.writeFileSync(
      path.join(siteDir, 'pagefind-bench.html'),
      pagefindBenchPage(TYPING_DEBOUNCE_MS),
    );
    served = { ...served, files: readReleaseFiles(siteDir) };
    const fetched: number[] = [];
    let bytes = 0;
    page.on('requestfinished', async (request) => {
      if (new URL(request.url()).pathname.startsWith('/pagefind/'))
        bytes += (await request.sizes()).responseBodySize;
    });
    await page.goto(`${siteUrl}/pagefind-bench.html`, { waitUntil: 'networkidle' });
    const pagefind: number[] = [];
    for (const query of [...QUERIES, ...QUERIES]) {
      bytes = 0;
      pagefind.push(await keystrokeToResults(page, '#q', '#status', query, `pour « ${query} »`));
      await page.waitForTimeout(200);
      fetched.push(bytes);
    }
    const pagefindOk = pagefind.filter((value) => !Number.isNaN(value));
    note(
      `keystroke → results painted, Pagefind (${pagefindOk.length} queries, same debounce) p50`,
      percentile(pagefindOk, 50),
      'ms',
    );
    note('keystroke → results painted, Pagefind p95', percentile(pagefindOk, 95), 'ms');
    // Each query runs twice: the first pass fetches index chunks, the second finds them cached.
    const firstPass = fetched.slice(0, QUERIES.length);
    note(
      'Pagefind bytes fetched, first query of the session (runtime + index)',
      fetched[0] ?? 0,
      'B',
    );
    note('Pagefind bytes fetched per new query, p50', percentile(firstPass.slice(1), 50), 'B');
    note(
      'Pagefind bytes fetched per new query, mean',
      firstPass.slice(1).reduce((a, b) => a + b, 0) / (firstPass.length - 1),
      'B',
    );
    note(
      'Pagefind bytes fetched per repeated query, p50',
      percentile(fetched.slice(QUERIES.length), 50),
      'B',
    );
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
