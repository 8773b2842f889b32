import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { THUMBNAIL_FILES } from '@dejala/search/site-urls';
import type { ImageVariants } from '../src/content/content-images.ts';

/**
 * The widths a content image is encoded at, in pixels: a card takes about 380 CSS px of a
 * 1280 px screen and the hero 800, a phone shows them at 2 to 3 device pixels per CSS px.
 * Capped by the image's own width.
 */
export const IMAGE_WIDTHS = [400, 800, 1200, 1600] as const;
// The one size for the rare browser without WebP.
const FALLBACK_WIDTH = 800;
// The médiathèque results' thumbnail: a 128 CSS px box at up to three device pixels.
const THUMBNAIL_WIDTH = 400;
// The image social networks show of a shared page (og:image): their recommended size.
export const SHARE_SIZE = { width: 1200, height: 630 } as const;
// WebP at this quality keeps a 1200 px photograph near 150 kB, a phone's largest candidate.
const WEBP_QUALITY = 72;
const JPEG_QUALITY = 78;
// Pixels an upload may have (a 12,000 × 10,000 scan): bigger is refused before decoding,
// as a decompression bomb would be.
const MAX_INPUT_PIXELS = 120_000_000;

const asWebp = (image: Sharp) => image.webp({ quality: WEBP_QUALITY, alphaQuality: 90 });
// JPEG has no transparency: what shows through is white, as on the site's pages.
const asJpeg = (image: Sharp) =>
  image.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY, mozjpeg: true });

/**
 * Encodes an uploaded image into `dir` (which must exist): WebP at the widths that fit it, one
 * JPEG or PNG fallback, a thumbnail (THUMBNAIL_FILES) and the share image. Upright by its EXIF
 * orientation, in sRGB (CMYK photographs too), the first frame of an animation. Throws on
 * anything that is not a readable image.
 */
export async function encodeImage(input: Buffer, dir: string): Promise<ImageVariants> {
  // Decoded once, already at the largest width the site uses (sharp shrinks a JPEG while
  // decoding it): every variant is made from these pixels.
  const { data, info } = await sharp(input, {
    limitInputPixels: MAX_INPUT_PIXELS,
    failOn: 'error',
    animated: false,
  })
    .rotate()
    .resize({ width: IMAGE_WIDTHS.at(-1), withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const decoded = () =>
    sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  const transparent = info.channels === 4 && (await decoded().stats()).isOpaque === false;

  const widths = [...new Set(IMAGE_WIDTHS.map((width) => Math.min(width, info.width)))].sort(
    (a, b) => a - b,
  );
  for (const width of widths) {
    await asWebp(decoded().resize({ width })).toFile(path.join(dir, `${width}.webp`));
  }
  const thumbnail = decoded().resize({ width: Math.min(THUMBNAIL_WIDTH, info.width) });
  await asWebp(thumbnail.clone()).toFile(path.join(dir, THUMBNAIL_FILES.webp));
  await asJpeg(thumbnail).toFile(path.join(dir, THUMBNAIL_FILES.jpeg));

  const fallbackWidth = Math.min(FALLBACK_WIDTH, info.width);
  const fallbackImage = decoded().resize({ width: fallbackWidth });
  const file = transparent ? 'fallback.png' : 'fallback.jpg';
  await (
    transparent ? fallbackImage.png({ compressionLevel: 9, palette: true }) : asJpeg(fallbackImage)
  ).toFile(path.join(dir, file));

  // Cropped to the networks' proportions around what stands out, never enlarged.
  const share = await asJpeg(
    decoded().resize({
      ...SHARE_SIZE,
      fit: 'cover',
      position: 'attention',
      withoutEnlargement: true,
    }),
  ).toFile(path.join(dir, 'share.jpg'));

  return {
    width: info.width,
    height: info.height,
    widths,
    fallback: { file, width: fallbackWidth },
    share: { width: share.width, height: share.height },
  };
}

/** The variants of an image encoded earlier into `dir`, or null. */
export function readVariants(dir: string): ImageVariants | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'image.json'), 'utf8')) as ImageVariants;
  } catch {
    return null;
  }
}

/** Records the variants beside their files: a later process reuses them as they are. */
export function writeVariants(dir: string, variants: ImageVariants): void {
  fs.writeFileSync(path.join(dir, 'image.json'), JSON.stringify(variants));
}
