import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SITE_DIR = fileURLToPath(new URL('..', import.meta.url));
const ASTRO_BIN = path.join(
  path.dirname(createRequire(path.join(SITE_DIR, 'package.json')).resolve('astro/package.json')),
  'bin',
  'astro.mjs',
);

export interface AstroBuildResult {
  durationMs: number;
  /** Everything Astro printed (stdout and stderr), for logs and error messages. */
  output: string;
}

// What a build takes from the caller's environment: the system's, never the caller's secrets.
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'LC_ALL', 'TZ', 'NODE_OPTIONS'];

/**
 * The whole environment of a build: `env` and the system variables of `callerEnv`, with the
 * repository's `.env` switched off (the build must not read what the caller did not give).
 */
export function astroBuildEnv(
  env: Record<string, string>,
  callerEnv: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...Object.fromEntries(
      INHERITED.filter((name) => callerEnv[name]).map((name) => [name, callerEnv[name]]),
    ),
    DEJALA_ENV_FILE: os.devNull,
    // A caller under test runs with NODE_ENV=test, which would bundle React's development build.
    NODE_ENV: 'production',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...env,
  };
}

/**
 * Runs `astro build` in its own process (a build holds a lot of memory, and a crash must not
 * take the caller down). The build sees only `env` (CMS_URL, SITE_API_TOKEN, SITE_URL,
 * SITE_OUT_DIR, SITE_CACHE_DIR…) and the system variables above — not the site server's
 * preview token, webhook secret or Meilisearch key, and not the repository's `.env`.
 */
export function runAstroBuild(
  env: Record<string, string>,
  onLine?: (line: string) => void,
): Promise<AstroBuildResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_BIN, 'build'], {
      cwd: SITE_DIR,
      env: astroBuildEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (onLine) text.split('\n').filter(Boolean).forEach(onLine);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const durationMs = Math.round(performance.now() - started);
      if (code === 0) return resolve({ durationMs, output });
      const tail = output.trim().split('\n').slice(-15).join('\n');
      reject(new Error(`astro build failed (${signal ?? `exit code ${code}`}):\n${tail}`));
    });
  });
}
