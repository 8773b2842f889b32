/** Where a tool reads the CMS's REST API, and with which token. */
export interface CmsConnection {
  /** Base URL, server to server (CMS_URL; by default the local CMS). */
  url: string;
  /** An API token: `site-build` (SITE_API_TOKEN: published content) or `site-preview`. */
  token: string;
  /** Base URL visitors' browsers load uploads from (CMS_PUBLIC_URL, else `url`). */
  publicUrl: string;
}

const trimSlash = (url: string) => url.replace(/\/$/, '');

/** The CMS's address: CMS_URL, else the local CMS on CMS_PORT (1337 unless set). */
export function cmsUrlFromEnv(env: NodeJS.ProcessEnv): string {
  return trimSlash(env.CMS_URL || `http://127.0.0.1:${env.CMS_PORT || 1337}`);
}

/** Where visitors load uploads from: CMS_PUBLIC_URL, else the CMS's own address. */
export function cmsPublicUrlFromEnv(env: NodeJS.ProcessEnv): string {
  return trimSlash(env.CMS_PUBLIC_URL || cmsUrlFromEnv(env));
}

/** The connection of a tool that reads published content with SITE_API_TOKEN. */
export function cmsConnectionFromEnv(env: NodeJS.ProcessEnv): CmsConnection {
  const token = env.SITE_API_TOKEN;
  if (!token) {
    throw new Error(
      'SITE_API_TOKEN is not set: the site build and the search tools read the CMS with the site-build token (see .env.example).',
    );
  }
  return { url: cmsUrlFromEnv(env), token, publicUrl: cmsPublicUrlFromEnv(env) };
}
