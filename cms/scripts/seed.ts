import { parseArgs } from 'node:util';
import { importCollection, importSingle, type StepResult } from '../seed/import';
import { REAL_CONTENT_STEPS, REAL_SINGLE_TYPES, TAXONOMY_STEPS } from '../seed/real-content';
import { generateSyntheticMediaItems, SYNTHETIC_TERRITORIES } from '../seed/synthetic';
import { closeStrapi, loadStrapi } from './load-strapi';

const USAGE = `Usage: npm run seed [-- --synthetic N [--random-seed S]] [--json]

Without options: imports Déjà-là's real content (idempotent: existing slugs are left alone).
--synthetic N     import N generated médiathèque items instead (for tests and benchmarks)
--random-seed S   seed of the synthetic generator (default 1)
--json            print the report as one JSON line at the end`;

function parseOptions() {
  const { values } = parseArgs({
    options: {
      synthetic: { type: 'string' },
      'random-seed': { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
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
  if (!Number.isInteger(randomSeed) || randomSeed < 0) {
    throw new Error(`--random-seed expects a whole number, got "${values['random-seed']}".`);
  }
  return { synthetic, randomSeed, json: values.json };
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

async function main(): Promise<void> {
  const options = parseOptions();
  const startedAt = Date.now();
  console.error('seed: loading Strapi…');
  const strapi = await loadStrapi();
  const report: Record<string, StepResult> = {};
  try {
    const steps = options.synthetic
      ? [
          ...TAXONOMY_STEPS,
          { uid: 'api::territory.territory' as const, entries: SYNTHETIC_TERRITORIES },
          {
            uid: 'api::media-item.media-item' as const,
            entries: generateSyntheticMediaItems(options.synthetic, options.randomSeed),
          },
        ]
      : REAL_CONTENT_STEPS;
    for (const step of steps) {
      const result = await importCollection(strapi, step, progressPrinter(step.uid));
      const previous = report[step.uid] ?? { created: 0, existing: 0 };
      report[step.uid] = {
        created: previous.created + result.created,
        existing: previous.existing + result.existing,
      };
      console.error(
        `seed: ${step.uid}: ${result.created} created, ${result.existing} already there`,
      );
    }
    if (!options.synthetic) {
      for (const { uid, entry } of REAL_SINGLE_TYPES) {
        report[uid] = await importSingle(strapi, uid, entry);
        console.error(`seed: ${uid}: ${report[uid].created ? 'created' : 'already there'}`);
      }
    }
  } finally {
    await closeStrapi(strapi);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.error(`seed: done in ${seconds} s`);
  if (options.json) console.log(JSON.stringify({ seconds: Number(seconds), report }));
}

main().catch((error: unknown) => {
  console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
