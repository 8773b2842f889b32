import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SITE_RULES } from '@dejala/search/schemas/site-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeiliServer } from '@dejala/search/meili-server';
import {
  postgresCluster,
  testDatabases,
  type DatabaseKind,
} from '../../../cms/tests/helpers/databases';
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';
import { readPublishedState } from '../../server/published-state.ts';
import { digestRelease } from '../../server/loaded-release.ts';
import { readReleaseFiles } from '../../server/release-files.ts';
import { eventually } from '../../../cms/tests/helpers/eventually';
import { requestOk } from '../../../cms/tests/helpers/http';
import { PNG_1X1, upload } from '../helpers/cms-fixtures';
import type { CmsStack } from '../helpers/test-stack';
import type { SiteServerProcess } from '../helpers/site-server-process';
import { launchBrowser, textInFrame } from '../helpers/browser';

const CM = '/content-manager/collection-types/api::media-item.media-item';
const SECRET = randomBytes(24).toString('hex');
const PREVIEW_SECRET = randomBytes(24).toString('hex');

let cms: CmsStack;
let meili: MeiliServer;
let site: SiteServerProcess;
let adminToken: string;
let stopAll: () => Promise<void>;
/** Starts the site server again on the same folder and port (the CMS's webhook calls it). */
let startSite: () => Promise<void>;

const cmsCall = (method: string, urlPath: string, token: string, body?: unknown) =>
  requestOk(cms.url, urlPath, { method, token, body });

/** What Strapi's webhook sends after a publish; without an entry named, a full render. */
const hook = (
  secret: string | null = SECRET,
  payload: object = { event: 'entry.publish', uid: 'api::media-item.media-item' },
) =>
  fetch(`${site.url}/_hooks/rebuild`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : { authorization: `Bearer ${secret}` }),
    },
    body: JSON.stringify(payload),
  });
/** What the restore command sends once the database is back: a full render. */
const restored = () =>
  fetch(`${site.url}/_hooks/rebuild`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
    body: JSON.stringify({ event: 'backup.restore' }),
  });
const status = async () =>
  (
    await fetch(`${site.url}/_hooks/status`, { headers: { authorization: `Bearer ${SECRET}` } })
  ).json();

async function settled(): Promise<any> {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const current = await status();
    if (current.state === 'idle') {
      buildsSeen = current.buildsSinceStart;
      return current;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`builds did not settle:\n${site.log()}`);
}

let buildsSeen = 0;
/** Waits for the build the CMS webhook asked for (one more than last time), then for quiet. */
async function eventuallyBuilt(): Promise<any> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if ((await status()).buildsSinceStart > buildsSeen) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const done = await settled();
  buildsSeen = done.buildsSinceStart;
  return done;
}

/** Waits for builds until the last one's record satisfies `done` (the webhook may call several times). */
async function builtUntil(done: (record: any) => boolean): Promise<any> {
  let current = await eventuallyBuilt();
  for (let more = 0; !done(current.lastBuild) && more < 4; more += 1)
    current = await eventuallyBuilt();
  return current;
}

/** Publishes a new médiathèque item as an editor does: a draft, then the publish action. */
async function publishItem(slug: string, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await cmsCall('POST', CM, adminToken, {
    title: `Élément ${slug}`,
    slug,
    type: 'article',
    summary: 'Publié depuis le test.',
    ...extra,
  });
  const documentId = created.data.documentId as string;
  await cmsCall('POST', `${CM}/${documentId}/actions/publish`, adminToken, {});
  return documentId;
}

/** Digest of every file of the live release: what visitors get. */
function liveDigest(): string {
  return digestRelease(readReleaseFiles(fs.realpathSync(path.join(site.dataDir, 'current'))));
}

/** The whole chain on `database`: a seeded CMS calling a site server, and Meilisearch. */
async function startStack(database: DatabaseKind): Promise<void> {
  buildsSeen = 0;
  const { startSeededCms, startTestMeili, indexPublishedMedia, siteServerEnv } =
    await import('../helpers/test-stack');
  const { startSiteServer } = await import('../helpers/site-server-process');
  const { removeCmsEnv } = await import('../../../cms/tests/helpers/cms-env');
  const { adminLogin } = await import('../../../cms/tests/helpers/http');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-site-server-'));
  // Set before anything starts, so that a failing start-up still stops what did start.
  stopAll = async () => {
    await site?.stop();
    await meili?.stop();
    await cms?.server.stop();
    if (cms) removeCmsEnv(cms.env);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // The CMS calls the site server's webhook itself, as in production.
  const { freePort } = await import('@dejala/search/child-process');
  const sitePort = await freePort();
  cms = await startSeededCms({
    postgres: database === 'postgres' ? postgresCluster() : undefined,
    synthetic: 0,
    cmsVars: {
      SITE_REBUILD_URL: `http://127.0.0.1:${sitePort}/_hooks/rebuild`,
      REBUILD_SECRET: SECRET,
      SITE_URL: `http://127.0.0.1:${sitePort}`,
      PREVIEW_SECRET,
    },
  });
  meili = await startTestMeili(path.join(dir, 'meili'));
  adminToken = await adminLogin(cms.url, cms.env.admin);
  // The médiathèque index, as the CMS's sync would have made it.
  await indexPublishedMedia(cms, meili, path.join(dir, 'document-text'));
  const siteEnv = {
    ...siteServerEnv(cms, meili),
    REBUILD_SECRET: SECRET,
    PREVIEW_SECRET,
    SITE_REBUILD_DEBOUNCE_MS: '500',
    SITE_RECONCILE_INTERVAL_MS: '3600000',
  };
  startSite = async () => {
    site = await startSiteServer(siteEnv, path.join(dir, 'site'), sitePort);
  };
  await startSite();
}

describe.each(testDatabases())(
  'site server on %s: publish → live through the CMS webhook',
  (database) => {
    beforeAll(() => startStack(database));
    afterAll(() => stopAll?.());

    it('builds at start-up when nothing is live, then serves the site', async () => {
      const first = await settled();
      expect(first.lastBuild).toMatchObject({
        ok: true,
        path: 'full',
        reasons: ['start-up: live build outdated'],
      });
      expect(first.liveSince).toEqual(expect.any(String));
      expect(Date.parse(first.liveContentReadAt)).toBeLessThan(Date.parse(first.liveSince));
      const home = await fetch(`${site.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('Dialogue territorial');
    });

    // What adding a public type must not forget: search/src/content-registry.ts lists them.
    it('gives every public type of the registry its pages, sitemap entries, published-state check and preview', async () => {
      await settled();
      const siteRead = { url: cms.url, token: cms.siteToken, publicUrl: cms.url };
      const state = await readPublishedState(siteRead);
      const statePaths = state.pages.map((page) => page.path);
      const sitemap = await (await fetch(`${site.url}/sitemap-0.xml`)).text();
      for (const type of PUBLIC_TYPE_LIST.filter((each) => each.path)) {
        const list = await cmsCall('GET', `/api/${type.endpoint}?fields[0]=slug`, cms.siteToken);
        const [entry] = list.data as Array<{ documentId: string; slug: string }>;
        expect(entry, `a published ${type.name} in the seed`).toBeDefined();
        const pagePath = type.path!(entry!.slug);
        expect((await fetch(`${site.url}${pagePath}`)).status, `${type.name}: ${pagePath}`).toBe(
          200,
        );
        expect(sitemap, `${type.name} in the sitemap`).toContain(`${pagePath}</loc>`);
        expect(statePaths, `${type.name} in the published state`).toContain(pagePath);
        const link = await cmsCall(
          'GET',
          `/content-manager/preview/url/${type.uid}?documentId=${entry!.documentId}&status=published`,
          adminToken,
        );
        const preview = await fetch(link.data.url as string);
        expect(preview.status, `${type.name} preview`).toBe(200);
        expect(await preview.text()).toContain('Aperçu de la version publiée');
      }
      // Every type counts in the fingerprint that tells whether the live build is outdated.
      let fingerprint = state.fingerprint;
      for (const type of PUBLIC_TYPE_LIST.filter((each) => !each.path)) {
        const base =
          type.kind === 'single'
            ? `/content-manager/single-types/${type.uid}`
            : `/content-manager/collection-types/${type.uid}`;
        const target =
          type.kind === 'single'
            ? base
            : `${base}/${(await cmsCall('GET', base, adminToken)).results[0].documentId}`;
        // Saved as it is, then published again: only its update time moves.
        const saved = await cmsCall('PUT', target, adminToken, {});
        // A saved draft has no publication date; types without drafts are published as saved.
        if (saved.data.publishedAt === null)
          await cmsCall('POST', `${target}/actions/publish`, adminToken, {});
        const next = (await readPublishedState(siteRead)).fingerprint;
        expect(next, `${type.name} in the fingerprint`).not.toBe(fingerprint);
        fingerprint = next;
      }
      await settled();
    });

    it('refuses a rebuild without the secret or with a wrong one, and builds nothing', async () => {
      const before = await settled();
      expect((await hook(null)).status).toBe(401);
      expect((await hook('wrong-secret')).status).toBe(401);
      expect((await hook(`${SECRET}x`)).status).toBe(401);
      // A draft saved in the admin sends a webhook too: nothing visible changed, nothing to build.
      const draftSave = await fetch(`${site.url}/_hooks/rebuild`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          event: 'entry.update',
          uid: 'api::offer.offer',
          entry: { publishedAt: null },
        }),
      });
      expect(await draftSave.json()).toMatchObject({ ignored: 'draft saved' });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const after = await status();
      expect(after.state).toBe('idle');
      expect(after.buildsSinceStart).toBe(before.buildsSinceStart);
    });

    it('tells the build status to the CMS only; anyone may see that the server is up', async () => {
      for (const authorization of [undefined, 'Bearer wrong-secret', `Bearer ${SECRET}x`, SECRET]) {
        const refused = await fetch(`${site.url}/_hooks/status`, {
          headers: authorization ? { authorization } : {},
        });
        expect(refused.status, String(authorization)).toBe(401);
        expect(await refused.text()).not.toContain('lastBuild');
      }
      const health = await fetch(`${site.url}/_health`);
      expect(health.status).toBe(204);
      expect(await health.text()).toBe('');
    });

    it('puts a published item live by the fast path, and takes an unpublished one down', async () => {
      const documentId = await publishItem('publie-par-un-editeur');
      const built = await eventuallyBuilt();
      // The status says which path put it live, and how long it took.
      expect(built.lastBuild).toMatchObject({
        ok: true,
        path: 'fast',
        reasons: ['entry.publish api::media-item.media-item'],
        durationMs: expect.any(Number),
      });
      const page = await (await fetch(`${site.url}/mediatheque/publie-par-un-editeur/`)).text();
      expect(page).toContain('<h1>Élément publie-par-un-editeur</h1>');
      // The lists show it too: the médiathèque's first page, the feed, the sitemap.
      expect(await (await fetch(`${site.url}/rss.xml`)).text()).toContain(
        'Élément publie-par-un-editeur',
      );
      expect(await (await fetch(`${site.url}/sitemap-0.xml`)).text()).toContain(
        '/mediatheque/publie-par-un-editeur/</loc>',
      );

      await cmsCall('POST', `${CM}/${documentId}/actions/unpublish`, adminToken, {});
      expect((await eventuallyBuilt()).lastBuild.path).toBe('fast');
      const gone = await fetch(`${site.url}/mediatheque/publie-par-un-editeur/`);
      expect(gone.status).toBe(404);
      expect(await gone.text()).toContain('Page introuvable');
      expect(await (await fetch(`${site.url}/sitemap-0.xml`)).text()).not.toContain(
        '/mediatheque/publie-par-un-editeur/',
      );
    });

    it('coalesces a burst of 30 publishes into a few builds, and the site ends up with all 30', async () => {
      const before = (await settled()).buildsSinceStart;
      // Back to back, as fast as the CMS takes them (~5–6 s here on SQLite and PostgreSQL; up
      // to 13 s on a loaded machine). Publishes arriving during a build wait for it and become
      // one follow-up, so the count is about the burst's length over a build's: 3 here, 4 when
      // loaded, 30 if nothing coalesced (build-queue.test.ts checks the policy exactly).
      const started = Date.now();
      for (let n = 0; n < 30; n += 1) {
        await publishItem(`rafale-${n}`);
      }
      const burst = `${Date.now() - started} ms of publishing`;
      const after = await settled();
      expect(after.buildsSinceStart - before, burst).toBeLessThanOrEqual(6);
      expect(after.lastBuild.ok).toBe(true);
      for (let n = 0; n < 30; n += 1) {
        expect((await fetch(`${site.url}/mediatheque/rafale-${n}/`)).status, `rafale-${n}`).toBe(
          200,
        );
      }
      // Pages rendered on demand still answer after several releases (their handler is kept).
      const results = await fetch(`${site.url}/mediatheque/recherche/?q=dialogue`);
      expect(results.status).toBe(200);
      expect(await results.text()).toMatch(/\d+ ressources? pour « dialogue »/);
    });

    it('lists every item of a year on its pages, and a new item re-renders that year’s pages only', async () => {
      for (let n = 0; n < 21; n += 1) await publishItem(`annee-1999-${n}`, { year: 1999 });
      const year = async (suffix: string) => {
        const response = await fetch(`${site.url}/mediatheque/annees/1999/${suffix}`);
        const html = await response.text();
        return {
          status: response.status,
          heading: html.match(/<h1>([^<]*)<\/h1>/)?.[1],
          items: [...html.matchAll(/href="\/mediatheque\/(annee-1999-[a-z0-9]+)\/"/g)].map(
            (m) => m[1],
          ),
        };
      };
      // Each publication goes live on its own webhook: the last one is there once all are.
      await eventually(async () => expect((await year('page/2/')).items).toHaveLength(1), 60_000);
      const [first, second] = [await year(''), await year('page/2/')];
      expect(first).toMatchObject({ status: 200, heading: 'Médiathèque — 1999, page 1 sur 2' });
      expect(second).toMatchObject({ status: 200, heading: 'Médiathèque — 1999, page 2 sur 2' });
      expect(new Set([...first.items, ...second.items]).size).toBe(21);
      expect((await year('page/3/')).status).toBe(404);
      expect((await year('page/1/')).status).toBe(404);
      const index = await (await fetch(`${site.url}/mediatheque/`)).text();
      expect(index).toContain('href="/mediatheque/annees/1999/">1999 (21)</a>');

      // One more in 1999: its page, its year's pages, the search page, the feed and the
      // sitemap are rendered again (5 addresses here) — not the pages of the other years.
      await settled();
      const logged = site.log().length;
      await publishItem('annee-1999-encore', { year: 1999 });
      await eventually(async () => expect((await year('page/2/')).items).toHaveLength(2), 30_000);
      await settled();
      const rendered = [
        ...site
          .log()
          .slice(logged)
          .matchAll(/fast path \((\d+) addresses rendered/g),
      ].map((match) => Number(match[1]));
      expect(rendered.length).toBeGreaterThan(0);
      expect(Math.max(...rendered)).toBeLessThanOrEqual(8);
    });

    it('ends with the second of two publications of one entry 50 ms apart', async () => {
      const documentId = await publishItem('deux-publications-rapprochees');
      await eventuallyBuilt();
      for (const title of ['Première version', 'Seconde version']) {
        await cmsCall('PUT', `${CM}/${documentId}`, adminToken, { title });
        await cmsCall('POST', `${CM}/${documentId}/actions/publish`, adminToken, {});
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await eventuallyBuilt();
      const page = await (
        await fetch(`${site.url}/mediatheque/deux-publications-rapprochees/`)
      ).text();
      expect(page).toContain('Seconde version');
      expect(page).not.toContain('Première version');
    });

    it('leaves the old release or the new one live when it crashes mid-publication, never a mix', async () => {
      // Killed at different moments of a fast path (debounce 500 ms, then reading, rendering,
      // switching): what is live on disk is then exactly the site before, or exactly the site
      // after — the one a full render gives at the next start.
      for (const [n, delay] of [550, 650, 800].entries()) {
        await settled();
        const before = liveDigest();
        await publishItem(`publication-interrompue-${n}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        await site.crash();
        const atCrash = liveDigest();
        await startSite();
        buildsSeen = 0;
        expect((await eventuallyBuilt()).lastBuild.path).toBe('full');
        expect([before, liveDigest()], `killed ${delay} ms after the publication`).toContain(
          atCrash,
        );
      }
    });

    it('puts a colleague’s publication live while an entry the site cannot render keeps its last good page, and names it', async () => {
      const articles = '/mediatheque/article-a-casser/';
      const broken = await publishItem('article-a-casser', { title: 'Version en ligne' });
      expect((await eventuallyBuilt()).lastBuild.ok).toBe(true);
      // The CMS refuses a new version whose image has no text alternative…
      const image = await upload(cms.url, cms.fullToken, 'sans-alt.png', 'image/png', PNG_1X1);
      const imageWithoutAlt = [{ type: 'image', image, children: [{ type: 'text', text: '' }] }];
      await cmsCall('PUT', `${CM}/${broken}`, adminToken, {
        title: 'Version cassée',
        body: imageWithoutAlt,
      });
      await expect(
        cmsCall('POST', `${CM}/${broken}/actions/publish`, adminToken, {}),
      ).rejects.toThrow(/: 400 /);
      // …but one can still slip in (a restore, an import, a rule newer than the entry); the
      // restore asks for a full render, which reads every entry.
      const { writePublishedRow } = await import('../../../cms/tests/helpers/direct-write');
      await writePublishedRow(cms.env, 'media_items', broken, {
        title: 'Version cassée',
        body: imageWithoutAlt,
      });
      await restored();
      const colleague = await publishItem('publication-d-un-collegue');
      const built = await builtUntil((record) => record.exceptions?.length === 1);
      expect(built.lastBuild.ok).toBe(true);
      expect(built.lastBuild.exceptions).toEqual([
        {
          type: 'media-item',
          documentId: broken,
          field: 'body.0.image.alternativeText',
          problem: SITE_RULES.imageAlternative.operators,
          advice: SITE_RULES.imageAlternative.editors,
        },
      ]);
      expect((await fetch(`${site.url}/mediatheque/publication-d-un-collegue/`)).status).toBe(200);
      const kept = await fetch(`${site.url}${articles}`);
      expect(kept.status).toBe(200);
      expect(await kept.text()).toContain('Version en ligne');

      // Fixed by its editor: the new version goes live and the exception is gone.
      await cmsCall('PUT', `${CM}/${broken}`, adminToken, { title: 'Version corrigée', body: [] });
      await cmsCall('POST', `${CM}/${broken}/actions/publish`, adminToken, {});
      await cmsCall('DELETE', `${CM}/${colleague}`, adminToken);
      const fixed = await builtUntil((record) => !record.exceptions);
      expect(fixed.lastBuild.ok).toBe(true);
      expect(await (await fetch(`${site.url}${articles}`)).text()).toContain('Version corrigée');
      await cmsCall('DELETE', `${CM}/${broken}`, adminToken);
      await eventuallyBuilt();
    });

    it('refuses on the fast path what a full render refuses, with the same words, and keeps the live page', async () => {
      await settled();
      const documentId = await publishItem('rendu-rapide-refuse', { title: 'Version en ligne' });
      expect((await eventuallyBuilt()).lastBuild.path).toBe('fast');
      const image = await upload(cms.url, cms.fullToken, 'sans-alt-2.png', 'image/png', PNG_1X1);
      const { writePublishedRow } = await import('../../../cms/tests/helpers/direct-write');
      await writePublishedRow(cms.env, 'media_items', documentId, {
        title: 'Version cassée',
        body: [{ type: 'image', image, children: [{ type: 'text', text: '' }] }],
      });
      // A webhook naming the entry, as for any publication: the fast path reads it.
      await fetch(`${site.url}/_hooks/rebuild`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          event: 'entry.update',
          uid: 'api::media-item.media-item',
          entry: { documentId, publishedAt: new Date().toISOString() },
        }),
      });
      const built = await builtUntil((record) => Boolean(record.exceptions));
      expect(built.lastBuild, JSON.stringify(built.lastBuild.reasons)).toMatchObject({
        ok: true,
        path: 'fast',
        exceptions: [
          {
            type: 'media-item',
            documentId,
            field: 'body.0.image.alternativeText',
            problem: SITE_RULES.imageAlternative.operators,
            advice: SITE_RULES.imageAlternative.editors,
          },
        ],
      });
      expect(await (await fetch(`${site.url}/mediatheque/rendu-rapide-refuse/`)).text()).toContain(
        'Version en ligne',
      );
      await cmsCall('DELETE', `${CM}/${documentId}`, adminToken);
      expect((await builtUntil((record) => !record.exceptions)).lastBuild.path).toBe('fast');
    });

    it('leaves out a free page on an address the site uses itself, and names it', async () => {
      await settled();
      const PAGES = '/content-manager/collection-types/api::page.page';
      const created = await cmsCall('POST', PAGES, adminToken, {
        title: 'Nos offres en double',
        slug: 'offres-en-double',
        summary: 'Une page libre qui prendrait l’adresse de la liste des offres.',
      });
      const page = created.data.documentId as string;
      await cmsCall('POST', `${PAGES}/${page}/actions/publish`, adminToken, {});
      expect((await eventuallyBuilt()).lastBuild.ok).toBe(true);
      expect((await fetch(`${site.url}/offres-en-double/`)).status).toBe(200);
      // The CMS refuses the site's own address as a slug…
      await cmsCall('PUT', `${PAGES}/${page}`, adminToken, { slug: 'offres' });
      await expect(
        cmsCall('POST', `${PAGES}/${page}/actions/publish`, adminToken, {}),
      ).rejects.toThrow(/: 400 /);
      // …one written before the rule existed is left out of the site, which keeps its own page.
      const { writePublishedRow } = await import('../../../cms/tests/helpers/direct-write');
      await writePublishedRow(cms.env, 'pages', page, { slug: 'offres' });
      await restored();
      const colleague = await publishItem('publication-pendant-l-exception');
      const built = await builtUntil((record) => Boolean(record.exceptions));
      expect(built.lastBuild.ok).toBe(true);
      expect(built.lastBuild.exceptions).toEqual([
        {
          type: 'page',
          documentId: page,
          field: 'slug',
          problem: SITE_RULES.reservedSlug.operators,
          advice: SITE_RULES.reservedSlug.editors,
        },
      ]);
      expect(await (await fetch(`${site.url}/offres/`)).text()).toContain('<h1>Nos offres</h1>');
      expect((await fetch(`${site.url}/offres-en-double/`)).status).toBe(200);
      await cmsCall('DELETE', `${PAGES}/${page}`, adminToken);
      await cmsCall('DELETE', `${CM}/${colleague}`, adminToken);
      expect((await builtUntil((record) => !record.exceptions)).lastBuild.ok).toBe(true);
      expect((await fetch(`${site.url}/offres-en-double/`)).status).toBe(404);
    });

    it('shows a draft through the CMS preview link, to nobody without it', async () => {
      const draft = await cmsCall('POST', CM, adminToken, {
        title: 'Brouillon à relire',
        slug: 'brouillon-a-relire',
        type: 'article',
        summary: 'Pas encore publié : visible en aperçu seulement.',
      });
      const documentId = draft.data.documentId as string;
      const link = await cmsCall(
        'GET',
        `/content-manager/preview/url/api::media-item.media-item?documentId=${documentId}&status=draft`,
        adminToken,
      );
      const url = new URL(link.data.url as string);
      expect(url.origin).toBe(site.url);
      expect(url.href).not.toContain(PREVIEW_SECRET);
      const shown = await fetch(url);
      expect(shown.status).toBe(200);
      expect(shown.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(shown.headers.get('cache-control')).toBe('no-store');
      const html = await shown.text();
      expect(html).toContain('Brouillon à relire');
      expect(html).toContain('Aperçu du brouillon');
      expect(html).toContain('<meta name="robots" content="noindex">');
      // Strapi's preview panel frames it: the admin's origin may, nobody else.
      expect(shown.headers.get('content-security-policy')).toBe(
        `frame-ancestors 'self' ${new URL(cms.url).origin}`,
      );
      expect(shown.headers.get('x-frame-options')).toBeNull();
      expect(shown.headers.get('referrer-policy')).toBe('no-referrer');
      const browser = await launchBrowser(site.url, {
        alsoAllowed: [cms.url],
        allowLocalNetworkFromPublicPages: true,
      });
      try {
        const framedBy = (origin: string, target: string) =>
          textInFrame(browser.context, origin, target);
        expect(await framedBy(cms.url, url.href)).toContain('Brouillon à relire');
        expect(await framedBy('http://127.0.0.2:8', url.href)).not.toContain('Brouillon');
        // The public pages may be framed by nobody, the admin included.
        expect(await framedBy(cms.url, `${site.url}/offres/`)).not.toContain('Nos offres');
      } finally {
        await browser.close();
      }

      const refused = async (target: string) => (await fetch(target)).status;
      const withoutToken = new URL(url);
      withoutToken.searchParams.delete('token');
      expect(await refused(withoutToken.href)).toBe(401);
      const forged = new URL(url);
      forged.searchParams.set(
        'token',
        `${url.searchParams.get('token')!.split('.')[0]}.${'0'.repeat(64)}`,
      );
      expect(await refused(forged.href)).toBe(401);
      const otherEntry = new URL(url.href.replace(documentId, 'autre-document'));
      expect(await refused(otherEntry.href)).toBe(401);
      // The token is for the draft: it does not open a published version, and the draft is not public.
      const published = new URL(url);
      published.searchParams.set('status', 'published');
      expect(await refused(published.href)).toBe(401);
      expect((await fetch(`${site.url}/mediatheque/brouillon-a-relire/`)).status).toBe(404);
    });

    it('keeps the live site when the CMS cannot be read, on either path', async () => {
      await settled();
      const live = liveDigest();
      const [item] = (await cmsCall('GET', '/api/media-items?fields[0]=slug', cms.siteToken))
        .data as Array<{ documentId: string }>;
      await cms.server.stop();
      try {
        const fastPath = {
          event: 'entry.publish',
          uid: 'api::media-item.media-item',
          entry: { documentId: item!.documentId, publishedAt: new Date().toISOString() },
        };
        for (const payload of [undefined, fastPath]) {
          await hook(SECRET, payload);
          const failed = await eventuallyBuilt();
          expect(failed.lastBuild.ok).toBe(false);
          expect(failed.lastBuild.error).toMatch(/fetch failed|ECONNREFUSED|CMS unreachable/);
          expect(liveDigest()).toBe(live);
          expect((await fetch(`${site.url}/offres/`)).status).toBe(200);
        }
      } finally {
        const { startCmsServer } = await import('../../../cms/tests/helpers/cms-process');
        cms.server = await startCmsServer(cms.env, Number(new URL(cms.url).port));
      }
    });

    it('forwards only médiathèque searches to Meilisearch', async () => {
      expect((await fetch(`${site.url}/_search?q=dialogue`)).status).toBe(200);
      expect((await fetch(`${site.url}/_search?index=users`)).status).toBe(400);
      expect((await fetch(`${site.url}/_search?q=x`, { method: 'POST' })).status).toBe(405);
      expect((await fetch(`${site.url}/_search/../indexes/media/documents`)).status).toBe(404);
    });
  },
);
