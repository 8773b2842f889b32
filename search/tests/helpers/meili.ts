import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '../../src/meili-client.js';
import { connectOrStartMeili, type MeiliServer } from '../../src/meili-server.js';

export interface TestMeili {
  server: MeiliServer;
  /** A client with the master key. */
  admin: Meilisearch;
  dataDir: string;
}

/**
 * A real Meilisearch for the suite: the bundled binary on a free port with its own data
 * folder, or the server of MEILI_URL when set. Stopped (if started here) after the suite.
 */
export function useMeili(): TestMeili {
  const meili = {} as TestMeili;
  beforeAll(async () => {
    meili.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-meili-'));
    meili.server = await connectOrStartMeili(process.env, { dataDir: meili.dataDir });
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
