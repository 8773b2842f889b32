import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { ExtractionOutcome } from './outcome.js';
import type { UploadFile } from './upload-file.js';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

/** Bumped when extraction changes what it produces: older cache entries are then ignored. */
export const EXTRACTOR_VERSION = 1;

/** One file's extracted text as kept in the cache. */
export interface CachedText {
  key: string;
  extractorVersion: number;
  file: { hash: string; name: string | null; size: number | null };
  extractedAt: string;
  durationMs: number;
  outcome: ExtractionOutcome;
}

/**
 * The cache key of an upload's text: Strapi's file hash with its size and modification time,
 * since Strapi keeps the hash when an editor replaces the file in the media library.
 */
export function textKey(file: UploadFile): string {
  return createHash('sha256')
    .update(
      [EXTRACTOR_VERSION, file.hash, file.size ?? '', file.updatedAt ?? '', file.url].join('\0'),
    )
    .digest('hex')
    .slice(0, 32);
}

/** Extracted texts on disk, one gzip'd JSON file per key (DOCUMENT_TEXT_DIR). */
export function createTextCache(dir: string) {
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), `${key}.json.gz`);
  return {
    async get(key: string): Promise<CachedText | null> {
      let data: Buffer;
      try {
        data = await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const entry = JSON.parse((await gunzip(data)).toString('utf8')) as CachedText;
        return entry.extractorVersion === EXTRACTOR_VERSION ? entry : null;
      } catch {
        // A damaged entry (disk full when written): extracted again.
        return null;
      }
    },
    async put(entry: CachedText): Promise<void> {
      const file = fileOf(entry.key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written aside then renamed: a reader never sees half an entry.
      const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(temporary, await gzip(JSON.stringify(entry)));
      await fs.rename(temporary, file);
    },
  };
}

export type TextCache = ReturnType<typeof createTextCache>;
