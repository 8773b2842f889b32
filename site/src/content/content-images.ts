// The images of the content — covers, share images, pictures in rich text, photo items —
// and how the site server's image cache names them. Shared by the server, which encodes them
// before a render (server/image-cache.ts), and the pages, which link to what it made.
import { imageKey, type ImageFile } from '@dejala/search/image-key';
import { imagePath } from '@dejala/search/site-urls';
import type { ContentStore } from './content-store.ts';

/** An image of the media library as entries hold it. */
export interface UploadedImage extends ImageFile {
  mime?: string | null;
}

/** What the cache keeps of an image: its files' sizes, and its proportions upright. */
export interface ImageVariants {
  /** The largest encoding's size: the page's width and height attributes (no layout shift). */
  width: number;
  height: number;
  /** WebP files `<width>.webp`, narrowest first. */
  widths: number[];
  /** `fallback.jpg`, or `fallback.png` for an image with transparency. */
  fallback: { file: string; width: number };
  /** `share.jpg`: 1200 × 630 (social networks' cards), less for a smaller image. */
  share: { width: number; height: number };
}

/**
 * The cache's record of the content's images, by `imageKey`: their variants, or 'unreadable'
 * for a file that is no image (shown nowhere). An image it could not get this time (the CMS
 * did not answer) is absent: pages link to the CMS's file meanwhile.
 */
export type ImageIndex = Map<string, ImageRecord>;
export type ImageRecord = ImageVariants | 'unreadable';

/** A raster image the site encodes (vector images are refused by the CMS). */
function isUploadedImage(value: unknown): value is UploadedImage {
  const record = value as Record<string, unknown>;
  return (
    typeof record.url === 'string' &&
    typeof record.mime === 'string' &&
    record.mime.startsWith('image/') &&
    record.mime !== 'image/svg+xml'
  );
}

/** An image in an entry's data, and the path of the field holding it (`body.2.image`). */
export interface ImageField {
  image: UploadedImage;
  field: string;
  /** False for the image of a related entry the data embeds (its card's cover). */
  own: boolean;
}

/** Every image in an entry's data, where it is: an image used twice is found twice. */
export function imageFieldsOf(data: unknown): ImageField[] {
  const found: ImageField[] = [];
  const visit = (value: unknown, field: string, own: boolean) => {
    if (value === null || typeof value !== 'object') return;
    if (isUploadedImage(value)) return void found.push({ image: value, field, own });
    // Below the entry itself, an object with a documentId is another entry.
    const entry = field !== '' && 'documentId' in value;
    for (const [name, child] of Object.entries(value)) {
      visit(child, field ? `${field}.${name}` : name, own && !entry);
    }
  };
  visit(data, '', true);
  return found;
}

/** Every image in an entry's data, once each. */
export function imagesOf(data: unknown): UploadedImage[] {
  const found = new Map<string, UploadedImage>();
  for (const { image } of imageFieldsOf(data)) found.set(imageKey(image), image);
  return [...found.values()];
}

/** Every image of every entry of the store. */
export function imagesOfStore(store: ContentStore): UploadedImage[] {
  return imagesOf(store.entries().map(([, , entry]) => entry.data));
}

/** What a page links to for an image: WebP candidates and a fallback, with its proportions. */
export interface Picture {
  /** `srcset` of the WebP candidates; null when the CMS's own file is linked (`astro dev`). */
  srcset: string | null;
  src: string;
  width?: number;
  height?: number;
}

/** The picture of an encoded image, from the cache's record of it. */
export function pictureOf(image: UploadedImage, variants: ImageVariants): Picture {
  const key = imageKey(image);
  return {
    srcset: variants.widths
      .map((width) => `${imagePath(key, `${width}.webp`)} ${width}w`)
      .join(', '),
    src: imagePath(key, variants.fallback.file),
    width: variants.width,
    height: variants.height,
  };
}

/** An image as a shared page's card shows it (og:image): its address and size. */
export interface ShareImage {
  /** On the site (`/_images/…`), or the CMS's file where the server has no encoding. */
  url: string;
  width?: number;
  height?: number;
}

/** The share image of an encoded image. */
export function shareImageOf(image: UploadedImage, variants: ImageVariants): ShareImage {
  return { url: imagePath(imageKey(image), 'share.jpg'), ...variants.share };
}
