import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { runCmsScript } from '../helpers/cms-process';
import { postgresCluster } from '../helpers/databases';

// SQLite lets one writer in at a time: the change and the sync cannot overlap there.
describe.skipIf(!inject('postgres'))('the search outbox on postgres', () => {
  let env: CmsEnv;

  beforeAll(async () => {
    env = await createCmsEnv('postgres', postgresCluster());
  });
  afterAll(() => removeCmsEnv(env));

  it('keeps a change committed while the sync records the version before it as done', async () => {
    const { syncedVersion, versionAfter } = await runCmsScript<{
      syncedVersion: number;
      versionAfter: number;
    }>(env, 'tests/helpers/outbox-done-race.ts');
    // The row stays, with the change's version: the next round syncs it.
    expect(versionAfter).toBe(syncedVersion + 1);
  }, 120_000);
});
