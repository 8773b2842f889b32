import { createHash } from 'node:crypto';

/** What names an uploaded image's encodings: the file, as Strapi describes it. */
export interface ImageFile {
  url: string;
  hash?: string | null;
  size?: number | null;
  width?: number | null;
  height?: number | null;
}

// Raised whenever the site server encodes differently (site/server/image-variants.ts): every
// image gets a new key, and is encoded again.
const ENCODING_VERSION = 3;

/**
 * The site server's name for an image's encodings (site-urls.ts `imagePath`): Strapi's hash of the
 * file, which stays when an editor replaces the file, so with what changes then (its size
 * and dimensions), and the encoding. Here so that the search's documents name the same.
 */
export function imageKey(image: ImageFile): string {
  const name = (image.hash ?? 'image').replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  const version = createHash('sha256')
    .update(`${ENCODING_VERSION}|${image.url}|${image.size}|${image.width}x${image.height}`)
    .digest('hex')
    .slice(0, 12);
  return `${name}-${version}`;
}
