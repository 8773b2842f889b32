import { rootEnv } from './root-env';

/**
 * Absolute URL of an upload: Strapi stores local uploads as `/uploads/…`, served by the CMS
 * at its public address (CMS_PUBLIC_URL). URLs of other providers are already absolute.
 */
// Read once: every image of a build goes through here.
const defaultEnv = rootEnv();

export function mediaUrl(url: string, env: NodeJS.ProcessEnv = defaultEnv): string {
  if (!url.startsWith('/')) return url;
  const base = env.CMS_PUBLIC_URL || env.CMS_URL || `http://127.0.0.1:${env.CMS_PORT || 1337}`;
  return `${base.replace(/\/$/, '')}${url}`;
}
