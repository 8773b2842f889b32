import { defineConfig } from 'vitest/config';

// One Vitest project per workspace, plus the stack's (tests/: root scripts, production
// files); each has its own config beside its tests.
export default defineConfig({
  test: {
    projects: ['cms', 'search', 'site', 'site/vitest.e2e.config.ts', 'tests/vitest.config.ts'],
  },
});
