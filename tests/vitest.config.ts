import { defineConfig } from 'vitest/config';

// Tests of the platform as operators run it: the root scripts (setup, backup, restore) and
// the production stack's files, against real servers; and what the packages must agree on. Shares the CMS suites' setup
// (compiled search package and CMS, a private PostgreSQL cluster).
export default defineConfig({
  test: {
    name: 'stack',
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.test.ts'],
    globalSetup: ['../cms/tests/helpers/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
