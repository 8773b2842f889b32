import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { astroBuildEnv } from '../../server/astro-build';

describe('the environment of a site build', () => {
  // The site server's own environment, secrets included, as in production.
  const server = {
    PATH: '/usr/bin',
    HOME: '/home/node',
    SITE_PREVIEW_TOKEN: 'preview-token-value',
    PREVIEW_SECRET: 'preview-secret-value',
    REBUILD_SECRET: 'rebuild-secret-value',
    MEILI_MASTER_KEY: 'master-key-value',
    MEILI_SEARCH_KEY: 'search-key-value',
    ADMIN_PASSWORD: 'admin-password-value',
  };

  it('holds what the build is given and the system’s variables, none of the server’s secrets', () => {
    const env = astroBuildEnv({ CMS_URL: 'http://cms:1337', SITE_API_TOKEN: 'site-token' }, server);
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      HOME: '/home/node',
      CMS_URL: 'http://cms:1337',
      SITE_API_TOKEN: 'site-token',
      NODE_ENV: 'production',
    });
    for (const secret of Object.values(server).filter((value) => value.endsWith('-value'))) {
      expect(Object.values(env)).not.toContain(secret);
    }
  });

  it('points the build’s configuration at an empty file, not the repository’s .env', () => {
    expect(astroBuildEnv({}, server).DEJALA_ENV_FILE).toBe(os.devNull);
  });
});
