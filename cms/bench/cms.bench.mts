// `npm run bench` (CMS part): Strapi cold start, seed, synthetic import, REST read-out, and
// publish → searchable through the CMS for an item with a 100-page PDF, each against a
// baseline measured in the same run. Prints a table and writes bench-results/cms.json at the
// repository root.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMeiliClient } from '@dejala/search/meili-client';
import { startBundledMeili } from '@dejala/search/meili-server';
import { writeOfficePdfs } from '../../scripts/office-pdf.ts';
import { QUICK } from '../../search/bench/bench-report.ts';
import { syntheticDocumentPages } from '../seed/synthetic-documents.ts';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../tests/helpers/cms-env.ts';
import { runSeed, startCmsServer } from '../tests/helpers/cms-process.ts';
import { adminLogin, createFullAccessToken, request } from '../tests/helpers/http.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = (process.env.BENCH_SYNTHETIC_SIZES ?? (QUICK ? '20' : '1000,10000'))
  .split(',')
  .map(Number);
const COLD_STARTS = QUICK ? 1 : 3;
const PUBLISH_RUNS = QUICK ? 2 : 20;
const LONG_PAGES = QUICK ? 10 : 100;

interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number; ratio: number };
}
const figures: Figure[] = [];

function record(figure: Figure): void {
  figures.push(figure);
  const base = figure.baseline
    ? `  (baseline ${figure.baseline.name}: ${figure.baseline.value.toFixed(1)} ${figure.unit}; ×${figure.baseline.ratio.toFixed(2)})`
    : '';
  console.log(`bench: ${figure.name}: ${figure.value.toFixed(1)} ${figure.unit}${base}`);
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function timeColdStart(env: CmsEnv): Promise<number> {
  const startedAt = performance.now();
  const server = await startCmsServer(env);
  const elapsed = performance.now() - startedAt;
  await server.stop();
  return elapsed;
}

/** Reads every published médiathèque item page by page; returns items per second. */
async function fetchAll(
  url: string,
  pageSize: number,
): Promise<{ items: number; perSecond: number }> {
  const startedAt = performance.now();
  let items = 0;
  for (let page = 1; ; page += 1) {
    const response = await fetch(
      `${url}/api/media-items?sort=id:asc&pagination[page]=${page}&pagination[pageSize]=${pageSize}`,
    );
    if (!response.ok) throw new Error(`REST read-out failed: ${response.status}`);
    const body = (await response.json()) as {
      data: unknown[];
      meta: { pagination: { pageCount: number } };
    };
    items += body.data.length;
    if (page >= body.meta.pagination.pageCount) break;
  }
  return { items, perSecond: items / ((performance.now() - startedAt) / 1000) };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[
    Math.min(values.length - 1, Math.floor((p / 100) * values.length))
  ] as number;

/**
 * Publish → searchable through a running CMS and its search sync: an item with a (never
 * seen) 100-page PDF until a sentence of its last page is found, against an item without a
 * file until its title is found.
 */
async function publishToSearchable(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-publish-'));
  const meili = await startBundledMeili({ dataDir: path.join(work, 'meili') });
  const env = await createCmsEnv('sqlite');
  Object.assign(env.vars, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
  const server = await startCmsServer(env);
  try {
    const [pdf] = await writeOfficePdfs(
      [
        {
          name: 'rapport-long',
          title: 'Rapport final de la concertation',
          header: 'Déjà-là — dialogue territorial',
          pages: syntheticDocumentPages(11, LONG_PAGES, { [LONG_PAGES]: 'Marqueur de fin.' }),
        },
      ],
      work,
    );
    const token = await createFullAccessToken(server.url, await adminLogin(server.url, env.admin));
    const index = createMeiliClient({ url: meili.url, apiKey: meili.masterKey }).index('media');
    const publish = async (data: Record<string, unknown>) => {
      const response = await request(server.url, '/api/media-items', {
        method: 'POST',
        token,
        body: { data: { type: 'rapport', summary: 'Mesure.', ...data } },
      });
      if (response.status !== 201) throw new Error(`publish failed: ${response.status}`);
      return response.body.data.documentId as string;
    };
    const until = async (found: () => Promise<boolean>) => {
      while (!(await found())) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const withFile: number[] = [];
    const withoutFile: number[] = [];
    for (let run = 0; run < PUBLISH_RUNS; run += 1) {
      // A new upload each time: its text is not in the cache.
      const form = new FormData();
      form.append(
        'files',
        await fs.openAsBlob(pdf!, { type: 'application/pdf' }),
        `rapport-${run}.pdf`,
      );
      const uploaded = await fetch(`${server.url}/api/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const [file] = (await uploaded.json()) as Array<{ id: number }>;
      let startedAt = performance.now();
      const id = await publish({ title: `Rapport ${run}`, file: file!.id });
      // Each run's item has the sentence: look for this one's.
      await until(async () =>
        (
          await index.search('Marqueur de fin', {
            filter: `itemId = "${id}"`,
            attributesToRetrieve: ['page'],
          })
        ).hits.some((hit) => hit.page === LONG_PAGES),
      );
      withFile.push(performance.now() - startedAt);

      startedAt = performance.now();
      const plain = await publish({ title: `Note sans fichier numéro${run}x` });
      await until(async () =>
        (await index.search(`numéro${run}x`)).hits.some((hit) => hit.itemId === plain),
      );
      withoutFile.push(performance.now() - startedAt);
    }
    for (const p of [50, 95]) {
      record({
        name: `publish → searchable through the CMS, ${LONG_PAGES}-page PDF, p${p}`,
        value: percentile(withFile, p),
        unit: 'ms',
        baseline: {
          name: 'item without a file',
          value: percentile(withoutFile, p),
          ratio: percentile(withFile, p) / percentile(withoutFile, p),
        },
      });
    }
  } finally {
    await server.stop();
    await meili.stop();
    removeCmsEnv(env);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `bench: machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite`,
  );

  // Seed of the real content, then cold starts on that database.
  const seeded = await createCmsEnv('sqlite');
  const seedStart = performance.now();
  await runSeed(seeded);
  record({
    name: 'seed of the real content (whole CLI run)',
    value: (performance.now() - seedStart) / 1000,
    unit: 's',
  });
  const emptyEnv = await createCmsEnv('sqlite');
  await timeColdStart(emptyEnv); // first start migrates the empty database: not a cold start
  const emptyStarts = [];
  const seededStarts = [];
  for (let run = 0; run < COLD_STARTS; run += 1) {
    emptyStarts.push(await timeColdStart(emptyEnv));
    seededStarts.push(await timeColdStart(seeded));
  }
  const emptyMedian = median(emptyStarts);
  const seededMedian = median(seededStarts);
  record({
    name: `cold start to first /_health, seeded database (median of ${COLD_STARTS})`,
    value: seededMedian,
    unit: 'ms',
    baseline: { name: 'empty database', value: emptyMedian, ratio: seededMedian / emptyMedian },
  });
  removeCmsEnv(emptyEnv);
  removeCmsEnv(seeded);

  // Synthetic import: batched transactions against one commit per entry (baseline, first size only).
  let baselineRate: number | undefined;
  for (const size of SIZES) {
    if (baselineRate === undefined) {
      const naive = await createCmsEnv('sqlite');
      const output = await runSeed(naive, ['--synthetic', String(size), '--batch-size', '1']);
      const step = output.report['api::media-item.media-item'];
      baselineRate = (step?.created ?? 0) / (step?.seconds ?? 1);
      removeCmsEnv(naive);
    }
    const env = await createCmsEnv('sqlite');
    const output = await runSeed(env, ['--synthetic', String(size)]);
    const step = output.report['api::media-item.media-item'];
    const rate = (step?.created ?? 0) / (step?.seconds ?? 1);
    record({
      name: `synthetic import of ${size} items, batches of 100`,
      value: rate,
      unit: 'items/s',
      baseline: {
        name: `one transaction per item (${SIZES[0]} items)`,
        value: baselineRate,
        ratio: rate / baselineRate,
      },
    });

    const server = await startCmsServer(env);
    const fast = await fetchAll(server.url, 100);
    const slow = await fetchAll(server.url, 25);
    await server.stop();
    if (fast.items !== size)
      throw new Error(`expected ${size} published items through REST, got ${fast.items}`);
    record({
      name: `REST read-out of ${size} published items, pageSize 100`,
      value: fast.perSecond,
      unit: 'items/s',
      baseline: {
        name: 'default pageSize 25',
        value: slow.perSecond,
        ratio: fast.perSecond / slow.perSecond,
      },
    });
    removeCmsEnv(env);
  }

  await publishToSearchable();

  const outDir = path.join(ROOT, 'bench-results');
  fs.mkdirSync(outDir, { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  };
  fs.writeFileSync(
    path.join(outDir, 'cms.json'),
    `${JSON.stringify({ machine, figures }, null, 2)}\n`,
  );
  console.log(
    `bench: figures written to ${path.relative(process.cwd(), path.join(outDir, 'cms.json'))}`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench: failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
