import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('CMS_PORT', env.int('PORT', 1337)),
  url: env('CMS_PUBLIC_URL', ''),
  app: {
    keys: env.array('APP_KEYS')!,
  },
  // Behind a reverse proxy (production), trust its X-Forwarded-* headers: the admin's
  // secure cookies need to know the visitor's connection is HTTPS. Exactly one proxy: the
  // client's address is the last X-Forwarded-For entry (the one our proxy appended), not the
  // first, which the client writes itself (the login rate limit keys on it).
  proxy: { koa: env.bool('CMS_BEHIND_PROXY', false), maxIpsCount: 1 },
  // Uploads live in <public>/uploads: a volume in production, a folder per instance in tests.
  dirs: { public: env('CMS_PUBLIC_DIR', './public') },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
  // No call to the npm registry to look for Strapi updates.
  logger: {
    updates: { enabled: false },
    startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', true) },
  },
});

export default config;
