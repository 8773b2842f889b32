import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadEnvFile } from '../../../scripts/env-file.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The platform's configuration as every part reads it: the process environment, then the
 * repository's `.env` (or DEJALA_ENV_FILE), so that `astro build`, `astro dev` and the site
 * server see the same values as `npm start` and the CMS.
 */
export function rootEnv(): NodeJS.ProcessEnv {
  return loadEnvFile(process.env.DEJALA_ENV_FILE || path.join(ROOT, '.env'));
}
