import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STRAPI_BIN } from '../../../scripts/cms-commands.ts';
import { launchBrowser, type TestBrowser } from '../../../site/tests/helpers/browser';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { CMS_DIR, runSeed, startCmsServer, type CmsServer } from '../helpers/cms-process';
import { createEditor, type EditorAccount } from '../helpers/editor-account';
import { englishOnScreen, strapiEnglish } from '../helpers/english-on-screen';
import { adminLogin, request } from '../helpers/http';

interface ContentType {
  uid: string;
  kind: 'collectionType' | 'singleType';
  isDisplayed: boolean;
  info: { displayName: string };
}

// A picture as editors upload them (the CMS's own icon).
const PICTURE = fs.readFileSync(path.join(CMS_DIR, 'favicon.png'));

// The admin as an Éditeur sees it, built as production builds it, on the real content:
// each screen of her day must show none of Strapi's English.
describe('the admin in French, walked through as an Éditeur', () => {
  let env: CmsEnv;
  let server: CmsServer;
  let browser: TestBrowser;
  let page: Page;
  let editor: EditorAccount;
  const english = strapiEnglish();

  beforeAll(async () => {
    // Its output is kept for the error when it fails.
    execFileSync(process.execPath, [STRAPI_BIN, 'build'], {
      cwd: CMS_DIR,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    env = await createCmsEnv('sqlite');
    env.vars.SERVE_ADMIN_PANEL = 'true';
    await runSeed(env);
    server = await startCmsServer(env);
    editor = await createEditor(server.url, await adminLogin(server.url, env.admin));
    browser = await launchBrowser(server.url);
    page = await browser.context.newPage();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (env) removeCmsEnv(env);
  });

  /** Opens an admin address and waits for the screen to settle. */
  async function open(address: string): Promise<void> {
    await page.goto(`${server.url}${address}`);
    await settled();
  }

  async function settled(): Promise<void> {
    await page.waitForLoadState('networkidle');
    // Lists and side panels fill in after their requests; notifications fade in.
    await page.waitForTimeout(500);
  }

  /** English per screen, for one report of everything a test met. */
  let englishSeen: Record<string, string[]> = {};
  beforeEach(() => {
    englishSeen = {};
  });
  async function check(screen: string): Promise<void> {
    const found = await englishOnScreen(page, english);
    if (found.length > 0) englishSeen[screen] = found;
  }

  it('signs in in French', async () => {
    await open('/admin/auth/login');
    await check('sign-in');
    await page.getByLabel('Email').fill(editor.email);
    await page.getByLabel('Mot de passe').fill(editor.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: 'Bonjour Camille' }).waitFor();
    expect(englishSeen).toEqual({});
  });

  it('shows the home page and the profile in French', async () => {
    await open('/admin');
    await page.getByRole('heading', { name: 'Bonjour Camille' }).waitFor();
    await check('home');
    await open('/admin/me');
    await page.getByRole('heading', { name: 'Camille Rédaction' }).waitFor();
    await check('profile');
    expect(englishSeen).toEqual({});
  });

  it('lists, searches, opens and creates every type of content in French', async () => {
    const types = await request(server.url, '/content-manager/content-types', {
      token: editor.token,
    });
    const shown = (types.body.data as ContentType[]).filter((type) => type.isDisplayed);
    expect(shown.length).toBeGreaterThan(5);
    for (const { uid, kind, info } of shown) {
      const name = info.displayName;
      if (kind === 'singleType') {
        await open(`/admin/content-manager/single-types/${uid}`);
        await check(name);
        continue;
      }
      const list = `/admin/content-manager/collection-types/${uid}`;
      await open(list);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await check(`${name}: list and its search`);
      const rows = page.locator('tbody tr');
      if ((await rows.count()) > 0) {
        await rows.first().click();
        await settled();
        await check(`${name}: an entry`);
      }
      await open(`${list}/create`);
      await check(`${name}: new entry`);
    }
    expect(englishSeen).toEqual({});
  });

  it('picks a file and a date for a médiathèque item in French', async () => {
    await open('/admin/content-manager/collection-types/api::media-item.media-item/create');
    await page.getByText('Cliquer pour ajouter un média').first().click();
    await settled();
    await check('media picker');
    await page.keyboard.press('Escape');
    await page.getByLabel('Date de publication').click();
    await settled();
    await check('date picker');
    expect(englishSeen).toEqual({});
  });

  it('uploads a picture to the media library and shows its details in French', async () => {
    await open('/admin/plugins/upload');
    await check('media library');
    await page.getByRole('button', { name: 'Nouveau' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: 'Importer des fichiers' }).click();
    await (
      await chooser
    ).setFiles({ name: 'affiche-atelier.png', mimeType: 'image/png', buffer: PICTURE });
    await page.getByText('Importation réussie !').waitFor();
    await check('upload progress');
    await page.getByText('affiche-atelier.png').first().click();
    await page.getByText('Détails du fichier').waitFor();
    await settled();
    await check('file details');
    expect(englishSeen).toEqual({});
  });

  it('shows the settings an Éditeur may open in French', async () => {
    await open('/admin/settings');
    await check('settings');
    expect(englishSeen).toEqual({});
  });

  it('shows an entry’s preview panel and the preview in French once previews are set up', async () => {
    // What production runs with (docker-compose sets both); the site itself is not needed
    // for the admin's side of the preview.
    Object.assign(env.vars, { SITE_URL: 'http://127.0.0.1:9', PREVIEW_SECRET: 'a'.repeat(32) });
    const port = Number(new URL(server.url).port);
    await server.stop();
    server = await startCmsServer(env, port);
    await open('/admin/content-manager/collection-types/api::offer.offer');
    await page.locator('tbody tr').first().click();
    await page.getByRole('link', { name: 'Ouvrir l’aperçu' }).waitFor();
    await settled();
    await check('entry with its preview panel');
    await page.getByRole('link', { name: 'Ouvrir l’aperçu' }).click();
    await settled();
    await check('preview');
    expect(englishSeen).toEqual({});
  });
});
