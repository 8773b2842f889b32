import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photographMaker } from '../../../cms/seed/synthetic-photos';
import { removeCmsEnv } from '../../../cms/tests/helpers/cms-env';
import { freePort } from '@dejala/search/child-process';
import type { Release } from '../../server/loaded-release.ts';
import type { Published, Publisher } from '../../server/publisher.ts';
import { createSiteServer } from '../../server/site-server.ts';
import { launchBrowser } from '../helpers/browser';
import { send, upload, type Upload } from '../helpers/cms-fixtures';
import { pageAsShown } from '../helpers/page-images';
import { startSeededCms, stackPublisher, type CmsStack } from '../helpers/test-stack';

// The content's images as the site server shows them: encoded once into its image cache,
// linked from the pages as WebP candidates with a fallback, served by the site server itself.

let cms: CmsStack;
let publisher: Publisher;
let firstBuild: Published;
let original: Buffer;
let cover: Upload;
let server: http.Server;
let siteUrl: string;
let dir: string;
const logs: string[] = [];

/** Camera photographs, each its own (2000 × 1333 JPEG). */
const photograph = photographMaker(1);

const page = async (address: string) => (await fetch(`${siteUrl}${address}`)).text();
const attribute = (html: string, element: string, name: string) =>
  // Case aside: React writes `srcSet` (HTML names are case-insensitive).
  new RegExp(`<${element}[^>]*\\s${name}="([^"]*)"`, 'i').exec(html)?.[1];
/** The `<picture>` of a page with this class. */
const pictureOf = (html: string, className: string) =>
  new RegExp(`<picture class="${className}">[\\s\\S]*?</picture>`).exec(html)?.[0];
const OFFER_PAGE = '/offres/concerter-autour-de-l-eau/';
/** A year of the médiathèque with a list of 20 items, each with a cover of its own. */
const COVERED_YEAR = 2019;
const LIST_LENGTH = 20;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-images-'));
  cms = await startSeededCms({ synthetic: 0 });
  original = await photograph(0);
  cover = await upload(cms.url, cms.fullToken, 'atelier-concertation.jpg', 'image/jpeg', original);
  // Strapi refuses a corrupt image at upload: this one breaks on the CMS's disk afterwards.
  const broken = await upload(
    cms.url,
    cms.fullToken,
    'photo-abimee.jpg',
    'image/jpeg',
    await photograph(1),
  );
  const stored = path.join(cms.env.vars.CMS_PUBLIC_DIR!, broken.url);
  fs.truncateSync(stored, 4000);
  await send(cms.url, cms.fullToken, 'POST', 'offers', {
    title: 'Concerter autour de l’eau',
    slug: 'concerter-autour-de-l-eau',
    summary: 'Une offre illustrée.',
    cover: cover.id,
  });
  await send(cms.url, cms.fullToken, 'POST', 'media-items', {
    title: 'Photographies de l’atelier',
    slug: 'photographies-atelier',
    type: 'article',
    summary: 'Une ressource illustrée.',
    year: 2025,
    cover: cover.id,
  });
  await send(cms.url, cms.fullToken, 'POST', 'case-studies', {
    title: 'Une étude à l’image abîmée',
    slug: 'etude-image-abimee',
    summary: 'Son image de couverture est illisible.',
    year: 2024,
    cover: broken.id,
  });
  for (let index = 0; index < LIST_LENGTH; index += 1) {
    const itsCover = await upload(
      cms.url,
      cms.fullToken,
      `reportage-${index + 1}.jpg`,
      'image/jpeg',
      // Lists show thumbnails: a photograph of 800 px spares the test 20 large encodings.
      await photograph(index + 2, 800),
    );
    await send(cms.url, cms.fullToken, 'POST', 'media-items', {
      title: `Reportage photographique n° ${index + 1}`,
      slug: `reportage-photographique-${index + 1}`,
      type: 'photo',
      summary: 'Une ressource illustrée d’une photographie qui lui est propre.',
      year: COVERED_YEAR,
      cover: itsCover.id,
    });
  }
  const port = await freePort();
  siteUrl = `http://127.0.0.1:${port}`;
  let release: Release | null = null;
  publisher = stackPublisher(cms, {
    dataDir: path.join(dir, 'site'),
    siteUrl,
    onLive: (live) => (release = live),
    log: (message) => logs.push(message),
  });
  firstBuild = await publisher.build(['images test']);
  server = await createSiteServer({
    release: () => release,
    meiliUrl: 'http://127.0.0.1:9',
    searchKey: 'unused',
    imagesDir: publisher.imagesDir,
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
}, 400_000);

afterAll(async () => {
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await cms?.server.stop();
  if (cms) removeCmsEnv(cms.env);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the content’s images', () => {
  it('shows a cover as the hero of its page, from the site server, at the widths it has', async () => {
    const hero = pictureOf(await page(OFFER_PAGE), 'entry-cover');
    expect(hero).toBeDefined();
    const srcset = attribute(hero!, 'source', 'srcset')!;
    expect(srcset.split(', ').map((candidate) => candidate.split(' ')[1])).toEqual([
      '400w',
      '800w',
      '1200w',
      '1600w',
    ]);
    expect(attribute(hero!, 'source', 'type')).toBe('image/webp');
    expect(attribute(hero!, 'img', 'src')).toMatch(/^\/_images\/[^/]+\/fallback\.jpg$/);
    expect([attribute(hero!, 'img', 'width'), attribute(hero!, 'img', 'height')]).toEqual([
      '1600',
      '1066',
    ]);
    // The first screen's image: not lazy, fetched first.
    expect(attribute(hero!, 'img', 'fetchpriority')).toBe('high');
    expect(hero).not.toContain('loading="lazy"');
  });

  it('shows covers on the cards of the list, lazily', async () => {
    const card = pictureOf(await page('/offres/'), 'card-cover');
    expect(attribute(card!, 'img', 'loading')).toBe('lazy');
    expect(attribute(card!, 'source', 'sizes')).toContain('23rem');
  });

  it('serves every candidate as an image browsers keep', async () => {
    const hero = pictureOf(await page(OFFER_PAGE), 'entry-cover')!;
    const srcset = attribute(hero, 'source', 'srcset')!;
    // Each candidate, and the fallback at 800 px: the width the page says it has.
    const candidates = [
      ...srcset.split(', ').map((candidate) => candidate.split(' ') as [string, string]),
      [attribute(hero, 'img', 'src')!, '800w'] as [string, string],
    ];
    for (const [address, width] of candidates) {
      const response = await fetch(`${siteUrl}${address}`);
      expect(response.status, address).toBe(200);
      expect(response.headers.get('content-type'), address).toMatch(/^image\/(webp|jpeg)$/);
      expect(response.headers.get('cache-control'), address).toContain('immutable');
      const image = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect(`${image.width}w`, address).toBe(width);
    }
    expect((await fetch(`${siteUrl}/_images/inconnue/400.webp`)).status).toBe(404);
  });

  it('shows a thumbnail of the cover in the médiathèque’s list, as the search does', async () => {
    const html = await page('/mediatheque/annees/2025/');
    const thumbnail = pictureOf(html, 'media-result-cover');
    expect(thumbnail).toBeDefined();
    for (const address of [
      attribute(thumbnail!, 'source', 'srcset')!,
      attribute(thumbnail!, 'img', 'src')!,
    ]) {
      expect(address).toMatch(
        /^\/_images\/atelier_concertation_\w+-[0-9a-f]{12}\/thumbnail\.(webp|jpg)$/,
      );
      expect((await fetch(`${siteUrl}${address}`)).status, address).toBe(200);
    }
  });

  it('gives a shared page its cover at the social networks’ size, with its dimensions', async () => {
    const html = await page(OFFER_PAGE);
    const meta = (property: string) =>
      new RegExp(`<meta property="${property}" content="([^"]*)"`).exec(html)?.[1];
    expect(meta('og:image')).toMatch(new RegExp(`^${siteUrl}/_images/[^/]+/share\\.jpg$`));
    expect([meta('og:image:width'), meta('og:image:height')]).toEqual(['1200', '630']);
    const image = await fetch(meta('og:image')!);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const { width, height } = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect([width, height]).toEqual([1200, 630]);
  });

  it('leaves an unreadable image out of its page, and says which', async () => {
    const html = await page('/etudes-de-cas/etude-image-abimee/');
    expect(html).toContain('Une étude à l’image abîmée');
    expect(html).not.toContain('<picture');
    expect(logs.join('\n')).toMatch(
      /images: \/uploads\/photo_abimee_\w+\.jpg not shown \(not a readable image/,
    );
    // Its editors are told, on the entry (the CMS's "Sur le site" panel reads the build's record).
    expect(firstBuild.warnings).toEqual([
      {
        type: 'case-study',
        documentId: expect.any(String),
        field: 'cover',
        problem: expect.stringMatching(/^is not a readable image \(\/uploads\/photo_abimee_/),
        advice: expect.stringContaining('Remplacez-le'),
      },
    ]);
  });

  it('gets the original from the CMS: Strapi keeps it as sent and makes only its thumbnail', async () => {
    // Neither re-encoded (size optimization) nor copied at Strapi's sizes (responsive formats):
    // the site makes its own from the original (cms/src/bootstrap/upload-settings.ts).
    expect(Object.keys(cover.formats as object)).toEqual(['thumbnail']);
    const stored = fs.readFileSync(path.join(cms.env.vars.CMS_PUBLIC_DIR!, cover.url));
    expect(stored.equals(original)).toBe(true);
  });

  it('encodes nothing again on the next render', async () => {
    logs.length = 0;
    const second = await publisher.build(['second render']);
    expect(logs.filter((line) => line.includes('encoded'))).toEqual([]);
    // Still unreadable, still said.
    expect(second.warnings.map(({ type, field }) => `${type} ${field}`)).toEqual([
      'case-study cover',
    ]);
  });

  it('keeps serving the images when the CMS is down', async () => {
    const hero = pictureOf(await page(OFFER_PAGE), 'entry-cover')!;
    await cms.server.stop();
    const response = await fetch(`${siteUrl}${attribute(hero, 'img', 'src')}`);
    expect(response.status).toBe(200);
  });
});

describe('the content’s images in Chromium, with the CMS stopped', () => {
  beforeAll(() => cms.server.stop());

  // A phone (375 CSS px, two device pixels to one) and a laptop's window.
  it.each([
    { width: 375, pixelRatio: 2 },
    { width: 1280, pixelRatio: 1 },
  ])(
    'at $width px: each image at the width it is shown, nothing shifting, all from the site',
    async ({ width, pixelRatio }) => {
      const browser = await launchBrowser(siteUrl, { width, deviceScaleFactor: pixelRatio });
      try {
        const covered = `/mediatheque/annees/${COVERED_YEAR}/`;
        for (const address of [OFFER_PAGE, '/offres/', covered]) {
          const { images, layoutShift, responses } = await pageAsShown(
            browser.context,
            `${siteUrl}${address}`,
          );
          expect(images.length, address).toBeGreaterThan(0);
          if (address === covered) expect(images).toHaveLength(LIST_LENGTH);
          expect(layoutShift, address).toBe(0);
          for (const image of images) {
            const said = `${address}: ${JSON.stringify(image)}`;
            expect(image.naturalWidth, said).toBeGreaterThan(0);
            const needed = image.shownWidth * pixelRatio;
            if (image.offered.length > 1) {
              // The smallest candidate as wide as the slot's device pixels (the largest when
              // none is): what `sizes` lets the browser pick when it tells the truth.
              const fitting =
                image.offered.find((offered) => offered >= needed) ?? Math.max(...image.offered);
              expect(image.chosenWidth, said).toBe(fitting);
            } else {
              expect(image.naturalWidth, said).toBeGreaterThanOrEqual(needed);
            }
          }
          for (const response of responses.filter(({ kind }) => kind === 'image')) {
            expect(response.status, response.url).toBe(200);
            expect(response.type, response.url).toMatch(/^image\//);
            // A phone's cover, and a list of twenty: each within a slow connection's means.
            if (width < 500) expect(response.bytes, response.url).toBeLessThanOrEqual(200_000);
          }
          // Every candidate the browser might pick elsewhere is served too.
          for (const candidate of new Set(images.flatMap((image) => image.srcset))) {
            const response = await fetch(`${siteUrl}${candidate}`);
            expect(response.status, candidate).toBe(200);
            expect(response.headers.get('content-type'), candidate).toMatch(/^image\//);
          }
        }
        expect(browser.foreignRequests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );
});
