// Strapi's command line and the search CLI, run as children by the operator scripts
// (backup, restore) with their output shown as it comes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CMS_DIR = path.join(ROOT, 'cms');
const cmsRequire = createRequire(path.join(CMS_DIR, 'package.json'));
const strapiPackage = cmsRequire.resolve('@strapi/strapi/package.json');
/** Strapi's command line (not in the package's exports map: located from its package.json). */
export const STRAPI_BIN = path.join(path.dirname(strapiPackage), 'bin', 'strapi.js');
// A built CMS without its TypeScript sources (the production image) runs as a plain
// JavaScript app from dist/; with the sources, Strapi's commands compile them first.
export const STRAPI_APP_DIR = fs.existsSync(path.join(CMS_DIR, 'tsconfig.json'))
  ? CMS_DIR
  : path.join(CMS_DIR, 'dist');
const SEARCH_CLI = path.join(ROOT, 'search', 'dist', 'cli.js');

export const strapiVersion = (cmsRequire(strapiPackage) as { version: string }).version;

/** Runs a Node program to its end; rejects with `label` and the exit code otherwise. */
function runNode(label: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${label} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** `strapi <args>` in the CMS folder (export, import, …). */
export function runStrapi(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return runNode(`strapi ${args[0]}`, [STRAPI_BIN, ...args], env, STRAPI_APP_DIR);
}

/** The CMS's admin accounts to or from a JSON file: `export FILE` or `import FILE [options]`. */
export function runAdminAccounts(args: string[], env: NodeJS.ProcessEnv) {
  const script = path.join(ROOT, 'scripts', 'admin-accounts.ts');
  return runNode(`admin accounts ${args[0]}`, [script, ...args], env, STRAPI_APP_DIR);
}

/** The search CLI (`reindex`, `reindex --check`, `setup`); needs the search package's build. */
export function runSearchCli(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return runNode(`search ${args.join(' ')}`, [SEARCH_CLI, ...args], env, ROOT);
}
