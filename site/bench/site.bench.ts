// `npm run bench` (site part). On a real seeded Strapi with 100, 1,000 and 10,000 médiathèque
// items: full build and rebuild with nothing changed (and with one item changed), as ratios;
// publish → live through the site server's pipeline, and builds per burst of 30 publishes;
// JavaScript per template; keystroke → results painted in Chromium at the largest size.
// Anchor measured in the same run: Pagefind indexing the same built pages — its index size,
// bytes fetched per query and keystroke → results. Writes bench-results/site.json.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { freePort } from '@dejala/search/child-process';
import { fetchAllPublishedMedia } from '@dejala/search/cms-media-source';
import { createMeiliClient } from '@dejala/search/meili-client';
import { reindexMedia } from '@dejala/search/reindex';
import { ensureSearchKey } from '@dejala/search/search-key';
import { compileSearchAndCms } from '../../cms/tests/helpers/compile';
import { removeCmsEnv } from '../../cms/tests/helpers/cms-env';
import { runSeed } from '../../cms/tests/helpers/cms-process';
import { runAstroBuild } from '../server/astro-build.ts';
import { loadRelease } from '../server/loaded-release.ts';
import { createSiteServer } from '../server/site-server.ts';
import { launchBrowser } from '../tests/helpers/browser';
import { startSeededCms, startTestMeili } from '../tests/helpers/test-stack';
import { keystrokeToResults, percentile } from './keystroke';
import { pagefindBenchPage } from './pagefind-page';
import { measurePublishToLive } from './publish-live';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// BENCH_QUICK=1: one small size, to check that the benchmark runs (figures are not meaningful).
const SIZES = (process.env.BENCH_SITE_SIZES ?? (process.env.BENCH_QUICK ? '100' : '100,1000,10000'))
  .split(',')
  .map(Number);
const TYPING_DEBOUNCE_MS = 150; // as in the island (MediaSearch.tsx)
// Each ends with a plain letter: the timed keystroke is a real key press.
const QUERIES = [
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
const TEMPLATES = {
  home: '/',
  offers: '/offres/',
  offer: '/offres/culture-de-dialogue/',
  training: '/formations/se-former-au-dialogue-territorial/',
  'médiathèque (search)': '/mediatheque/',
  'médiathèque list page': '/mediatheque/page/2/',
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

async function main(): Promise<void> {
  console.log(
    `bench: machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; sizes ${SIZES.join(', ')}`,
  );
  compileSearchAndCms();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-site-'));
  const cms = await startSeededCms({ synthetic: 0, log: console.error });
  const meili = await startTestMeili(path.join(work, 'meili'));
  try {
    let outDir = '';
    let buildEnv: Record<string, string> = {};
    const port = await freePort();
    for (const size of SIZES) {
      const started = performance.now();
      await runSeed(cms.env, ['--synthetic', String(size)]);
      console.error(
        `bench: ${size} synthetic items present (seeded in ${Math.round((performance.now() - started) / 1000)} s)`,
      );
      outDir = path.join(work, `dist-${size}`);
      buildEnv = {
        CMS_URL: cms.url,
        CMS_PUBLIC_URL: cms.url,
        SITE_API_TOKEN: cms.siteToken,
        SITE_URL: `http://127.0.0.1:${port}`,
        SITE_OUT_DIR: outDir,
        SITE_CACHE_DIR: path.join(work, `cache-${size}`),
      };
      const full = await runAstroBuild(buildEnv);
      const unchanged = await runAstroBuild(buildEnv);
      const [first] = (
        await (
          await fetch(`${cms.url}/api/media-items?pagination[pageSize]=1&sort=id:asc`, {
            headers: { authorization: `Bearer ${cms.siteToken}` },
          })
        ).json()
      ).data;
      await fetch(`${cms.url}/api/media-items/${first.documentId}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${cms.fullToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ data: { summary: `Résumé modifié ${Date.now()}` } }),
      });
      const oneChanged = await runAstroBuild(buildEnv);
      const pages = fs
        .readdirSync(path.join(outDir, 'client'), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.html')).length;
      console.error(`bench: ${size} items → ${pages} pages`);
      note(`build ${size} items, full`, full.durationMs, 'ms');
      note(`build ${size} items, rebuild nothing changed`, unchanged.durationMs, 'ms');
      note(`build ${size} items, rebuild one item changed`, oneChanged.durationMs, 'ms');
      note(
        `build ${size} items, full ÷ rebuild nothing changed`,
        full.durationMs / unchanged.durationMs,
        '×',
      );
      note(
        `build ${size} items, full ÷ rebuild one item changed`,
        full.durationMs / oneChanged.durationMs,
        '×',
      );
      const live = await measurePublishToLive({
        cms,
        dataDir: path.join(work, `site-server-${size}`),
        siteUrl: buildEnv.SITE_URL,
        samples: size >= 10_000 ? 3 : 5,
        burst: size === SIZES[0],
      });
      note(
        `publish → live ${size} items (${live.latencies.length} samples) p50`,
        percentile(live.latencies, 50),
        'ms',
      );
      note(`publish → live ${size} items p95`, percentile(live.latencies, 95), 'ms');
      if (live.buildsForBurst !== null)
        note(`builds for a burst of 30 publishes (${size} items)`, live.buildsForBurst, 'builds');
      fs.rmSync(path.join(work, `site-server-${size}`), { recursive: true, force: true });
    }

    // The largest build, served as in production, with every published item in Meilisearch.
    const client = createMeiliClient({
      url: meili.url,
      apiKey: meili.masterKey,
      timeoutMs: 600_000,
    });
    await reindexMedia(
      client,
      await fetchAllPublishedMedia({ url: cms.url, token: cms.siteToken, publicUrl: cms.url }),
      { mediaBaseUrl: cms.url },
    );
    const searchKey = await ensureSearchKey(client);
    const release = await loadRelease(outDir);
    const server = createSiteServer({ release: () => release, meiliUrl: meili.url, searchKey });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const siteUrl = buildEnv.SITE_URL;
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
            sum +
            zlib.gzipSync(fs.readFileSync(path.join(release.clientDir, script)), { level: 9 })
              .length,
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
        ['--site', release.clientDir, '--glob', 'mediatheque/*/index.html', '--silent'],
        { stdio: 'inherit' },
      );
      note('Pagefind indexing', performance.now() - pagefindStarted, 'ms');
      note('Pagefind index size', folderBytes(path.join(release.clientDir, 'pagefind')), 'B');
      fs.writeFileSync(
        path.join(release.clientDir, 'pagefind-bench.html'),
        pagefindBenchPage(TYPING_DEBOUNCE_MS),
      );
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
      server.closeAllConnections();
      server.close();
    }
  } finally {
    await meili.stop();
    await cms.server.stop();
    removeCmsEnv(cms.env);
    fs.rmSync(work, { recursive: true, force: true });
  }
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench-results', 'site.json'),
    `${JSON.stringify({ machine: `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, measuredAt: new Date().toISOString(), figures }, null, 2)}\n`,
  );
  console.log('bench: figures written to bench-results/site.json');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
