import type { Core } from '@strapi/strapi';

/**
 * Origins whose pages may call the CMS with credentials: its own public address (the admin)
 * and the site. Strapi's default echoes any origin with credentials.
 */
function allowedOrigins(env: Core.Config.Shared.ConfigParams['env']): string[] {
  return [env('CMS_PUBLIC_URL'), env('SITE_URL')]
    .filter((url): url is string => Boolean(url))
    .map((url) => new URL(url).origin);
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  { name: 'strapi::cors', config: { origin: allowedOrigins(env) } },
  // No `strapi::poweredBy`: no X-Powered-By header naming the software.
  'strapi::query',
  'strapi::body',
  // After the body is parsed (its files), before any controller.
  'global::refuse-active-uploads',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
