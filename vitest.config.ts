import { defineConfig } from 'vitest/config';

// One Vitest project per workspace, each with its own config beside its tests.
export default defineConfig({
  test: {
    projects: ['cms', 'search', 'site', 'site/vitest.e2e.config.ts'],
  },
});
