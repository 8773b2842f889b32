import { parseArgs } from 'node:util';
import type { Core } from '@strapi/strapi';
import {
  DEFAULT_BATCH_SIZE,
  importCollection,
  importSingle,
  type StepResult,
} from '../seed/import';
import { REAL_CONTENT_STEPS, REAL_SINGLE_TYPES, TAXONOMY_STEPS } from '../seed/real-content';
import { generateSyntheticMediaItems, SYNTHETIC_TERRITORIES } from '../seed/synthetic';
import { attachSyntheticDocuments } from '../seed/synthetic-attachments';
import { attachSyntheticCovers } from '../seed/synthetic-covers';
import { closeStrapi, loadStrapi } from './load-strapi';

const USAGE = `Usage: npm run seed [-- --synthetic N [--random-seed S] [--documents SHARE [--pages P]]
                    [--covers SHARE]] [--batch-size B] [--if-first-run] [--json]

Without options: imports Déjà-là's real content (idempotent: existing slugs are left alone).
--synthetic N     import N generated médiathèque items instead (for tests and benchmarks)
--random-seed S   seed of the synthetic generator (default 1)
--documents SHARE give this share (0 to 1) of the new synthetic items a file the search reads:
                  a PDF made by LibreOffice for reports, publications and articles, a WebVTT
                  captions file for videos and podcasts
--pages P         pages of each generated PDF (default 30)
--covers SHARE    give this share (0 to 1) of the new synthetic items a cover: a photograph of
                  their own (2000 × 1333 JPEG), which the site encodes at its next build
--batch-size B    entries per database transaction (default 100)
--if-first-run    do nothing if the real content was imported before (used by npm start),
                  so content that editors deleted on purpose does not come back
--json            print the report as one JSON line at the end`;

// Remembers that the real content was imported once, in Strapi's own key-value store.
const SEEDED_MARKER = { type: 'app', name: 'dejala', key: 'real-content-seeded-at' };

function parseOptions() {
  const { values } = parseArgs({
    options: {
      synthetic: { type: 'string' },
      'random-seed': { type: 'string', default: '1' },
      documents: { type: 'string', default: '0' },
      pages: { type: 'string', default: '30' },
      covers: { type: 'string', default: '0' },
      'batch-size': { type: 'string', default: String(DEFAULT_BATCH_SIZE) },
      json: { type: 'boolean', default: false },
      'if-first-run': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const synthetic = values.synthetic === undefined ? undefined : Number(values.synthetic);
  const randomSeed = Number(values['random-seed']);
  if (synthetic !== undefined && (!Number.isInteger(synthetic) || synthetic < 1)) {
    throw new Error(`--synthetic expects a positive whole number, got "${values.synthetic}".`);
  }
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`--batch-size expects a positive whole number, got "${values['batch-size']}".`);
  }
  if (!Number.isInteger(randomSeed) || randomSeed < 0) {
    throw new Error(`--random-seed expects a whole number, got "${values['random-seed']}".`);
  }
  const share = (option: 'documents' | 'covers') => {
    const value = Number(values[option]);
    if (!(value >= 0 && value <= 1)) {
      throw new Error(
        `--${option} expects a share from 0 to 1 (e.g. 0.2), got "${values[option]}".`,
      );
    }
    if (value > 0 && synthetic === undefined) {
      throw new Error(`--${option} applies to synthetic items: add --synthetic N.`);
    }
    return value;
  };
  const documents = share('documents');
  const covers = share('covers');
  const pages = Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1 || pages > 2000) {
    throw new Error(`--pages expects a whole number from 1 to 2000, got "${values.pages}".`);
  }
  return {
    synthetic,
    randomSeed,
    documents,
    pages,
    covers,
    batchSize,
    json: values.json,
    ifFirstRun: values['if-first-run'],
  };
}

function progressPrinter(label: string) {
  const startedAt = Date.now();
  let lastPrint = 0;
  return (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - lastPrint < 2000) return;
    lastPrint = now;
    const seconds = (now - startedAt) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : done;
    console.error(`seed: ${label} ${done}/${total} (${rate}/s)`);
  };
}

type Options = ReturnType<typeof parseOptions>;

/** Runs the import the options ask for and returns what it did per content type. */
async function seed(strapi: Core.Strapi, options: Options): Promise<Record<string, StepResult>> {
  const report: Record<string, StepResult> = {};
  const seededAt = await strapi.store.get(SEEDED_MARKER);
  if (options.ifFirstRun && !options.synthetic && seededAt) {
    console.error(`seed: real content already imported on ${String(seededAt)}, nothing to do`);
    return report;
  }
  const synthetic = options.synthetic
    ? generateSyntheticMediaItems(options.synthetic, options.randomSeed)
    : [];
  // Files only for items the import will create: an existing item keeps its own.
  const existingSlugs =
    options.documents > 0 || options.covers > 0
      ? new Set(
          (await strapi.db.query('api::media-item.media-item').findMany({ select: ['slug'] })).map(
            (row: { slug: string }) => row.slug,
          ),
        )
      : new Set<string>();
  if (options.documents > 0) {
    console.error('seed: writing and uploading synthetic documents and captions…');
    const attached = await attachSyntheticDocuments(strapi, synthetic, existingSlugs, {
      share: options.documents,
      pages: options.pages,
      seed: options.randomSeed,
      onProgress: progressPrinter('documents'),
    });
    console.error(
      `seed: ${attached.pdfs} PDFs of ${options.pages} pages and ${attached.captions} captions files attached`,
    );
  }
  if (options.covers > 0) {
    console.error('seed: making and uploading synthetic covers…');
    const attached = await attachSyntheticCovers(strapi, synthetic, existingSlugs, {
      share: options.covers,
      seed: options.randomSeed,
      onProgress: progressPrinter('covers'),
    });
    console.error(`seed: ${attached} covers attached`);
  }
  const steps = options.synthetic
    ? [
        ...TAXONOMY_STEPS,
        { uid: 'api::territory.territory' as const, entries: SYNTHETIC_TERRITORIES },
        { uid: 'api::media-item.media-item' as const, entries: synthetic },
      ]
    : REAL_CONTENT_STEPS;
  for (const step of steps) {
    const result = await importCollection(
      strapi,
      step,
      progressPrinter(step.uid),
      options.batchSize,
    );
    const previous = report[step.uid] ?? { created: 0, existing: 0, seconds: 0 };
    report[step.uid] = {
      created: previous.created + result.created,
      existing: previous.existing + result.existing,
      seconds: (previous.seconds ?? 0) + (result.seconds ?? 0),
    };
    console.error(`seed: ${step.uid}: ${result.created} created, ${result.existing} already there`);
  }
  if (!options.synthetic) {
    for (const { uid, entry } of REAL_SINGLE_TYPES) {
      const result = await importSingle(strapi, uid, entry);
      report[uid] = result;
      console.error(`seed: ${uid}: ${result.created ? 'created' : 'already there'}`);
    }
    if (!seededAt) await strapi.store.set({ ...SEEDED_MARKER, value: new Date().toISOString() });
  }
  return report;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const startedAt = Date.now();
  console.error('seed: loading Strapi…');
  const strapi = await loadStrapi();
  let report: Record<string, StepResult>;
  try {
    report = await seed(strapi, options);
  } finally {
    await closeStrapi(strapi);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.error(`seed: done in ${seconds} s`);
  if (options.json) console.log(JSON.stringify({ seconds: Number(seconds), report }));
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // One line: Node's parseArgs explains some mistakes over several.
  console.error(`seed: failed: ${message.replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
});
