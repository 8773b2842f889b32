import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { connectOrStartMeili, findBundledMeili, noServerMessage } from '../../src/meili-server.js';

describe('Meilisearch server choice', () => {
  it('names both ways to get a server when none is available', () => {
    expect(noServerMessage()).toMatch(/MEILI_URL/);
    expect(noServerMessage()).toMatch(/@gaubee\/meilisearch-linux-amd64/);
  });

  it('refuses MEILI_URL without MEILI_MASTER_KEY', async () => {
    await expect(
      connectOrStartMeili({ MEILI_URL: 'http://127.0.0.1:9' }, { dataDir: '/nonexistent' }),
    ).rejects.toThrow(/MEILI_MASTER_KEY/);
  });

  it('finds the bundled binary and makes it executable', () => {
    const binary = findBundledMeili();
    // Linux x64 here: the optional dependency is installed.
    expect(binary).toMatch(/meilisearch$/);
    expect(() => fs.accessSync(binary as string, fs.constants.X_OK)).not.toThrow();
  });
});
