import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@dejala/search/child-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../helpers/eventually';
import { adminLogin, request } from '../helpers/http';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** `npm start` (scripts/start.ts) run for real in a throwaway folder: env file, database, index. */
describe('npm start', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  let cmsUrl: string;
  let meiliUrl: string;
  let siteUrl: string;
  let adminToken: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-start-'));
    const [cmsPort, meiliPort, sitePort] = [await freePort(), await freePort(), await freePort()];
    cmsUrl = `http://127.0.0.1:${cmsPort}`;
    meiliUrl = `http://127.0.0.1:${meiliPort}`;
    siteUrl = `http://127.0.0.1:${sitePort}`;
    child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DEJALA_ENV_FILE: path.join(dir, '.env'),
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.join(dir, 'data.db'),
        MEILI_DATA_DIR: path.join(dir, 'meilisearch'),
        MEILI_URL: '',
        MEILI_MASTER_KEY: '',
        CMS_PORT: String(cmsPort),
        MEILI_PORT: String(meiliPort),
        SITE_PORT: String(sitePort),
        SITE_DATA_DIR: path.join(dir, 'site'),
        SITE_URL: '',
        SITE_REBUILD_URL: '',
        REBUILD_SECRET: '',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    await eventually(
      async () => {
        if (child.exitCode !== null)
          throw new Error(`npm start exited early:\n${output.slice(-3000)}`);
        expect((await fetch(`${cmsUrl}/_health`)).status).toBe(204);
        // start.ts prints its summary once it has seen the CMS healthy itself, a moment later.
        expect(output).toContain('Ctrl-C stops everything.');
      },
      240_000,
      500,
    );
  });

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the generated admin password once and keeps it in the env file', async () => {
    const printed = /password: (\S+)/.exec(output)?.[1];
    expect(printed).toBeDefined();
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toContain(`ADMIN_PASSWORD=${printed}`);
    adminToken = await adminLogin(cmsUrl, {
      email: 'admin@deja-la.test',
      password: printed as string,
    });
    expect(adminToken).toMatch(/\./);
    expect(output).toContain(`Site               ${siteUrl}/`);
  });

  it('serves the admin panel and the seeded content, with Meilisearch beside it', async () => {
    const admin = await fetch(`${cmsUrl}/admin`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('<div id="strapi">');
    const offers = await request(cmsUrl, '/api/offers');
    expect(offers.body.data).toHaveLength(5);
    expect((await fetch(`${meiliUrl}/health`)).ok).toBe(true);
  });

  it('protects the bundled Meilisearch with the master key generated into the env file', async () => {
    const masterKey = /^MEILI_MASTER_KEY=(\S+)$/m.exec(
      fs.readFileSync(path.join(dir, '.env'), 'utf8'),
    )?.[1];
    expect(masterKey).toMatch(/^[0-9a-f]{48}$/);
    expect((await fetch(`${meiliUrl}/indexes`)).status).toBe(401);
    const authorised = await fetch(`${meiliUrl}/indexes`, {
      headers: { authorization: `Bearer ${masterKey}` },
    });
    expect(authorised.status).toBe(200);
  });

  it('builds the site, then rebuilds it when an editor publishes', async () => {
    await eventually(
      async () => {
        const secret = /^REBUILD_SECRET=(\S+)$/m.exec(
          fs.readFileSync(path.join(dir, '.env'), 'utf8'),
        )?.[1];
        const status = await (
          await fetch(`${siteUrl}/_hooks/status`, {
            headers: { authorization: `Bearer ${secret}` },
          })
        ).json();
        expect(status).toMatchObject({ state: 'idle', lastBuild: { ok: true } });
      },
      180_000,
      1000,
    );
    expect(await (await fetch(`${siteUrl}/offres/culture-de-dialogue/`)).text()).toContain(
      'Culture de dialogue',
    );
    const offers = '/content-manager/collection-types/api::offer.offer';
    const draft = await request(cmsUrl, offers, {
      method: 'POST',
      token: adminToken,
      body: {
        title: 'Nouvelle offre',
        slug: 'nouvelle-offre',
        summary: 'Publiée pendant le test.',
      },
    });
    await request(cmsUrl, `${offers}/${draft.body.data.documentId}/actions/publish`, {
      method: 'POST',
      token: adminToken,
      body: {},
    });
    await eventually(
      async () => expect((await fetch(`${siteUrl}/offres/nouvelle-offre/`)).status).toBe(200),
      120_000,
      1000,
    );
  });

  it('stops everything it started on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`${cmsUrl}/_health`)).rejects.toThrow();
    await expect(fetch(`${meiliUrl}/health`)).rejects.toThrow();
    await expect(fetch(`${siteUrl}/_hooks/status`)).rejects.toThrow();
  });
});
