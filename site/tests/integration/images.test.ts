import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCmsEnv } from '../../../cms/tests/helpers/cms-env';
import { freePort } from '@dejala/search/child-process';
import type { Release } from '../../server/loaded-release.ts';
import type { Published, Publisher } from '../../server/publisher.ts';
import { createSiteServer } from '../../server/site-server.ts';
import { send, upload, type Upload } from '../helpers/cms-fixtures';
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

/** A camera photograph, smaller: a gradient under fine grain. */
const photograph = (width: number, height: number) =>
  sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#6a8caf',
      noise: { type: 'gaussian', mean: 120, sigma: 10 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();

const page = async (address: string) => (await fetch(`${siteUrl}${address}`)).text();
const attribute = (html: string, element: string, name: string) =>
  // Case aside: React writes `srcSet` (HTML names are case-insensitive).
  new RegExp(`<${element}[^>]*\\s${name}="([^"]*)"`, 'i').exec(html)?.[1];
/** The `<picture>` of a page with this class. */
const pictureOf = (html: string, className: string) =>
  new RegExp(`<picture class="${className}">[\\s\\S]*?</picture>`).exec(html)?.[0];
const OFFER_PAGE = '/offres/concerter-autour-de-l-eau/';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-images-'));
  cms = await startSeededCms({ synthetic: 0 });
  original = await photograph(3000, 2000);
  cover = await upload(cms.url, cms.fullToken, 'atelier-concertation.jpg', 'image/jpeg', original);
  // Strapi refuses a corrupt image at upload: this one breaks on the CMS's disk afterwards.
  const broken = await upload(
    cms.url,
    cms.fullToken,
    'photo-abimee.jpg',
    'image/jpeg',
    await photograph(1200, 800),
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
      '1067',
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
