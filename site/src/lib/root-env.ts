import { platformEnv } from '@dejala/search/platform-env';

/**
 * The platform's configuration as every part reads it (search/src/platform-env.ts): the process
 * environment, then the repository's `.env` (or DEJALA_ENV_FILE), so that `astro build`,
 * `astro dev` and the site server see the same values as `npm start` and the CMS.
 */
export function rootEnv(): NodeJS.ProcessEnv {
  return platformEnv();
}
