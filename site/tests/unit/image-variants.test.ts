import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeImage, IMAGE_WIDTHS } from '../../server/image-variants.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-image-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A photograph-like picture: a gradient under fine grain (noise alone would not compress). */
function photograph(width: number, height: number): Sharp {
  const grain = sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 12 },
    },
  });
  return grain.composite([
    {
      input: Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
          '<defs><linearGradient id="g"><stop offset="0" stop-color="#2a6f97"/>' +
          '<stop offset="1" stop-color="#e9c46a"/></linearGradient></defs>' +
          `<rect width="${width}" height="${height}" fill="url(#g)" opacity="0.85"/></svg>`,
      ),
    },
  ]);
}

const webp = (width: number) => sharp(path.join(dir, `${width}.webp`));

describe('encoding an uploaded image', () => {
  it('makes WebP at the widths the site uses, a JPEG fallback and a share image, from a camera-sized photograph', async () => {
    const input = await photograph(8000, 6000).jpeg({ quality: 98 }).toBuffer();
    expect(input.length).toBeGreaterThan(5_000_000);

    const variants = await encodeImage(input, dir);
    expect(variants).toEqual({
      width: 1600,
      height: 1200,
      widths: [...IMAGE_WIDTHS],
      fallback: { file: 'fallback.jpg', width: 800 },
      share: { width: 1200, height: 630 },
    });
    for (const width of IMAGE_WIDTHS) {
      const meta = await webp(width).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['webp', width, (width * 3) / 4]);
    }
    expect((await sharp(path.join(dir, 'fallback.jpg')).metadata()).format).toBe('jpeg');
    const share = await sharp(path.join(dir, 'share.jpg')).metadata();
    expect([share.format, share.width, share.height]).toEqual(['jpeg', 1200, 630]);
  });

  it('never enlarges a small image', async () => {
    const input = await photograph(300, 200).png().toBuffer();
    const variants = await encodeImage(input, dir);
    expect(variants.widths).toEqual([300]);
    expect(variants.fallback.width).toBe(300);
    expect(variants.share.width).toBeLessThanOrEqual(300);
    expect(fs.readdirSync(dir).sort()).toEqual([
      '300.webp',
      'fallback.jpg',
      'share.jpg',
      'thumbnail.jpg',
      'thumbnail.webp',
    ]);
    expect((await sharp(path.join(dir, 'thumbnail.webp')).metadata()).width).toBe(300);
  });

  it('keeps transparency, with a PNG fallback', async () => {
    const input = await sharp({
      create: {
        width: 900,
        height: 600,
        channels: 4,
        background: { r: 200, g: 40, b: 40, alpha: 0.4 },
      },
    })
      .png()
      .toBuffer();
    const variants = await encodeImage(input, dir);
    expect(variants.fallback.file).toBe('fallback.png');
    expect((await webp(800).metadata()).hasAlpha).toBe(true);
    expect((await sharp(path.join(dir, 'fallback.png')).metadata()).hasAlpha).toBe(true);
    // The thumbnail's JPEG, for pages that know only the image's key, is flattened on white.
    const thumbnail = await sharp(path.join(dir, 'thumbnail.jpg')).metadata();
    expect([thumbnail.format, thumbnail.width, thumbnail.hasAlpha]).toEqual(['jpeg', 400, false]);
    expect((await sharp(path.join(dir, 'thumbnail.webp')).metadata()).hasAlpha).toBe(true);
  });

  it('turns a portrait photograph upright by its EXIF orientation', async () => {
    // Stored landscape, to be shown rotated a quarter turn: a portrait.
    const input = await photograph(1200, 800).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const variants = await encodeImage(input, dir);
    expect([variants.width, variants.height]).toEqual([800, 1200]);
  });

  it('converts a CMYK photograph to sRGB', async () => {
    const input = await photograph(1000, 700).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(input).metadata()).space).toBe('cmyk');
    await encodeImage(input, dir);
    expect((await webp(800).metadata()).space).toBe('srgb');
    expect((await sharp(path.join(dir, 'fallback.jpg')).metadata()).space).toBe('srgb');
  });

  it('shows the first frame of an animated GIF', async () => {
    const frame = (colour: string) =>
      sharp({ create: { width: 500, height: 300, channels: 3, background: colour } })
        .png()
        .toBuffer();
    const input = await sharp([await frame('#ff0000'), await frame('#0000ff')], {
      join: { animated: true },
    })
      .gif({ delay: [200, 200], loop: 0 })
      .toBuffer();
    expect((await sharp(input).metadata()).pages).toBe(2);

    const variants = await encodeImage(input, dir);
    expect([variants.width, variants.height]).toEqual([500, 300]);
    const { pages } = await webp(500).metadata();
    expect(pages ?? 1).toBe(1);
    const { dominant } = await webp(500).stats();
    expect(dominant.r).toBeGreaterThan(200);
  });

  it('refuses what is not a readable image, saying so', async () => {
    const photo = await photograph(1000, 700).jpeg().toBuffer();
    await expect(encodeImage(photo.subarray(0, photo.length / 2), dir)).rejects.toThrow();
    await expect(encodeImage(Buffer.from('%PDF-1.7 not an image'), dir)).rejects.toThrow(
      /unsupported image format/,
    );
  });

  it('refuses a picture too large to decode safely before decoding it', async () => {
    const bomb = await sharp({
      create: { width: 12_000, height: 12_000, channels: 3, background: '#ffffff' },
    })
      .png()
      .toBuffer();
    expect(bomb.length).toBeLessThan(1_000_000);
    await expect(encodeImage(bomb, dir)).rejects.toThrow(/pixel limit/);
  });
});
