import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { CmsEnv } from './cms-env';
import { freePort, stopChild } from '@dejala/search/child-process';
import { STRAPI_BIN } from '../../../scripts/cms-commands.ts';

export const CMS_DIR = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(path.join(CMS_DIR, 'package.json'));
const TSX_BIN = require.resolve('tsx/cli');

function childEnv(env: CmsEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...env.vars, ...extra };
}

/** A Strapi server (`strapi start` on the compiled app) on a port of its own. */
export interface CmsServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts on `port` when given (a restart keeping its address), else on a free port. */
export async function startCmsServer(env: CmsEnv, port?: number): Promise<CmsServer> {
  port ??= await freePort();
  const logFile = path.join(env.dir, `strapi-${port}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
    cwd: CMS_DIR,
    env: childEnv(env, { CMS_PORT: String(port) }),
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stop();
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${(error as Error).message}\n--- strapi log ---\n${tail}`, { cause: error });
  } finally {
    fs.closeSync(log);
  }
  return { url, stop };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`strapi exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.status === 204) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`strapi did not answer /_health within ${timeoutMs} ms`);
}

/** Runs `npm run seed` (the seed CLI) against the instance's database and returns its report. */
export function runSeed(
  env: CmsEnv,
  args: string[] = [],
  /** Pass its progress lines on as they come (a long seed in a benchmark). */
  echo = false,
): Promise<SeedOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_BIN, 'scripts/seed.ts', '--json', ...args], {
      cwd: CMS_DIR,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`seed exited with ${code}:\n${stderr}`));
      const lastLine = stdout.trim().split('\n').at(-1) ?? '';
      resolve({ ...(JSON.parse(lastLine) as Omit<SeedOutput, 'log'>), log: stderr });
    });
  });
}

/**
 * Runs a script of the CMS's (`tests/helpers/…`, run by tsx in a Strapi it loads itself)
 * against the instance's database, and returns the JSON it prints last.
 */
export async function runCmsScript<T>(env: CmsEnv, script: string): Promise<T> {
  const { stdout } = await promisify(execFile)(process.execPath, [TSX_BIN, script], {
    cwd: CMS_DIR,
    env: childEnv(env),
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as T;
}

export interface SeedOutput {
  seconds: number;
  report: Record<string, { created: number; existing: number; seconds?: number }>;
  log: string;
}
