import sharp from 'sharp';
import { createRandom } from './random';

/** A camera photograph as editors often send it: reduced, still larger than any page shows. */
export const PHOTO_WIDTH = 2000;
export const PHOTO_HEIGHT = 1333;
// The texture is larger than a photograph, so that each photograph is a different part of it.
const TEXTURE = { width: 2400, height: 1600, channels: 3 } as const;

/** Light and shade from broad to fine: cell size (px), spread around mid-grey, how it blends. */
const LAYERS = [
  [40, 60, 'overlay'],
  [8, 40, 'soft-light'],
  [1.5, 30, 'soft-light'],
] as const;

/** Noise of cells `cell` pixels wide, smoothed up to the texture's size, as raw RGB. */
async function layer(cell: number, sigma: number) {
  const noise = await sharp({
    create: {
      width: Math.ceil(TEXTURE.width / cell),
      height: Math.ceil(TEXTURE.height / cell),
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma },
    },
  })
    .png()
    .toBuffer();
  const input = await sharp(noise)
    .resize(TEXTURE.width, TEXTURE.height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  return { input, raw: TEXTURE };
}

/**
 * Makes synthetic photographs (PHOTO_WIDTH wide, or `width` when a smaller one will do), distinct from one another and as costly to encode as real ones:
 * light and shade at three scales (broad patches, shapes, grain) — its WebP at 800 px weighs
 * ~80 kB, at 1,600 px ~290 kB, as a photograph's does. Plain noise would shrink to nothing at a
 * card's width and a flat colour to a few bytes: neither would measure what covers cost.
 * Photograph n is a crop, tint and orientation of one texture that `seed` and n determine
 * (the texture takes ~4 s, once; each photograph ~0.6 s); its grain differs between runs.
 */
export function photographMaker(seed: number): (index: number, width?: number) => Promise<Buffer> {
  let texture: Promise<Buffer> | undefined;
  const makeTexture = async () => {
    const layers = [];
    for (const [cell, sigma, blend] of LAYERS)
      layers.push({ ...(await layer(cell, sigma)), blend });
    return sharp({ create: { ...TEXTURE, background: '#6a8caf' } })
      .composite(layers)
      .removeAlpha() // composite adds one: the raw texture is RGB
      .raw()
      .toBuffer();
  };
  return async (index, width = PHOTO_WIDTH) => {
    texture ??= makeTexture();
    const random = createRandom(seed * 7_919 + index);
    return sharp(await texture, { raw: TEXTURE })
      .extract({
        left: random.int(0, TEXTURE.width - PHOTO_WIDTH),
        top: random.int(0, TEXTURE.height - PHOTO_HEIGHT),
        width: PHOTO_WIDTH,
        height: PHOTO_HEIGHT,
      })
      .flop(index % 2 === 1)
      .modulate({ hue: random.int(0, 359), saturation: 0.7 + random.next() * 0.6 })
      .resize(width)
      .jpeg({ quality: 88 })
      .toBuffer();
  };
}
