// `npm start`: the whole local stack on this machine, seeded on first run.
// Generates missing secrets into the git-ignored .env (printing the admin password once),
// starts Meilisearch (bundled, unless MEILI_URL names one), builds the CMS, imports the real
// content the first time, then runs Strapi and the site server (which builds the site and
// rebuilds it on each publish) until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEnvFile, LOCAL_DEFAULTS, restrictEnvFile } from './env-file.ts';
import { envFilePath, loadEnvFile } from '../search/src/platform-env.ts';
import { STRAPI_BIN } from './cms-commands.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CMS_DIR = path.join(ROOT, 'cms');
const SITE_DIR = path.join(ROOT, 'site');
// Overridable (DEJALA_ENV_FILE) so that a test can run the whole start-up in a throwaway folder.
const ENV_FILE = envFilePath();
const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));
// Binaries are spawned directly (not through npm) so that a stop signal reaches them.
const TSX = cmsRequire.resolve('tsx/cli');
const TSC = cmsRequire.resolve('typescript/bin/tsc');

const children = new Set<ChildProcess>();
let stopping = false;
let stopMeili: () => Promise<void> = async () => {};

/** Runs a Node program as a child until it exits; resolves on exit code 0 (or when stopping). */
function run(
  label: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string = CMS_DIR,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0 || stopping) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

async function waitForHealth(url: string, running: Promise<void>): Promise<void> {
  let exited = false;
  void running.finally(() => (exited = true));
  while (!exited && !stopping) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function stopAll(signal: NodeJS.Signals): void {
  stopping = true;
  for (const child of children) child.kill(signal);
}

async function main(): Promise<void> {
  const narrowed = restrictEnvFile(ENV_FILE);
  if (narrowed !== null) {
    console.log(`start: .env was readable by others (${narrowed.toString(8)}); now 600.`);
  }
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
    maxIndexingMemory: env.MEILI_MAX_INDEXING_MEMORY || undefined,
  });
  stopMeili = () => meili.stop();
  env.MEILI_URL = meili.url;
  env.MEILI_MASTER_KEY = meili.masterKey;
  // The CMS calls the local site server after each publish.
  env.SITE_REBUILD_URL ??= `http://127.0.0.1:${env.SITE_PORT ?? '4321'}/_hooks/rebuild`;
  // Where the CMS's preview button opens drafts, and the site's own address.
  env.SITE_URL ??= `http://127.0.0.1:${env.SITE_PORT ?? '4321'}`;
  console.log(
    `start: Meilisearch at ${meili.url}${meili.pid ? ` (bundled, pid ${meili.pid})` : ''}`,
  );
  try {
    await run('strapi build', [STRAPI_BIN, 'build'], env);
    if (stopping) return;
    console.log('start: importing the real content if this is the first run…');
    await run('seed', [TSX, 'scripts/seed.ts', '--if-first-run'], env);
    if (stopping) return;

    const cmsPort = env.CMS_PORT ?? '1337';
    const sitePort = env.SITE_PORT ?? '4321';
    const strapi = run('strapi start', [STRAPI_BIN, 'start'], env);
    await waitForHealth(`http://127.0.0.1:${cmsPort}/_health`, strapi);
    if (stopping) return;
    // The site server builds the site at start-up when the CMS has content it does not show.
    const site = run('site server', ['server/main.ts'], env, SITE_DIR);
    console.log('');
    console.log(`  CMS (back office)  http://127.0.0.1:${cmsPort}/admin`);
    console.log(`  Site               http://127.0.0.1:${sitePort}/   (first build in progress)`);
    console.log(`  Meilisearch        ${meili.url}`);
    console.log('  Ctrl-C stops everything.');
    console.log('');
    // Either one ending (or failing) ends the stack.
    const failure = await Promise.race([strapi, site]).then(
      () => null,
      (error: unknown) => error,
    );
    stopAll('SIGTERM');
    await Promise.allSettled([strapi, site]);
    if (failure) throw failure;
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
