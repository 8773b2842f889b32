// `npm run bench` (site part): the site server under load, on loopback, with autocannon,
// 20 s per run. Its capacity: static pages as fast as 50 connections get answers. Baseline
// measured in the same run: visitors' static page views at a steady 200 a second, alone;
// then the same views while 50 connections flood `/_search` — as one visitor (the
// per-visitor limit answers 429), then as a new visitor each request (no 429: the bound on
// searches sent to Meilisearch at once holds). Server and each generator run in processes of
// their own, the flood's at the lowest priority (an attacker's machine is not the server's).
// Writes bench-results/site-load.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopChild } from '@dejala/search/child-process';
import { fetchAllPublishedMedia } from '@dejala/search/cms-media-source';
import { createMeiliClient } from '@dejala/search/meili-client';
import { reindexMedia } from '@dejala/search/reindex';
import { ensureSearchKey } from '@dejala/search/search-key';
import { MACHINE, QUICK, writeFigures } from '../../search/bench/bench-report.ts';
import { compileSearchAndCms } from '../../cms/tests/helpers/compile';
import { removeCmsEnv } from '../../cms/tests/helpers/cms-env';
import { stackPublisher, startSeededCms, startTestMeili } from '../tests/helpers/test-stack';
import type { LoadClientConfig, LoadClientResult } from './load-client.ts';

const BENCH_DIR = path.dirname(new URL(import.meta.url).pathname);
const ITEMS = QUICK ? 20 : 1000;
const DURATION_S = QUICK ? 2 : 20;
const CONNECTIONS = 50;
const PAGE_VIEWS_PER_SECOND = 200;
const QUERIES = ['concertation', 'riviere', 'forêt', 'territoire', 'mediation', 'eau', 'atelier'];

const figures: Record<string, number | string> = {};
function note(name: string, value: number | string, unit = ''): void {
  figures[unit ? `${name} (${unit})` : name] =
    typeof value === 'number' ? Math.round(value * 100) / 100 : value;
  console.log(`bench: ${name}: ${typeof value === 'number' ? value.toFixed(1) : value} ${unit}`);
}

/** Runs one generator (load-client.ts) to its end; its figures. */
function generate(config: LoadClientConfig, niceness = 0): Promise<LoadClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_DIR, 'load-client.ts'), JSON.stringify(config)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (niceness) os.setPriority(child.pid!, niceness);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load client exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as LoadClientResult);
    });
  });
}

const statusesText = (result: LoadClientResult) =>
  Object.entries(result.statuses)
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ') + (result.errors ? `, no answer: ${result.errors}` : '');

async function main(): Promise<void> {
  console.log(`bench: machine: ${MACHINE}; ${ITEMS} items, ${DURATION_S} s per run`);
  compileSearchAndCms();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-load-'));
  const meili = await startTestMeili(path.join(work, 'meili'));
  const cms = await startSeededCms({ synthetic: ITEMS, log: console.error });
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
    await reindexMedia(
      client,
      await fetchAllPublishedMedia({ url: cms.url, token: cms.siteToken, publicUrl: cms.url }),
      { mediaBaseUrl: cms.url },
    );
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const dataDir = path.join(work, 'site');
    await stackPublisher(cms, { dataDir, siteUrl: origin, onLive: () => {} }).build([
      'bench: load',
    ]);
    const releaseDir = fs.realpathSync(path.join(dataDir, 'current'));
    // Every page of the release, in a fixed order: the static load goes round them.
    const pages = fs
      .readdirSync(releaseDir, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('index.html'))
      .sort()
      .map((name) => `/${name.slice(0, -'index.html'.length)}`);
    console.error(`bench: ${pages.length} pages rendered`);

    server = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(BENCH_DIR, 'load-server.ts'),
        releaseDir,
        String(port),
        meili.url,
        await ensureSearchKey(client),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      server!.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) resolve();
      });
      server!.on('exit', (code) => reject(new Error(`load server exited with ${code}`)));
    });

    const run = { origin, durationS: DURATION_S };
    const searches = QUERIES.map((query) => `/_search?q=${encodeURIComponent(query)}`);
    const capacity = await generate({
      ...run,
      connections: CONNECTIONS,
      paths: pages,
      visitors: 'many',
    });
    note('static pages, capacity with 50 connections', capacity.perSecond, 'req/s');
    note('static pages, capacity with 50 connections, p99', capacity.p99, 'ms');

    const views = {
      ...run,
      connections: 10,
      ratePerSecond: PAGE_VIEWS_PER_SECOND,
      paths: pages,
      visitors: 'many' as const,
    };
    const alone = await generate(views);
    const viewsName = `static pages at ${PAGE_VIEWS_PER_SECOND}/s`;
    note(`${viewsName} alone, p50`, alone.p50, 'ms');
    note(`${viewsName} alone, p99`, alone.p99, 'ms');
    note(`${viewsName} alone, answers`, statusesText(alone));

    for (const visitors of ['one', 'many'] as const) {
      const who = visitors === 'one' ? 'one visitor' : 'a new visitor each request';
      const [pagesMeanwhile, flood] = await Promise.all([
        generate(views),
        generate({ ...run, connections: CONNECTIONS, paths: searches, visitors }, 19),
      ]);
      note(`${viewsName} while ${who} floods /_search, p50`, pagesMeanwhile.p50, 'ms');
      note(`${viewsName} while ${who} floods /_search, p99`, pagesMeanwhile.p99, 'ms');
      note(
        `${viewsName} while ${who} floods /_search, p99 ÷ alone`,
        pagesMeanwhile.p99 / alone.p99,
        '×',
      );
      note(`${viewsName} while ${who} floods /_search, answers`, statusesText(pagesMeanwhile));
      note(`/_search flooded by ${who}, requests per second`, flood.perSecond, 'req/s');
      note(`/_search flooded by ${who}, p99`, flood.p99, 'ms');
      note(`/_search flooded by ${who}, answers`, statusesText(flood));
    }
  } finally {
    if (server) await stopChild(server);
    await cms.server.stop();
    removeCmsEnv(cms.env);
    await meili.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  writeFigures('site-load', { machine: MACHINE, measuredAt: new Date().toISOString(), figures });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
