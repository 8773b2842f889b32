// Imported by the site server too (Node runs it without a bundler): imports keep their .ts extension.
import { rootEnv } from '../lib/root-env.ts';

/** Where the build reads the CMS, from the environment (never baked into the Astro config). */
export interface CmsConnection {
  /** Base URL the build fetches from (server to server). */
  url: string;
  /** The token `site-build` (SITE_API_TOKEN: published content), or `site-preview` for previews. */
  token: string;
  /** Base URL visitors' browsers load uploads from (CMS_PUBLIC_URL, else `url`). */
  publicUrl: string;
}

export function cmsConnectionFromEnv(env: NodeJS.ProcessEnv = rootEnv()): CmsConnection {
  const url = (env.CMS_URL || `http://127.0.0.1:${env.CMS_PORT || 1337}`).replace(/\/$/, '');
  const token = env.SITE_API_TOKEN;
  if (!token) {
    throw new Error(
      'SITE_API_TOKEN is not set: the site build reads the CMS with the site-build token (see .env.example).',
    );
  }
  return { url, token, publicUrl: (env.CMS_PUBLIC_URL || url).replace(/\/$/, '') };
}
