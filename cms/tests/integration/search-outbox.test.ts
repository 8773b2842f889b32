import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { CMS_DIR } from '../helpers/cms-process';
import { postgresCluster } from '../helpers/databases';

const TSX_BIN = createRequire(path.join(CMS_DIR, 'package.json')).resolve('tsx/cli');

// SQLite lets one writer in at a time: the change and the sync cannot overlap there.
describe.skipIf(!inject('postgres'))('the search outbox on postgres', () => {
  let env: CmsEnv;

  beforeAll(async () => {
    env = await createCmsEnv('postgres', postgresCluster());
  });
  afterAll(() => removeCmsEnv(env));

  it('keeps a change committed while the sync records the version before it as done', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [TSX_BIN, 'tests/helpers/outbox-done-race.ts'],
      { cwd: CMS_DIR, env: { ...process.env, ...env.vars } },
    );
    const { syncedVersion, versionAfter } = JSON.parse(stdout.trim().split('\n').at(-1)!);
    // The row stays, with the change's version: the next round syncs it.
    expect(versionAfter).toBe(syncedVersion + 1);
  }, 120_000);
});
