import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { imageKey } from '@dejala/search/image-key';
import { uploadUrl } from '@dejala/search/site-urls';
import {
  type ImageIndex,
  type ImageVariants,
  type UploadedImage,
} from '../src/content/content-images.ts';
import { encodeImage, readVariants, writeVariants } from './image-variants.ts';

// An upload bigger than this is not downloaded (a 25 MB camera photograph is fine).
const MAX_DOWNLOAD_BYTES = 60_000_000;
const DOWNLOAD_TIMEOUT_MS = 120_000;
// Images encoded at once: each decodes with several threads of its own (libvips), and the
// server keeps answering visitors meanwhile.
const ENCODING_AT_ONCE = Math.max(1, Math.floor(os.availableParallelism() / 2));
// A progress line every so many encodings (a first render of a whole library takes minutes).
const PROGRESS_EVERY = 50;

/** An image the cache could not make, and why (in English, as the log says it). */
export interface UnreadableImage {
  image: UploadedImage;
  reason: string;
}

export interface PreparedImages {
  index: ImageIndex;
  unreadable: UnreadableImage[];
}

/** Why an image could not be read, and whether trying again later may succeed. */
class ImageError extends Error {
  readonly lasting: boolean;

  constructor(message: string, lasting: boolean) {
    super(message);
    this.lasting = lasting;
  }
}

/**
 * The site server's encoded images, `<dir>/<imageKey>/`: WebP at the site's widths and a
 * fallback, made once per uploaded file and kept across renders and restarts — a publication
 * encodes only the images the cache lacks. Served at `/_images/` (site-server.ts): pages keep
 * their images while the CMS is down.
 */
export class ImageCache {
  readonly dir: string;
  readonly #cmsUrl: string;
  readonly #log: (message: string) => void;
  /** What this process knows is in the cache, or cannot be read (a corrupt file). */
  readonly #known = new Map<string, ImageVariants>();
  readonly #unreadable = new Map<string, string>();
  readonly #limit = pLimit(ENCODING_AT_ONCE);

  constructor(dir: string, cmsUrl: string, log: (message: string) => void) {
    this.dir = dir;
    this.#cmsUrl = cmsUrl;
    this.#log = log;
    fs.mkdirSync(dir, { recursive: true });
  }

  /**
   * The variants of these images, encoding those the cache lacks (downloaded from the CMS).
   * An image that cannot be made is named with the reason: 'unreadable' in the index when it
   * is no image, absent when the CMS did not give it (tried again next time).
   */
  async prepare(images: UploadedImage[]): Promise<PreparedImages> {
    const index: ImageIndex = new Map();
    const unreadable: UnreadableImage[] = [];
    const started = performance.now();
    let encoded = 0;
    let reused = 0;
    await Promise.all(
      images.map((image) =>
        this.#limit(async () => {
          const key = imageKey(image);
          try {
            const known = this.#known.get(key) ?? readVariants(path.join(this.dir, key));
            if (known) {
              reused += 1;
              return void index.set(key, known);
            }
            const reason = this.#unreadable.get(key);
            if (reason) {
              index.set(key, 'unreadable');
              return void unreadable.push({ image, reason });
            }
            index.set(key, await this.#encode(key, image));
            if ((encoded += 1) % PROGRESS_EVERY === 0)
              this.#log(`images: ${encoded} encoded, ${images.length - reused - encoded} to go`);
          } catch (error) {
            const { message, lasting } = error as ImageError;
            unreadable.push({ image, reason: message });
            if (lasting) {
              this.#unreadable.set(key, message);
              index.set(key, 'unreadable');
              this.#log(`images: ${image.url} not shown (${message})`);
            } else this.#log(`images: ${image.url} linked to the CMS for now (${message})`);
          }
        }),
      ),
    );
    if (encoded > 0)
      this.#log(
        `images: ${encoded} encoded in ${Math.round(performance.now() - started)} ms, ` +
          `${reused} from the cache`,
      );
    for (const [key, variants] of index)
      if (variants !== 'unreadable') this.#known.set(key, variants);
    return { index, unreadable };
  }

  async #encode(key: string, image: UploadedImage): Promise<ImageVariants> {
    const input = await this.#download(image);
    // Made aside, then renamed into place: a folder in the cache is always complete.
    const temporary = fs.mkdtempSync(path.join(this.dir, `.${key}-`));
    try {
      let variants: ImageVariants;
      try {
        variants = await encodeImage(input, temporary);
      } catch (error) {
        throw new ImageError(`not a readable image: ${(error as Error).message}`, true);
      }
      writeVariants(temporary, variants);
      try {
        fs.renameSync(temporary, path.join(this.dir, key));
      } catch (error) {
        // Another process of the same cache made it meanwhile: keep theirs.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
      }
      return variants;
    } finally {
      fs.rmSync(temporary, { recursive: true, force: true });
    }
  }

  async #download(image: UploadedImage): Promise<Buffer> {
    if ((image.size ?? 0) * 1000 > MAX_DOWNLOAD_BYTES)
      throw new ImageError(`larger than ${MAX_DOWNLOAD_BYTES / 1e6} MB`, true);
    const url = uploadUrl(image.url, this.#cmsUrl);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch (error) {
      throw new ImageError(`download failed: ${(error as Error).message}`, false);
    }
    if (!response.ok) throw new ImageError(`download answered ${response.status}`, false);
    const body = Buffer.from(await response.arrayBuffer());
    if (body.length > MAX_DOWNLOAD_BYTES)
      throw new ImageError(`larger than ${MAX_DOWNLOAD_BYTES / 1e6} MB`, true);
    return body;
  }
}
