// `npm start`: the whole local stack on this machine, seeded on first run.
// Generates missing secrets into the git-ignored .env (printing the admin password once),
// starts Meilisearch (bundled, unless MEILI_URL names one), builds the CMS, imports the real
// content the first time, then runs Strapi until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEnvFile, LOCAL_DEFAULTS, loadEnvFile } from './env-file.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CMS_DIR = path.join(ROOT, 'cms');
// Overridable so that a test can run the whole start-up in a throwaway folder.
const ENV_FILE = process.env.DEJALA_ENV_FILE ?? path.join(ROOT, '.env');
const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));
// Binaries are spawned directly (not through npm) so that a stop signal reaches them.
const STRAPI = path.join(
  path.dirname(cmsRequire.resolve('@strapi/strapi/package.json')),
  'bin',
  'strapi.js',
);
const TSX = cmsRequire.resolve('tsx/cli');
const TSC = cmsRequire.resolve('typescript/bin/tsc');

const children = new Set<ChildProcess>();
let stopping = false;
let stopMeili: () => Promise<void> = async () => {};

function run(label: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: CMS_DIR, env, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0 || stopping) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

function stopAll(signal: NodeJS.Signals): void {
  stopping = true;
  for (const child of children) child.kill(signal);
}

async function main(): Promise<void> {
  const generated = ensureEnvFile(ENV_FILE, LOCAL_DEFAULTS);
  const env: NodeJS.ProcessEnv = {
    ...loadEnvFile(ENV_FILE),
    STRAPI_TELEMETRY_DISABLED: 'true',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (generated.length > 0) {
    console.log(`start: generated ${generated.join(', ')} into .env`);
  }
  if (generated.includes('ADMIN_PASSWORD')) {
    console.log('');
    console.log('  First admin of the Strapi back office (shown once, kept in .env):');
    console.log(`    email:    ${env.ADMIN_EMAIL}`);
    console.log(`    password: ${env.ADMIN_PASSWORD}`);
    console.log('');
  }

  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));

  console.log('start: building the search package and the CMS (TypeScript and admin panel)…');
  await run('search build', [TSC, '-p', path.join(ROOT, 'search', 'tsconfig.json')], env);
  if (stopping) return;
  const { connectOrStartMeili } = await import('@dejala/search/meili-server');
  const meili = await connectOrStartMeili(env, {
    dataDir: env.MEILI_DATA_DIR ?? path.join(ROOT, '.tmp', 'meilisearch'),
    port: Number(env.MEILI_PORT ?? 7700),
  });
  stopMeili = () => meili.stop();
  env.MEILI_URL = meili.url;
  env.MEILI_MASTER_KEY = meili.masterKey;
  console.log(
    `start: Meilisearch at ${meili.url}${meili.pid ? ` (bundled, pid ${meili.pid})` : ''}`,
  );
  try {
    await run('strapi build', [STRAPI, 'build'], env);
    if (stopping) return;
    console.log('start: importing the real content if this is the first run…');
    await run('seed', [TSX, 'scripts/seed.ts', '--if-first-run'], env);
    if (stopping) return;

    const port = env.CMS_PORT ?? '1337';
    console.log(`start: Strapi admin at http://127.0.0.1:${port}/admin (Ctrl-C to stop)`);
    await run('strapi start', [STRAPI, 'start'], env);
  } finally {
    await stopMeili();
  }
  console.log('start: stopped');
}

main().catch(async (error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`);
  stopAll('SIGTERM');
  await stopMeili();
  process.exit(1);
});
