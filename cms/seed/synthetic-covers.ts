import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { SeedEntry } from './import';
import { createRandom } from './random';
import { photographMaker } from './synthetic-photos';
import { uploadFile } from './upload-file';

export interface CoverOptions {
  /** Share (0–1) of the new items that get a cover. */
  share: number;
  seed: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Gives a share of the synthetic items a cover: a photograph of its own (synthetic-photos.ts),
 * uploaded as an editor's would be, so the CMS checks and keeps it and the site encodes it at
 * its next build. Only items not in the CMS yet get one (their uploads would otherwise be
 * orphans). Returns how many covers were attached.
 */
export async function attachSyntheticCovers(
  strapi: Core.Strapi,
  entries: SeedEntry[],
  existingSlugs: Set<string>,
  options: CoverOptions,
): Promise<number> {
  const random = createRandom(options.seed * 6_007 + 29);
  const chosen = entries.filter(
    (entry) => !existingSlugs.has(entry.slug) && random.next() < options.share,
  );
  const photograph = photographMaker(options.seed);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-seed-covers-'));
  try {
    for (const [index, entry] of chosen.entries()) {
      const file = path.join(work, `${entry.slug}.jpg`);
      fs.writeFileSync(file, await photograph(index));
      entry.cover = await uploadFile(strapi, file, `${entry.slug}.jpg`, 'image/jpeg');
      fs.rmSync(file);
      options.onProgress?.(index + 1, chosen.length);
    }
    return chosen.length;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
