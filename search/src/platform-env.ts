// The platform's configuration as every part reads it — `npm start`, the CMS's tools, the
// site server and its builds, the search CLI, backup and restore: the process environment,
// then the repository's `.env` (or DEJALA_ENV_FILE). Node built-ins only: the root scripts
// run this file from its sources, before any install.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Two folders up from search/src/ or search/dist/.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Parses KEY=value lines (optionally quoted), ignoring comments and blank lines. */
export function parseEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match as unknown as [string, string, string];
    values[key] = raw.replace(/^(['"])(.*)\1$/, '$2');
  }
  return values;
}

/**
 * An env file's values under the process environment: variables set in the environment win,
 * except empty ones, which count as unset so they never blank a secret.
 */
export function loadEnvFile(file: string): NodeJS.ProcessEnv {
  const fromFile = fs.existsSync(file) ? parseEnv(fs.readFileSync(file, 'utf8')) : {};
  const fromProcess = Object.fromEntries(
    Object.entries(process.env).filter(([, value]) => value !== ''),
  );
  return { ...fromFile, ...fromProcess };
}

/** The platform's env file: DEJALA_ENV_FILE (a test's throwaway one), else `.env` at the root. */
export function envFilePath(): string {
  return process.env.DEJALA_ENV_FILE || path.join(ROOT, '.env');
}

/** The environment, then the env file. */
export function platformEnv(): NodeJS.ProcessEnv {
  return loadEnvFile(envFilePath());
}

/** A setting that must be there: its value, or an error naming it. */
export function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set (environment or .env; see .env.example).`);
  return value;
}
