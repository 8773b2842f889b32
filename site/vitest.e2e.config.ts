import { defineConfig } from 'vitest/config';

// Browser tests against the built site, served with a real Meilisearch and a seeded CMS.
export default defineConfig({
  test: {
    name: 'site-e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // One browser at a time on a 2-core machine.
    fileParallelism: false,
  },
});
