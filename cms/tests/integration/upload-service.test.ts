import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { runCmsScript } from '../helpers/cms-process';

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
    const { refusal, stored } = await runCmsScript<{ refusal: string | null; stored: number }>(
      env,
      'tests/helpers/upload-service-refusal.ts',
    );
    expect(refusal).toMatch(/^Le fichier « dessin\.png » est refusé : c’est une image SVG/);
    expect(stored).toBe(0);
  }, 120_000);
});
