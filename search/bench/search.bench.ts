// `npm run bench` (search part): on 10,000 synthetic médiathèque items, indexing throughput,
// full reindex, publish → searchable latency (incremental sync against the naive baseline of
// re-adding every document), search latency for 200 fixed queries with and without facets,
// and Meilisearch's memory. Prints the figures and writes bench-results/search.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMeiliClient } from '../src/meili-client.js';
import { startBundledMeili } from '../src/meili-server.js';
import { MEDIA_INDEX_UID, toMediaDocument, type MediaEntry } from '../src/media-document.js';
import { ensureMediaIndex } from '../src/media-index.js';
import { reindexMedia } from '../src/reindex.js';
import { parseSearchRequest, toMeiliSearchParams } from '../src/search-request.js';
import { syncMediaDocuments } from '../src/sync.js';
import { succeeded } from '../src/tasks.js';
import { MACHINE, percentile, QUICK, waitSearchable, writeFigures } from './bench-report.ts';
import { syntheticEntries } from './synthetic-entries.ts';

const SIZE = Number(process.env.BENCH_SEARCH_SIZE ?? (QUICK ? 100 : 10_000));
const QUERY_WORDS = [
  'eau',
  'concertaion',
  'forêt',
  'territoire',
  'mediation',
  'rivières',
  'foncier',
  'citoyens',
  'atelier',
  'sécheresse',
  'biodiversite',
  'convention',
  'quartiers',
  'garrigue',
  'inondation',
  'communs',
  'dialogue territorial',
  'syndicat de rivière',
  'l’eau',
  'participation des habitants',
];
const FACET_FILTERS = [
  '',
  'type=rapport',
  'theme=Eau',
  'territory=Gard',
  'year=2020',
  'type=vidéo&theme=Forêt',
];

/** 200 fixed queries: words, typos and phrases, some with prefixes as typed. */
function fixedQueries(): string[] {
  return Array.from({ length: 200 }, (_, n) => {
    const word = QUERY_WORDS[n % QUERY_WORDS.length] as string;
    return n % 3 === 0 ? word.slice(0, Math.max(3, word.length - 2)) : word;
  });
}

function rssMiB(pid: number | null): { rss: number; peak: number } {
  const status = pid ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const read = (key: string) =>
    Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: read('VmRSS'), peak: read('VmHWM') };
}

async function main(): Promise<void> {
  const figures: Record<string, number | string> = {};
  const note = (name: string, value: number, unit: string, extra = '') => {
    figures[`${name} (${unit})`] = Math.round(value * 100) / 100;
    console.log(`bench: ${name}: ${value.toFixed(1)} ${unit}${extra}`);
  };
  console.log(`bench: machine: ${MACHINE}, Meilisearch 1.21 (bundled), ${SIZE} items`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-meili-'));
  const meili = await startBundledMeili({ dataDir });
  const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey, timeoutMs: 600_000 });
  try {
    const entries = syntheticEntries(SIZE);
    const documents = entries.map((entry) => toMediaDocument(entry));

    await ensureMediaIndex(client);
    let startedAt = performance.now();
    for (let start = 0; start < documents.length; start += 1000) {
      await succeeded(
        client.index(MEDIA_INDEX_UID).addDocuments(documents.slice(start, start + 1000)),
        600_000,
      );
    }
    note(
      'indexing throughput (batches of 1,000)',
      SIZE / ((performance.now() - startedAt) / 1000),
      'docs/s',
    );

    startedAt = performance.now();
    await reindexMedia(client, entries);
    note(
      'full reindex (fresh index, swap, delete old)',
      (performance.now() - startedAt) / 1000,
      's',
    );

    // Publish → searchable: the incremental sync sends one document.
    const byId = new Map(entries.map((entry) => [entry.documentId, entry]));
    const source = {
      findPublished: async (ids: string[]) => ids.map((id) => byId.get(id) as MediaEntry),
    };
    const incremental: number[] = [];
    for (let n = 0; n < 50; n += 1) {
      const id = `synthetic${(n * 97) % SIZE}`;
      const word = `marqueur${n}incremental`;
      byId.set(id, { ...(byId.get(id) as MediaEntry), title: `Publication ${word}` });
      startedAt = performance.now();
      await syncMediaDocuments(client, source, [id]);
      await waitSearchable(client, word, id);
      incremental.push(performance.now() - startedAt);
    }
    // Baseline: a naive sync re-adds every document on each publish.
    const naive: number[] = [];
    for (let n = 0; n < 5; n += 1) {
      const id = `synthetic${(n * 131 + 1) % SIZE}`;
      const word = `marqueur${n}naif`;
      byId.set(id, { ...(byId.get(id) as MediaEntry), title: `Publication ${word}` });
      startedAt = performance.now();
      const all = [...byId.values()].map((entry) => toMediaDocument(entry));
      await succeeded(client.index(MEDIA_INDEX_UID).addDocuments(all), 600_000);
      await waitSearchable(client, word, id);
      naive.push(performance.now() - startedAt);
    }
    const incrementalP50 = percentile(incremental, 50);
    const naiveP50 = percentile(naive, 50);
    note(
      'publish → searchable, incremental sync p50',
      incrementalP50,
      'ms',
      ` (baseline re-add all: ${naiveP50.toFixed(0)} ms; ×${(naiveP50 / incrementalP50).toFixed(1)} faster)`,
    );
    note('publish → searchable, incremental sync p95', percentile(incremental, 95), 'ms');
    note('publish → searchable, naive re-add all p50 (baseline)', naiveP50, 'ms');

    // Search latency for the fixed 200 queries, engine time and HTTP round trip.
    const queries = fixedQueries();
    for (const withFacets of [false, true]) {
      const engine: number[] = [];
      const roundTrip: number[] = [];
      for (const [n, q] of queries.entries()) {
        const filters = withFacets ? FACET_FILTERS[n % FACET_FILTERS.length] : '';
        const params = toMeiliSearchParams(
          parseSearchRequest(
            new URLSearchParams(`q=${encodeURIComponent(q)}${filters ? `&${filters}` : ''}`),
          ),
        );
        if (!withFacets) delete params.facets;
        startedAt = performance.now();
        const result = await client.index(MEDIA_INDEX_UID).search(null, params);
        roundTrip.push(performance.now() - startedAt);
        engine.push(result.processingTimeMs);
      }
      const label = withFacets ? 'with facets and filters' : 'without facets';
      for (const p of [50, 95, 99]) {
        note(`search ${label}, engine p${p}`, percentile(engine, p), 'ms');
        note(`search ${label}, HTTP round trip p${p}`, percentile(roundTrip, p), 'ms');
      }
    }
    const memory = rssMiB(meili.pid);
    note('Meilisearch RSS after the run', memory.rss, 'MiB');
    note('Meilisearch peak RSS', memory.peak, 'MiB');
  } finally {
    await meili.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  writeFigures('search', { size: SIZE, figures });
}

main().catch((error: unknown) => {
  console.error(`bench: failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
