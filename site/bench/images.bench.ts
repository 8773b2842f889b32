// `npm run bench` (images). On a real seeded Strapi whose médiathèque has 1,000 items
// (BENCH_IMAGES_COVERS) with a cover photograph of their own (the synthetic seed's: 2000 ×
// 1333 JPEG), and a cover on every offer, training, case study and real item:
// - a full render's image step cold (every cover encoded), against the warm full render that
//   follows (baseline: every encoding found in the cache);
// - publish → live by the fast path for an item with a new cover, against an item without
//   (baseline, measured in the same run);
// - the bytes a phone (375 px, 2 device pixels) fetches for the home's and the médiathèque's
//   images, against the rest of those pages (HTML, CSS, script, fonts);
// - Lighthouse mobile on those two pages, its CPU slowdown calibrated on this host (not with
//   BENCH_QUICK).
// Writes bench-results/images.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort } from '@dejala/search/child-process';
import { photographMaker } from '../../cms/seed/synthetic-photos.ts';
import { removeCmsEnv } from '../../cms/tests/helpers/cms-env';
import { runSeed } from '../../cms/tests/helpers/cms-process';
import { compileSearchAndCms } from '../../cms/tests/helpers/compile';
import { MACHINE, percentile, QUICK, writeFigures } from '../../search/bench/bench-report.ts';
import type { Release } from '../server/loaded-release.ts';
import { createSiteServer } from '../server/site-server.ts';
import { CHROMIUM, CHROMIUM_ARGS, launchBrowser } from '../tests/helpers/browser';
import { send, upload } from '../tests/helpers/cms-fixtures';
import { calibratedMobileConfig } from '../tests/helpers/lighthouse-mobile';
import { pageAsShown } from '../tests/helpers/page-images';
import { waitForQuietHost } from '../tests/helpers/quiet-host';
import { stackPublisher, startSeededCms, type CmsStack } from '../tests/helpers/test-stack';
import { measurePublishToLive } from './publish-live';

const COVERS = Number(process.env.BENCH_IMAGES_COVERS ?? (QUICK ? 2 : 1000));
// Quick: covers on the offers only (the home's first cards).
const COVERED_COLLECTIONS = QUICK
  ? ['offers']
  : ['offers', 'trainings', 'case-studies', 'media-items'];
const SAMPLES = QUICK ? 2 : 10;
const PAGES = { home: '/', médiathèque: '/mediatheque/' };

const figures: Record<string, number> = {};
function note(name: string, value: number, unit: string): void {
  figures[`${name} (${unit})`] = Math.round(value * 100) / 100;
  console.log(
    `bench: ${name}: ${unit === '×' ? value.toFixed(2) : Math.round(value).toLocaleString('en')} ${unit}`,
  );
}

/** Gives every offer, training, case study and real médiathèque item a photograph of its own. */
async function coverEveryEntry(cms: CmsStack, photograph: (index: number) => Promise<Buffer>) {
  let count = 0;
  for (const collection of COVERED_COLLECTIONS) {
    const response = await fetch(
      // The synthetic items have theirs (the seed's --covers).
      `${cms.url}/api/${collection}?pagination[pageSize]=100&fields[0]=slug&filters[slug][$notContains]=synthetique-`,
      { headers: { authorization: `Bearer ${cms.fullToken}` } },
    );
    if (!response.ok) throw new Error(`GET /api/${collection}: ${response.status}`);
    const { data } = (await response.json()) as {
      data: Array<{ documentId: string; slug: string }>;
    };
    for (const entry of data) {
      const cover = await upload(
        cms.url,
        cms.fullToken,
        `${entry.slug}.jpg`,
        'image/jpeg',
        await photograph(count),
      );
      await send(cms.url, cms.fullToken, 'PUT', `${collection}/${entry.documentId}`, {
        cover: cover.id,
      });
      count += 1;
    }
  }
  return count;
}

async function main(): Promise<void> {
  console.log(`bench: machine: ${MACHINE}; ${COVERS} synthetic items with a cover`);
  compileSearchAndCms();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-images-'));
  const cms = await startSeededCms({ synthetic: 0, log: console.error });
  const port = await freePort();
  const siteUrl = `http://127.0.0.1:${port}`;
  let release: Release | null = null;
  const logs: string[] = [];
  const publisher = stackPublisher(cms, {
    dataDir: path.join(work, 'site'),
    siteUrl,
    onLive: (live) => (release = live),
    log: (message) => {
      logs.push(message);
      // The encoding's progress, on a first render of minutes.
      if (process.env.BENCH_VERBOSE || message.startsWith('images:')) console.error(message);
    },
  });
  const server = await createSiteServer({
    release: () => release,
    meiliUrl: 'http://127.0.0.1:9',
    searchKey: 'unused',
    imagesDir: publisher.imagesDir,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const chrome = QUICK
    ? undefined
    : await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  try {
    let started = performance.now();
    await runSeed(
      cms.env,
      ['--synthetic', String(COVERS), '--covers', '1', '--random-seed', '5'],
      true,
    );
    const photograph = photographMaker(11);
    const others = await coverEveryEntry(cms, photograph);
    console.error(
      `bench: ${COVERS} synthetic items and ${others} other entries with a cover (${Math.round((performance.now() - started) / 1000)} s)`,
    );

    // The first render encodes every cover; the next finds them all in the cache.
    logs.length = 0;
    await publisher.build(['bench: first full render (code build and every image)']);
    const encoded = /images: (\d+) encoded in (\d+) ms/.exec(logs.join('\n'));
    if (!encoded) throw new Error(`no image encoding logged: ${logs.join('\n')}`);
    const [count, encodingMs] = [Number(encoded[1]), Number(encoded[2])];
    started = performance.now();
    await publisher.build(['bench: full render, images in the cache']);
    const warmMs = performance.now() - started;
    note(`full render with ${count} images, all in the cache (baseline)`, warmMs, 'ms');
    note(`encoding ${count} images (2000 × 1333 JPEG) at the first render`, encodingMs, 'ms');
    note('encoding, per image', encodingMs / count, 'ms');
    note('full render with every image to encode ÷ with none', (warmMs + encodingMs) / warmMs, '×');

    // Publish → live by the fast path, with a new cover and without.
    const fastPath = (uploadCover?: () => Promise<number>) =>
      measurePublishToLive({
        cms,
        publisher,
        dataDir: path.join(work, 'site'),
        path: 'fast',
        samples: SAMPLES,
        burst: false,
        debounceMs: 100,
        uploadCover,
      });
    let next = 1000;
    const plain = (await fastPath()).latencies;
    const covered = (
      await fastPath(
        async () =>
          (
            await upload(
              cms.url,
              cms.fullToken,
              `nouvelle-${next}.jpg`,
              'image/jpeg',
              await photograph((next += 1)),
            )
          ).id,
      )
    ).latencies;
    note(
      `publish → live, fast path, item without cover (baseline, ${SAMPLES} samples) p50`,
      percentile(plain, 50),
      'ms',
    );
    note(`publish → live, fast path, item with a new cover p50`, percentile(covered, 50), 'ms');
    note(
      'publish → live, fast path, with a new cover ÷ without (p50)',
      percentile(covered, 50) / percentile(plain, 50),
      '×',
    );

    // What a phone fetches, and what Lighthouse says of it.
    const phone = await launchBrowser(siteUrl, { width: 375, deviceScaleFactor: 2 });
    try {
      for (const [name, address] of Object.entries(PAGES)) {
        const { responses } = await pageAsShown(phone.context, `${siteUrl}${address}`);
        const bytes = (images: boolean) =>
          responses
            .filter(({ kind }) => (kind === 'image') === images)
            .reduce((sum, { bytes }) => sum + bytes, 0);
        const images = responses.filter(({ kind }) => kind === 'image');
        note(`${name} at 375 px, ×2: everything but images (baseline)`, bytes(false), 'B');
        note(
          `${name} at 375 px, ×2: its ${images.length} images, scrolled to the end`,
          bytes(true),
          'B',
        );
        note(
          `${name} at 375 px, ×2: its largest image`,
          Math.max(...images.map(({ bytes }) => bytes)),
          'B',
        );
        note(`${name} at 375 px, ×2: images ÷ the rest`, bytes(true) / bytes(false), '×');
      }
    } finally {
      await phone.close();
    }
    // Quick: left out — its figures would mean nothing, and it waits for an idle host, which
    // the documented-commands test (beside a running stack) does not have; the browser tests
    // judge the same pages with covers (site/tests/e2e/lighthouse.test.ts).
    if (!QUICK) {
      const mobile = await calibratedMobileConfig(`${siteUrl}/`, chrome!.port);
      console.log(`bench: Lighthouse: ${mobile.said}`);
      for (const [name, address] of Object.entries(PAGES)) {
        await waitForQuietHost();
        const result = await lighthouse(
          `${siteUrl}${address}`,
          {
            port: chrome!.port,
            onlyCategories: ['performance'],
            logLevel: 'error',
            output: 'json',
          },
          mobile.config,
        );
        const { categories, audits } = result!.lhr;
        note(
          `Lighthouse mobile, ${name}: performance`,
          categories.performance!.score! * 100,
          'score',
        );
        note(
          `Lighthouse mobile, ${name}: largest contentful paint`,
          audits['largest-contentful-paint']!.numericValue!,
          'ms',
        );
        note(
          `Lighthouse mobile, ${name}: total bytes`,
          audits['total-byte-weight']!.numericValue!,
          'B',
        );
      }
    }
  } finally {
    chrome?.kill();
    server.closeAllConnections();
    server.close();
    await cms.server.stop();
    removeCmsEnv(cms.env);
    fs.rmSync(work, { recursive: true, force: true });
  }
  writeFigures('images', { machine: MACHINE, measuredAt: new Date().toISOString(), figures });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
