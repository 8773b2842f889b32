// Disaster recovery, end to end: a seeded CMS with synthetic items, uploads, drafts and a
// staff account → `npm run backup` → database, uploads and search index wiped → a fresh CMS →
// `npm run restore` → the same REST content, drafts, uploads and search results, staff log
// in with their passwords, and the site server builds from the restored content. On SQLite,
// and on PostgreSQL (production).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@dejala/search/child-process';
import type { MeiliServer } from '@dejala/search/meili-server';
import { startCmsServer } from '../../cms/tests/helpers/cms-process';
import {
  postgresCluster,
  testDatabases,
  type DatabaseKind,
} from '../../cms/tests/helpers/databases';
import {
  adminLogin,
  createApiToken,
  createFullAccessToken,
  request,
} from '../../cms/tests/helpers/http';
import { COLLECTION_ENDPOINTS, SINGLE_ENDPOINTS } from '../../cms/tests/helpers/public-api';
import { REPORT_SLUG } from '../../site/tests/helpers/cms-fixtures';
import type { OpenOptions } from '../../scripts/backup-archive.ts';
import { generateBackupKeyPair, parseSecretKey } from '../../scripts/backup-crypto.ts';
import type { SiteServerProcess } from '../../site/tests/helpers/site-server-process';
import type { CmsStack } from '../../site/tests/helpers/test-stack';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = randomBytes(24).toString('hex');
const SEARCHES = ['concertation', 'eau', 'dialogue territorial', 'médiation rivière', 'zzzz', ''];
// A member of staff with the Éditeur role, invited and registered through the admin.
const STAFF = { email: 'camille@example.org', password: 'Redaction-2026' };

/** Runs a root script (`scripts/<name>.ts`) as `npm run <name>` does; resolves with its output. */
function runScript(name: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', `${name}.ts`), ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** An admin login attempt's status: 200 in, 400 for a wrong password. */
async function loginStatus(cmsUrl: string, credentials: { email: string; password: string }) {
  return (await request(cmsUrl, '/admin/login', { method: 'POST', body: credentials })).status;
}

/** The admin accounts by email, with their role codes. */
async function adminAccounts(cmsUrl: string, adminToken: string) {
  const users = await request(cmsUrl, '/admin/users?pageSize=100', { token: adminToken });
  if (users.status !== 200) throw new Error(`GET /admin/users: ${users.status}`);
  return Object.fromEntries(
    (users.body.data.results as Array<{ email: string; roles: Array<{ code: string }> }>).map(
      (user) => [user.email, user.roles.map((role) => role.code).sort()],
    ),
  );
}

async function getJson(url: string, token?: string): Promise<any> {
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Without database row ids: an import numbers rows afresh. Entries are identified by their
 * documentId, which is kept, and nothing outside the CMS refers to row ids.
 */
function withoutRowIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRowIds);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, field]) => !(key === 'id' && typeof field === 'number'))
      .map(([key, field]) => [key, withoutRowIds(field)]),
  );
}

/** Every entry the public API serves (published), plus every draft, in a stable order. */
async function restSnapshot(cmsUrl: string, siteToken: string, fullToken: string) {
  const snapshot: Record<string, unknown> = {};
  const readAll = async (endpoint: string, token: string, status = 'published') => {
    const entries: unknown[] = [];
    for (let page = 1; ; page += 1) {
      const body = await getJson(
        `${cmsUrl}/api/${endpoint}?populate=*&status=${status}&sort=documentId:asc&pagination[pageSize]=100&pagination[page]=${page}`,
        token,
      );
      entries.push(...(withoutRowIds(body.data) as unknown[]));
      if (page >= body.meta.pagination.pageCount) return entries;
    }
  };
  for (const endpoint of COLLECTION_ENDPOINTS)
    snapshot[endpoint] = await readAll(endpoint, siteToken);
  snapshot['media-items (drafts)'] = await readAll('media-items', fullToken, 'draft');
  for (const endpoint of SINGLE_ENDPOINTS) {
    const body = await getJson(`${cmsUrl}/api/${endpoint}?populate=*`, siteToken);
    snapshot[endpoint] = withoutRowIds(body.data);
  }
  return snapshot;
}

/** What visitors get from the médiathèque search for a fixed set of queries. */
async function searchSnapshot(siteUrl: string) {
  const results: Record<string, unknown> = {};
  for (const q of SEARCHES) {
    const { processingTimeMs: _time, ...result } = await getJson(
      `${siteUrl}/_search?q=${encodeURIComponent(q)}`,
    );
    results[q] = result;
  }
  return results;
}

describe.each(testDatabases())('backup and restore on %s', (database: DatabaseKind) => {
  let cms: CmsStack;
  let meili: MeiliServer;
  let site: SiteServerProcess;
  let dir: string;
  let cmsPort: number;
  let scriptEnv: NodeJS.ProcessEnv;
  let before: { rest: unknown; search: unknown; pdf: Buffer; pdfUrl: string };
  let archive: string;
  let adminToken: string;
  // PostgreSQL backups are encrypted (to a key pair made for the test), SQLite ones not, and
  // PostgreSQL restores remove the access created since the backup: both kinds are covered.
  const keys = database === 'postgres' ? generateBackupKeyPair() : null;
  const removeNewerAccess = database === 'postgres';
  /** The restore's key option: the secret key, in a file of its own, as an operator gives it. */
  let keyArgs: string[] = [];
  const openWithKey = (): OpenOptions => ({
    secretKey: keys ? parseSecretKey(keys.secretKey) : undefined,
    requireAuthenticated: Boolean(keys),
  });

  beforeAll(async () => {
    const { startSeededCms, startTestMeili, indexPublishedMedia, siteServerEnv } =
      await import('../../site/tests/helpers/test-stack');
    const { startSiteServer } = await import('../../site/tests/helpers/site-server-process');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-backup-'));
    cms = await startSeededCms({
      synthetic: 150,
      fixtures: true,
      postgres: database === 'postgres' ? postgresCluster() : undefined,
    });
    cmsPort = Number(new URL(cms.url).port);
    // A draft that was never published, and a published entry with newer draft changes.
    const send = async (method: string, url: string, data: unknown) => {
      const { status } = await editorCall(method, url, data);
      if (status >= 300) throw new Error(`${method} ${url}: ${status}`);
    };
    await send('POST', 'media-items?status=draft', {
      title: 'Brouillon jamais publié',
      slug: 'brouillon-jamais-publie',
      type: 'article',
    });
    const report = (
      await getJson(
        `${cms.url}/api/media-items?filters[slug][$eq]=${REPORT_SLUG}&populate=file`,
        cms.siteToken,
      )
    ).data[0];
    await send('PUT', `media-items/${report.documentId}?status=draft`, {
      summary: 'Résumé modifié, pas encore publié.',
    });

    adminToken = await adminLogin(cms.url, cms.env.admin);
    const roles = await request(cms.url, '/admin/roles', { token: adminToken });
    const editorRole = roles.body.data.find(
      (role: { code: string }) => role.code === 'dejala-editeur',
    );
    const invited = await request(cms.url, '/admin/users', {
      method: 'POST',
      token: adminToken,
      body: { firstname: 'Camille', email: STAFF.email, roles: [editorRole.id] },
    });
    const registered = await request(cms.url, '/admin/register', {
      method: 'POST',
      body: {
        registrationToken: invited.body.data.registrationToken,
        userInfo: { firstname: 'Camille', lastname: 'Rédaction', password: STAFF.password },
      },
    });
    if (registered.status !== 200) throw new Error(`staff registration: ${registered.status}`);

    meili = await startTestMeili(path.join(dir, 'meili'));
    await indexPublishedMedia(cms, meili, path.join(dir, 'document-text'));
    site = await startSiteServer(
      {
        ...siteServerEnv(cms, meili),
        REBUILD_SECRET: SECRET,
        SITE_REBUILD_DEBOUNCE_MS: '200',
        SITE_RECONCILE_INTERVAL_MS: '3600000',
      },
      path.join(dir, 'site'),
      await freePort(),
    );
    scriptEnv = {
      ...process.env,
      ...cms.env.vars,
      CMS_PORT: String(cmsPort),
      CMS_URL: cms.url,
      // Where browsers load uploads from, as the index was first built (indexPublishedMedia).
      CMS_PUBLIC_URL: cms.url,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      SITE_REBUILD_URL: `${site.url}/_hooks/rebuild`,
      REBUILD_SECRET: SECRET,
      BACKUP_DIR: path.join(dir, 'backups'),
      BACKUP_WORK_DIR: path.join(dir, 'work'),
      BACKUP_PUBLIC_KEY: keys?.publicKey ?? '',
      BACKUP_SECRET_KEY: '',
      BACKUP_ENCRYPTION_KEY: '',
      DEJALA_ENV_FILE: path.join(dir, 'no-such.env'),
    };
    if (keys) {
      fs.writeFileSync(path.join(dir, 'backup-secret.key'), `${keys.secretKey}\n`);
      keyArgs = ['--key-file', path.join(dir, 'backup-secret.key')];
    }
    await waitForIdleBuild(1);
    const pdfUrl = `${cms.url}${report.file.url}`;
    before = {
      rest: await restSnapshot(cms.url, cms.siteToken, cms.fullToken),
      search: await searchSnapshot(site.url),
      pdf: Buffer.from(await (await fetch(pdfUrl)).arrayBuffer()),
      pdfUrl,
    };
  });

  afterAll(async () => {
    await site?.stop();
    await meili?.stop();
    await cms?.server.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (cms) fs.rmSync(cms.env.dir, { recursive: true, force: true });
  });

  /** A REST call with the full-access token, as an editor's tool would make it. */
  const editorCall = (method: string, url: string, data?: unknown) =>
    request(cms.url, `/api/${url}`, {
      method,
      token: cms.fullToken,
      body: data === undefined ? undefined : { data },
    });

  /** Waits until the site server has run `builds` builds and is idle; returns its status. */
  async function waitForIdleBuild(builds: number): Promise<any> {
    for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
      const status = await getJson(`${site.url}/_hooks/status`, SECRET);
      if (status.buildsSinceStart >= builds && status.state === 'idle') return status;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`the site server did not finish build ${builds}:\n${site.log()}`);
  }

  it('writes one archive with a manifest that counts the content and uploads', async () => {
    // An old nightly backup, pruned by --keep 1 once the new one is written.
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', 'dejala-20200101-020000Z.tar'), 'old');
    const { code, output } = await runScript('backup', ['--keep', '1'], scriptEnv);
    expect(code, output).toBe(0);
    expect(output).toContain('1 older backup(s) deleted');
    const [name] = fs
      .readdirSync(path.join(dir, 'backups'))
      .filter((file) => file.endsWith('.tar'));
    expect(name).toMatch(/^dejala-\d{8}-\d{6}Z\.tar$/);
    archive = path.join(dir, 'backups', name as string);
    const { unpackBackup } = await import('../../scripts/backup-archive.ts');
    const unpacked = fs.mkdtempSync(path.join(dir, 'unpacked-'));
    const { manifest } = await unpackBackup(archive, unpacked, openWithKey());
    expect(manifest.encrypted).toBe(Boolean(keys));
    expect(manifest.databaseClient).toBe(database);
    const published = (before.rest as Record<string, unknown[]>)['media-items'] as unknown[];
    // Every published item has a draft row and a published row; one more is a draft only.
    expect(manifest.entries['api::media-item.media-item']).toBe(published.length * 2 + 1);
    expect(manifest.uploads.files).toBeGreaterThanOrEqual(3);
    expect(manifest.accounts?.count).toBe(2);
    expect(output).toContain(keys ? 'encrypted' : 'NOT encrypted');
    // Nothing but finished archives in the backups folder; the private work folder is empty.
    expect(fs.readdirSync(path.join(dir, 'backups')).every((file) => file.endsWith('.tar'))).toBe(
      true,
    );
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(path.join(dir, 'work'))).toEqual([]);
    expect(fs.statSync(path.join(dir, 'work')).mode & 0o777).toBe(0o700);
    if (keys) {
      // Nothing of the content or the accounts is readable in an encrypted archive.
      expect(fs.readFileSync(archive).includes('Brouillon jamais publié')).toBe(false);
      expect(fs.readFileSync(archive).includes(STAFF.email)).toBe(false);
    }
  });

  it('refuses a damaged archive, a missing or wrong key, an unauthenticated archive and a missing --yes, and changes nothing', async () => {
    const damaged = path.join(dir, 'damaged.tar');
    const bytes = fs.readFileSync(archive);
    bytes[bytes.length - 2048] ^= 0xff;
    fs.writeFileSync(damaged, bytes);
    // --check tells a usable archive from a damaged one, without --yes.
    const checked = await runScript('restore', [archive, '--check', ...keyArgs], scriptEnv);
    expect(checked.code, checked.output).toBe(0);
    expect(checked.output).toMatch(/can be restored: .*media-item \d+.*admin accounts 2/);
    const checkedDamaged = await runScript('restore', [damaged, '--check', ...keyArgs], scriptEnv);
    expect(checkedDamaged.code).toBe(1);
    expect(checkedDamaged.output).toMatch(/damaged|not a readable tar/);
    const noYes = await runScript('restore', [archive], scriptEnv);
    expect(noYes.code).toBe(1);
    expect(noYes.output).toContain('--yes');
    const bad = await runScript('restore', [damaged, '--yes', ...keyArgs], scriptEnv);
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/damaged|not a readable tar/);
    if (keys) {
      const noKey = await runScript('restore', [archive, '--yes'], scriptEnv);
      expect(noKey.code).toBe(1);
      expect(noKey.output).toContain('give the backup secret key');
      // The secret key in the environment works as well as the file.
      const checkedFromEnv = await runScript('restore', [archive, '--check'], {
        ...scriptEnv,
        BACKUP_SECRET_KEY: keys.secretKey,
      });
      expect(checkedFromEnv.code, checkedFromEnv.output).toBe(0);
      const otherKey = path.join(dir, 'other-secret.key');
      fs.writeFileSync(otherKey, generateBackupKeyPair().secretKey);
      const wrongKey = await runScript(
        'restore',
        [archive, '--yes', '--key-file', otherKey],
        scriptEnv,
      );
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.output).toContain('encrypted for another key');
      // With a key configured, an unencrypted archive (made here without one) is refused
      // unless the operator says so.
      const plainEnv = { ...scriptEnv, BACKUP_PUBLIC_KEY: '', BACKUP_DIR: path.join(dir, 'plain') };
      expect((await runScript('backup', [], plainEnv)).code).toBe(0);
      const [plainName] = fs.readdirSync(path.join(dir, 'plain'));
      const plain = path.join(dir, 'plain', plainName as string);
      const refused = await runScript('restore', [plain, '--yes', ...keyArgs], scriptEnv);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain('--allow-unauthenticated');
      const allowed = await runScript(
        'restore',
        [plain, '--check', '--allow-unauthenticated', ...keyArgs],
        scriptEnv,
      );
      expect(allowed.code, allowed.output).toBe(0);
    }
    expect(await restSnapshot(cms.url, cms.siteToken, cms.fullToken)).toEqual(before.rest);
  });

  it('undoes later edits on a running CMS, keeping them in a before-restore backup', async () => {
    // An editor deletes an item and renames another after the backup was made.
    const published = (before.rest as Record<string, Array<{ documentId: string }>>)['media-items'];
    const [deleted, renamed] = published as [{ documentId: string }, { documentId: string }];
    expect((await editorCall('DELETE', `media-items/${deleted.documentId}`)).status).toBe(204);
    const rename = { title: 'Titre changé après la sauvegarde' };
    expect((await editorCall('PUT', `media-items/${renamed.documentId}`, rename)).status).toBe(200);
    expect(await restSnapshot(cms.url, cms.siteToken, cms.fullToken)).not.toEqual(before.rest);
    // Camille's password is changed, and someone new is invited.
    const staffId = (
      await request(cms.url, '/admin/users?pageSize=100', { token: adminToken })
    ).body.data.results.find((user: { email: string }) => user.email === STAFF.email).id;
    const changed = await request(cms.url, `/admin/users/${staffId}`, {
      method: 'PUT',
      token: adminToken,
      body: { password: 'Changee-apres-2026' },
    });
    expect(changed.status).toBe(200);
    const newcomer = await request(cms.url, '/admin/users', {
      method: 'POST',
      token: adminToken,
      body: {
        firstname: 'Dominique',
        email: 'dominique@example.org',
        roles: [changed.body.data.roles[0].id],
      },
    });
    expect(newcomer.status).toBe(201);

    const builds = (await getJson(`${site.url}/_hooks/status`, SECRET)).buildsSinceStart;
    // A tool's API token, created after the backup (an intruder's, after a compromise).
    await createApiToken(cms.url, adminToken, { name: 'outil-ajoute-apres', type: 'read-only' });
    const restoreArgs = [archive, '--yes', ...keyArgs];
    if (removeNewerAccess) restoreArgs.push('--remove-newer-access');
    const { code, output } = await runScript('restore', restoreArgs, scriptEnv);
    expect(code, output).toBe(0);
    expect(await restSnapshot(cms.url, cms.siteToken, cms.fullToken)).toEqual(before.rest);
    expect(await searchSnapshot(site.url)).toEqual(before.search);
    expect((await waitForIdleBuild(builds + 1)).lastBuild.ok, site.log()).toBe(true);
    // Accounts in the backup are as they were then; accounts and API tokens created since
    // are listed, and kept or removed as the operator chose.
    expect(await loginStatus(cms.url, STAFF)).toBe(200);
    expect(await loginStatus(cms.url, { ...STAFF, password: 'Changee-apres-2026' })).toBe(400);
    const fate = removeNewerAccess ? 'removed' : 'kept';
    expect(output).toContain(`1 created since then ${fate}`);
    expect(output).toContain(`account created since the backup (${fate}): dominique@example.org`);
    expect(output).toContain(`API token "outil-ajoute-apres"`);
    expect(await adminAccounts(cms.url, adminToken)).toEqual({
      [cms.env.admin.email]: ['strapi-super-admin'],
      [STAFF.email]: ['dejala-editeur'],
      ...(removeNewerAccess ? {} : { 'dominique@example.org': ['dejala-editeur'] }),
    });
    const tokenNames = (
      await request(cms.url, '/admin/api-tokens', { token: adminToken })
    ).body.data.map((token: { name: string }) => token.name);
    expect(tokenNames.includes('outil-ajoute-apres')).toBe(!removeNewerAccess);
    // The platform's own tokens and the tests' tool token (older than the backup) stay.
    expect(tokenNames).toEqual(expect.arrayContaining(['site-build', 'site-preview']));

    // What the restore replaced is kept: one published item fewer (its two rows) than before.
    const saved = fs
      .readdirSync(path.join(dir, 'backups'))
      .find((file) => file.endsWith('-before-restore.tar'));
    expect(saved).toBeDefined();
    const { unpackBackup } = await import('../../scripts/backup-archive.ts');
    const { manifest } = await unpackBackup(
      path.join(dir, 'backups', saved as string),
      fs.mkdtempSync(path.join(dir, 'unpacked-')),
      openWithKey(),
    );
    expect(manifest.entries['api::media-item.media-item']).toBe(published.length * 2 - 1);
    fs.rmSync(path.join(dir, 'backups', saved as string));
  });

  it('brings everything back after the database, uploads and index are lost', async () => {
    // The disaster: the CMS stops, its database and uploads are gone, and so is the index.
    await cms.server.stop();
    if (database === 'sqlite') {
      fs.rmSync(cms.env.vars.DATABASE_FILENAME as string);
    } else {
      const cluster = postgresCluster();
      const client = new pg.Client({ ...cluster, database: 'postgres' });
      await client.connect();
      await client.query(`DROP DATABASE ${cms.env.vars.DATABASE_NAME} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${cms.env.vars.DATABASE_NAME}`);
      await client.end();
    }
    const uploads = path.join(cms.env.vars.CMS_PUBLIC_DIR as string, 'uploads');
    fs.rmSync(uploads, { recursive: true });
    fs.mkdirSync(uploads);
    await fetch(`${meili.url}/indexes/media`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${meili.masterKey}` },
    });
    // A fresh CMS on the empty database (its bootstrap makes the admin and site token again).
    cms.server = await startCmsServer(cms.env, cmsPort);
    expect((await getJson(`${cms.url}/api/media-items`, cms.siteToken)).data).toEqual([]);
    expect((await fetch(before.pdfUrl)).status).toBe(404);

    const builds = (await getJson(`${site.url}/_hooks/status`, SECRET)).buildsSinceStart;
    const { code, output } = await runScript('restore', [archive, '--yes', ...keyArgs], scriptEnv);
    expect(code, output).toBe(0);
    expect(output).toContain('site build requested');
    // The state just before the restore (empty) was saved first.
    expect(
      fs
        .readdirSync(path.join(dir, 'backups'))
        .some((file) => file.endsWith('-before-restore.tar')),
    ).toBe(true);

    const freshAdminToken = await adminLogin(cms.url, cms.env.admin);
    const fullToken = await createFullAccessToken(cms.url, freshAdminToken);
    expect(await restSnapshot(cms.url, cms.siteToken, fullToken)).toEqual(before.rest);
    // Staff log in with their own passwords and roles again.
    expect(await loginStatus(cms.url, STAFF)).toBe(200);
    expect(await adminAccounts(cms.url, freshAdminToken)).toEqual({
      [cms.env.admin.email]: ['strapi-super-admin'],
      [STAFF.email]: ['dejala-editeur'],
    });
    expect(output).toContain('1 recreated');
    expect(Buffer.from(await (await fetch(before.pdfUrl)).arrayBuffer())).toEqual(before.pdf);
    expect(await searchSnapshot(site.url)).toEqual(before.search);

    const status = await waitForIdleBuild(builds + 1);
    expect(status.lastBuild.ok, site.log()).toBe(true);
    const page = await fetch(`${site.url}/mediatheque/${REPORT_SLUG}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(new URL(before.pdfUrl).pathname);
  });
});
