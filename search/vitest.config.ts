import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'search',
    include: ['tests/**/*.test.ts'],
    // Integration files start a real Meilisearch and index thousands of documents.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
