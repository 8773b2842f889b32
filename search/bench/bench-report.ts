// What the benchmarks share: the machine they ran on, percentiles, waiting until a change is
// searchable, and writing their figures to bench-results/.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Meilisearch } from 'meilisearch';
import { MEDIA_INDEX_UID } from '../src/media-document.js';

const RESULTS_DIR = fileURLToPath(new URL('../../bench-results', import.meta.url));

/** The machine the figures were measured on: cores, processor, memory, Node. */
export const MACHINE = `${os.cpus().length} × ${os.cpus()[0]?.model}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

/**
 * BENCH_QUICK=1: every step of every benchmark on tiny sizes and a few samples, to check that
 * `npm run bench` runs (the documented-commands test does, beside a running stack); the
 * figures are not meaningful then.
 */
export const QUICK = Boolean(process.env.BENCH_QUICK);

/** The p-th percentile of `values` (nearest rank). */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
};

/** Resolves once a search for `word` finds document `id` first. */
export async function waitSearchable(client: Meilisearch, word: string, id: string): Promise<void> {
  for (;;) {
    const { hits } = await client
      .index(MEDIA_INDEX_UID)
      .search(word, { limit: 1, attributesToRetrieve: ['id'] });
    if (hits[0]?.id === id) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Writes a benchmark's figures to bench-results/<name>.json and says so. */
export function writeFigures(name: string, report: object): void {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`bench: figures written to bench-results/${name}.json`);
}
