import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { CMS_DIR } from '../helpers/cms-process';

const TSX_BIN = createRequire(path.join(CMS_DIR, 'package.json')).resolve('tsx/cli');

// The media library's import from an address reaches the upload service without a form; it
// cannot be driven over HTTP here (Strapi refuses to fetch loopback addresses), so the
// service is called as that import calls it, in a real Strapi.
describe('the upload service', () => {
  let env: CmsEnv;

  beforeAll(async () => {
    env = await createCmsEnv('sqlite');
  });
  afterAll(() => removeCmsEnv(env));

  it('refuses an SVG named as a picture, in French, and stores nothing', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [TSX_BIN, 'tests/helpers/upload-service-refusal.ts'],
      { cwd: CMS_DIR, env: { ...process.env, ...env.vars } },
    );
    const { refusal, stored } = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(refusal).toMatch(/^Le fichier « dessin\.png » est refusé : c’est une image SVG/);
    expect(stored).toBe(0);
  }, 120_000);
});
