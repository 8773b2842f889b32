// `npm run bench` (search part): publish → searchable for one item at a time on 1,000 items,
// with the bundled server's indexing memory cap (DEFAULT_MAX_INDEXING_MEMORY, as in
// docker-compose.yml) against Meilisearch's own default, sized from the machine's RAM.
// Prints the figures and writes bench-results/indexing-memory.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMeiliClient } from '../src/meili-client.js';
import { DEFAULT_MAX_INDEXING_MEMORY, startBundledMeili } from '../src/meili-server.js';
import { MEDIA_INDEX_UID, toMediaDocument, type MediaEntry } from '../src/media-document.js';
import { ensureMediaIndex } from '../src/media-index.js';
import { syncMediaDocuments } from '../src/sync.js';
import { succeeded } from '../src/tasks.js';
import { MACHINE, percentile, QUICK, waitSearchable, writeFigures } from './bench-report.ts';
import { syntheticEntries } from './synthetic-entries.ts';

const SIZE = QUICK ? 100 : 1000;
const PUBLICATIONS = QUICK ? 5 : 60;

/** Publish → searchable (ms) for PUBLICATIONS items synced one at a time, as the outbox does. */
async function publishToSearchable(maxIndexingMemory: string | false): Promise<number[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-indexing-memory-'));
  const meili = await startBundledMeili({ dataDir, maxIndexingMemory });
  try {
    const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
    const index = client.index(MEDIA_INDEX_UID);
    const entries = syntheticEntries(SIZE);
    await ensureMediaIndex(client);
    await succeeded(index.addDocuments(entries.map((entry) => toMediaDocument(entry))), 300_000);
    const byId = new Map(entries.map((entry) => [entry.documentId, entry]));
    const source = {
      findPublished: async (ids: string[]) => ids.map((id) => byId.get(id) as MediaEntry),
    };
    const times: number[] = [];
    for (let n = 0; n < PUBLICATIONS; n += 1) {
      const id = `synthetic${(n * 97) % SIZE}`;
      const word = `repere${n}memoire`;
      byId.set(id, { ...(byId.get(id) as MediaEntry), title: `Publication ${word}` });
      const startedAt = performance.now();
      await syncMediaDocuments(client, source, [id]);
      await waitSearchable(client, word, id);
      times.push(performance.now() - startedAt);
    }
    return times;
  } finally {
    await meili.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `bench: machine: ${MACHINE}, Meilisearch 1.21 (bundled), ${SIZE} items, ${PUBLICATIONS} publications`,
  );
  const figures: Record<string, number> = {};
  const runs = [
    ['Meilisearch default (baseline)', false],
    [`cap ${DEFAULT_MAX_INDEXING_MEMORY}`, DEFAULT_MAX_INDEXING_MEMORY],
  ] as const;
  const p95s: number[] = [];
  for (const [label, cap] of runs) {
    const times = await publishToSearchable(cap);
    for (const p of [50, 95]) {
      const value = percentile(times, p);
      figures[`publish → searchable p${p}, ${label} (ms)`] = Math.round(value);
      console.log(`bench: publish → searchable p${p}, ${label}: ${value.toFixed(0)} ms`);
    }
    console.log(`bench: publish → searchable max, ${label}: ${Math.max(...times).toFixed(0)} ms`);
    p95s.push(percentile(times, 95));
  }
  console.log(
    `bench: p95 with the cap is ×${(p95s[0]! / p95s[1]!).toFixed(1)} lower than the baseline`,
  );
  writeFigures('indexing-memory', { size: SIZE, figures });
}

main().catch((error: unknown) => {
  console.error(`bench: failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
