// `npm run bench` (document search part): what reading the documents' own text costs.
// 10,000 synthetic items, 2,000 of which carry a ~30-page French PDF made by LibreOffice
// (200 distinct documents, each item its own upload, as in the media library): extraction
// pages/s; full reindex with a cold and a warm text cache against the metadata-only reindex;
// index size on disk; `/_search` latency; Meilisearch's peak memory; and publish → searchable
// for an item with a 100-page PDF (the CMS's background path: item first, pages once read).
// Each figure is compared with the metadata-only index measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { syntheticDocumentPages } from '../../cms/seed/synthetic-documents.ts';
import { writeOfficePdfs } from '../../scripts/office-pdf.ts';
import { createBackgroundTexts } from '../src/document-text/background-texts.js';
import { createDocumentTexts, type DocumentTexts } from '../src/document-text/document-texts.js';
import { uploadReader } from '../src/document-text/read-upload.js';
import type { UploadFile } from '../src/document-text/upload-file.js';
import { createMeiliClient } from '../src/meili-client.js';
import { startBundledMeili, type MeiliServer } from '../src/meili-server.js';
import { MEDIA_INDEX_UID, textFileOf, type MediaEntry } from '../src/media-document.js';
import { createMediaSearch } from '../src/media-search.js';
import { reindexMedia } from '../src/reindex.js';
import { ensureSearchKey } from '../src/search-key.js';
import { syncMediaDocuments, type EntryText } from '../src/sync.js';
import { MACHINE, percentile, QUICK, writeFigures } from './bench-report.ts';
import { syntheticEntries } from './synthetic-entries.ts';

const ITEMS = QUICK ? 40 : 10_000;
const WITH_PDF = QUICK ? 8 : 2_000;
const DISTINCT_PDFS = QUICK ? 2 : 200;
const PAGES = QUICK ? 5 : 30;
const LONG_PAGES = QUICK ? 10 : 100;
const PUBLISH_RUNS = QUICK ? 2 : 20;

function peakRssMiB(pid: number | null): number {
  const status = pid ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** An "upload" of a pool PDF: its own copy under uploads/, as Strapi stores each upload. */
function uploadCopy(publicDir: string, pdf: string, name: string): UploadFile {
  const stored = path.join(publicDir, 'uploads', `${name}.pdf`);
  fs.copyFileSync(pdf, stored);
  const size = fs.statSync(stored).size / 1000;
  return {
    url: `/uploads/${name}.pdf`,
    hash: name,
    ext: '.pdf',
    mime: 'application/pdf',
    size,
    updatedAt: new Date().toISOString(),
    name: `${name}.pdf`,
  };
}

const QUERIES = [
  'eau',
  'concertaion',
  'forêt',
  'territoire',
  'mediation',
  'foncier',
  'sécheresse',
  'dialogue territorial',
  'syndicat de rivière',
  'participation des habitants',
  'intelligence collective',
  'restitution publique',
  'organes consultatifs',
  'jeunes agriculteurs',
  'calendrier de travaux',
];

async function searchLatencies(meili: MeiliServer, client: Meilisearch): Promise<number[]> {
  const search = createMediaSearch({
    meiliUrl: meili.url,
    searchKey: await ensureSearchKey(client),
  });
  const times: number[] = [];
  for (let n = 0; n < 200; n += 1) {
    const q = QUERIES[n % QUERIES.length]!;
    const startedAt = performance.now();
    const outcome = await search(
      new URLSearchParams({ q, ...(n % 4 === 0 ? { type: 'rapport' } : {}) }),
    );
    times.push(performance.now() - startedAt);
    if (!outcome.ok) throw new Error(`search failed: ${outcome.messageFr}`);
  }
  return times;
}

async function main(): Promise<void> {
  const figures: Record<string, number> = {};
  const note = (name: string, value: number, unit: string, extra = '') => {
    figures[`${name} (${unit})`] = Math.round(value * 100) / 100;
    console.log(`bench: ${name}: ${value.toFixed(1)} ${unit}${extra}`);
  };
  console.log(
    `bench: machine: ${MACHINE}, Meilisearch 1.21 (bundled); ${ITEMS} items, ${WITH_PDF} with a ${PAGES}-page PDF`,
  );
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-documents-'));
  const publicDir = path.join(work, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  const meilis: MeiliServer[] = [];
  try {
    console.log(`bench: writing ${DISTINCT_PDFS} PDFs of ${PAGES} pages with LibreOffice…`);
    let startedAt = performance.now();
    const pool = await writeOfficePdfs(
      Array.from({ length: DISTINCT_PDFS }, (_, index) => ({
        name: `rapport-${index}`,
        title: `Rapport de concertation n° ${index + 1}`,
        header: 'Déjà-là — dialogue territorial',
        pages: syntheticDocumentPages(1000 + index, PAGES),
      })),
      path.join(work, 'pool'),
    );
    const [long] = await writeOfficePdfs(
      [
        {
          name: 'rapport-long',
          title: 'Rapport final',
          header: 'Déjà-là — dialogue territorial',
          pages: syntheticDocumentPages(7, LONG_PAGES, { [LONG_PAGES]: 'Marqueur final.' }),
        },
      ],
      path.join(work, 'long'),
    );
    console.log(`bench: PDFs written in ${((performance.now() - startedAt) / 1000).toFixed(0)} s`);

    // Every fifth item carries its own upload of one of the pool's PDFs.
    const entries: MediaEntry[] = syntheticEntries(ITEMS).map((entry, index) => ({
      ...entry,
      file:
        index % (ITEMS / WITH_PDF) === 0
          ? uploadCopy(publicDir, pool[(index / (ITEMS / WITH_PDF)) % pool.length]!, `u${index}`)
          : null,
    }));
    const readUpload = uploadReader({ publicDir });
    const cacheDir = path.join(work, 'text-cache');
    const texts = createDocumentTexts({ cacheDir, readUpload });
    const text: EntryText = async (entry) => {
      const file = textFileOf(entry);
      return file ? texts.read(file) : null;
    };

    // Extraction alone: 20 files, one after the other.
    const sample = entries.filter((entry) => entry.file).slice(0, 20);
    const scratch = createDocumentTexts({ cacheDir: path.join(work, 'scratch'), readUpload });
    startedAt = performance.now();
    let pages = 0;
    for (const entry of sample) {
      const read = await scratch.read(entry.file!);
      if (read && 'outcome' in read && read.outcome.status === 'indexed')
        pages += read.outcome.pageCount ?? 0;
    }
    note(
      'PDF extraction, one file at a time',
      pages / ((performance.now() - startedAt) / 1000),
      'pages/s',
    );

    const run = async (label: string, entryText: EntryText | undefined) => {
      const dataDir = path.join(work, `meili-${label}`);
      const meili = await startBundledMeili({ dataDir });
      meilis.push(meili);
      const client = createMeiliClient({
        url: meili.url,
        apiKey: meili.masterKey,
        timeoutMs: 600_000,
      });
      const begin = performance.now();
      const result = await reindexMedia(client, entries, { text: entryText });
      const seconds = (performance.now() - begin) / 1000;
      const latencies = await searchLatencies(meili, client);
      const sizeMiB = directoryBytes(dataDir) / 2 ** 20;
      const peak = peakRssMiB(meili.pid);
      return { meili, client, seconds, documents: result.documents, latencies, sizeMiB, peak };
    };

    console.log('bench: metadata-only reindex (baseline)…');
    const base = await run('metadata', undefined);
    console.log('bench: reindex with a cold text cache…');
    const cold = await run('cold', text);
    await base.meili.stop();
    console.log('bench: reindex with a warm text cache…');
    const warm = await run('warm', text);
    await cold.meili.stop();

    note(
      'full reindex, metadata only (baseline)',
      base.seconds,
      's',
      ` (${base.documents} documents)`,
    );
    note(
      'full reindex, cold text cache',
      cold.seconds,
      's',
      ` (×${(cold.seconds / base.seconds).toFixed(1)} the baseline; ${cold.documents} documents)`,
    );
    note(
      'full reindex, warm text cache',
      warm.seconds,
      's',
      ` (×${(warm.seconds / base.seconds).toFixed(2)} the baseline; goal ≤ ×1.5)`,
    );
    note('index on disk, metadata only (baseline)', base.sizeMiB, 'MiB');
    note(
      'index on disk, with texts',
      warm.sizeMiB,
      'MiB',
      ` (×${(warm.sizeMiB / base.sizeMiB).toFixed(1)})`,
    );
    note('text cache on disk', directoryBytes(cacheDir) / 2 ** 20, 'MiB');
    for (const p of [50, 95]) {
      note(`/_search p${p}, metadata only (baseline)`, percentile(base.latencies, p), 'ms');
      note(
        `/_search p${p}, with texts`,
        percentile(warm.latencies, p),
        'ms',
        p === 95 ? ' (goal ≤ 30 ms)' : '',
      );
    }
    note('Meilisearch peak RSS, metadata only (baseline)', base.peak, 'MiB');
    note('Meilisearch peak RSS, with texts (cold reindex)', cold.peak, 'MiB');

    // Publish → searchable with a 100-page PDF: the item is synced at once, its pages once the
    // background extraction has read the (never seen) file, as in the CMS.
    const byId = new Map(entries.map((entry) => [entry.documentId, entry]));
    const source = {
      findPublished: async (ids: string[]) =>
        ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
    };
    const times: number[] = [];
    const ready: Array<(ids: string[]) => void> = [];
    const background = createBackgroundTexts(texts as DocumentTexts, {
      onReady: (ids) => ready.shift()?.(ids),
    });
    for (let n = 0; n < PUBLISH_RUNS; n += 1) {
      const id = `synthetic${n * 7 + 3}`;
      byId.set(id, { ...byId.get(id)!, file: uploadCopy(publicDir, long!, `long${n}`) });
      const begin = performance.now();
      const textReady = new Promise<string[]>((resolve) => ready.push(resolve));
      const first = await syncMediaDocuments(warm.client, source, [id], { text: background.text });
      if (first.waitingForText.length > 0) {
        await syncMediaDocuments(warm.client, source, await textReady, { text: background.text });
      }
      for (;;) {
        // Each run's item has the sentence: look for this one's.
        const { hits } = await warm.client.index(MEDIA_INDEX_UID).search('Marqueur final', {
          filter: `itemId = "${id}"`,
          attributesToRetrieve: ['page'],
        });
        if (hits.some((hit) => hit.page === LONG_PAGES)) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      times.push(performance.now() - begin);
    }
    note(`publish → searchable, ${LONG_PAGES}-page PDF p50`, percentile(times, 50), 'ms');
    note(
      `publish → searchable, ${LONG_PAGES}-page PDF p95`,
      percentile(times, 95),
      'ms',
      ' (goal ≤ 3,000 ms)',
    );
  } finally {
    for (const meili of meilis) await meili.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
  writeFigures('document-search', { items: ITEMS, withPdf: WITH_PDF, pages: PAGES, figures });
}

main().catch((error: unknown) => {
  console.error(`bench: failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
