import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// Unit and integration tests of the site. Astro's Vite config lets tests render .astro
// components with the container API.
export default getViteConfig(
  {
    root,
    test: {
      name: 'site',
      root,
      include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
      // The CMS suites' setup: compiled search package and CMS, and a private PostgreSQL
      // cluster for the publish-to-live suite on the production database.
      globalSetup: ['../cms/tests/helpers/global-setup.ts'],
      testTimeout: 120_000,
      hookTimeout: 180_000,
    },
  },
  { root, devToolbar: { enabled: false }, logLevel: 'error' },
);
