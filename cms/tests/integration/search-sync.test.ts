import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '@dejala/search/meili-client';
import { startBundledMeili, type MeiliServer } from '@dejala/search/meili-server';
import { FIXTURE_PDFS, fixturePdf } from '../../../search/tests/fixtures/fixture-pdfs';
import { createRandom } from '../../seed/random';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { startCmsServer, type CmsServer } from '../helpers/cms-process';
import { postgresCluster, testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/eventually';
import { adminLogin, createFullAccessToken, request } from '../helpers/http';

const CM = '/content-manager/collection-types/api::media-item.media-item';
const SEARCH_CLI = fileURLToPath(new URL('../../../search/dist/cli.js', import.meta.url));

describe.each(testDatabases())('médiathèque search sync on %s', (database) => {
  let meili: MeiliServer;
  let meiliDir: string;
  let meiliPort: number;
  let env: CmsEnv;
  let cms: CmsServer;
  let writer: string;
  let admin: string;
  let client: Meilisearch;

  const index = () => client.index('media');
  /** documentId → title of every item in the index (not the passages of their files). */
  const indexed = async (): Promise<Map<string, string>> => {
    const { results } = await index().getDocuments({
      limit: 10_000,
      fields: ['id', 'title'],
      filter: 'kind = "item"',
    });
    return new Map(results.map((document) => [String(document.id), String(document.title)]));
  };
  /** documentId → title of every published media item, read from the public API. */
  const published = async (): Promise<Map<string, string>> => {
    const items = new Map<string, string>();
    for (let page = 1; ; page += 1) {
      const response = await request(
        cms.url,
        // A stable order: PostgreSQL pages without ORDER BY can repeat or skip rows.
        `/api/media-items?sort=id:asc&pagination[page]=${page}&pagination[pageSize]=100`,
      );
      for (const item of response.body.data) items.set(item.documentId, item.title);
      if (page >= response.body.meta.pagination.pageCount) return items;
    }
  };
  const expectIndexToMatchPublished = (timeoutMs = 20_000) =>
    eventually(async () => expect(await indexed()).toEqual(await published()), timeoutMs);

  const publish = async (data: Record<string, unknown>) => {
    const response = await request(cms.url, '/api/media-items', {
      method: 'POST',
      token: writer,
      body: { data: { type: 'article', summary: 'Résumé.', ...data } },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.data.documentId as string;
  };

  beforeAll(async () => {
    meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-meili-'));
    meili = await startBundledMeili({ dataDir: meiliDir });
    meiliPort = Number(new URL(meili.url).port);
    client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
    env = await createCmsEnv(database, database === 'postgres' ? postgresCluster() : undefined);
    Object.assign(env.vars, { MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
    cms = await startCmsServer(env);
    admin = await adminLogin(cms.url, env.admin);
    writer = await createFullAccessToken(cms.url, admin);
  });

  afterAll(async () => {
    await cms?.stop();
    await meili?.stop();
    removeCmsEnv(env);
    fs.rmSync(meiliDir, { recursive: true, force: true });
  });

  it('makes a published item searchable, with its themes', async () => {
    const theme = await request(cms.url, '/api/themes', {
      method: 'POST',
      token: writer,
      body: { data: { name: 'Eau', slug: 'eau' } },
    });
    const id = await publish({
      title: 'Partager l’eau du bassin',
      slug: 'partager-l-eau',
      themes: [theme.body.data.documentId],
    });
    const hit = await eventually(async () => {
      const [first] = (await index().search('bassin')).hits;
      expect(first?.id).toBe(id);
      return first;
    });
    expect(hit?.themes).toEqual(['Eau']);
    expect(hit?.url).toBe('/mediatheque/partager-l-eau/');
  });

  it('keeps drafts and draft edits out of the index until they are published', async () => {
    const draft = await request(cms.url, '/api/media-items?status=draft', {
      method: 'POST',
      token: writer,
      body: {
        data: {
          title: 'Brouillon confidentiel',
          slug: 'brouillon-confidentiel',
          type: 'article',
          summary: 'Secret.',
        },
      },
    });
    const liveId = await publish({ title: 'Version publiée', slug: 'version-publiee' });
    await request(cms.url, `/api/media-items/${liveId}?status=draft`, {
      method: 'PUT',
      token: writer,
      body: { data: { title: 'Version en relecture' } },
    });
    // A later publish has been indexed: everything committed before it has been drained.
    const marker = await publish({ title: 'Repère de synchronisation', slug: 'repere' });
    await eventually(async () => expect((await indexed()).has(marker)).toBe(true));
    const documents = await indexed();
    expect(documents.has(draft.body.data.documentId)).toBe(false);
    expect(documents.get(liveId)).toBe('Version publiée');

    await request(cms.url, `${CM}/${liveId}/actions/publish`, {
      method: 'POST',
      token: admin,
      body: {},
    });
    await eventually(async () =>
      expect((await indexed()).get(liveId)).toBe('Version en relecture'),
    );
  });

  it('removes unpublished and deleted items', async () => {
    const unpublished = await publish({ title: 'À retirer', slug: 'a-retirer' });
    const deleted = await publish({ title: 'À supprimer', slug: 'a-supprimer' });
    await eventually(async () => expect((await indexed()).has(deleted)).toBe(true));
    expect(
      (
        await request(cms.url, `${CM}/${unpublished}/actions/unpublish`, {
          method: 'POST',
          token: admin,
          body: {},
        })
      ).status,
    ).toBe(200);
    expect(
      (await request(cms.url, `/api/media-items/${deleted}`, { method: 'DELETE', token: writer }))
        .status,
    ).toBe(204);
    await eventually(async () => {
      const documents = await indexed();
      expect(documents.has(unpublished)).toBe(false);
      expect(documents.has(deleted)).toBe(false);
    });
  });

  it('re-indexes the items of a renamed theme', async () => {
    const theme = await request(cms.url, '/api/themes', {
      method: 'POST',
      token: writer,
      body: { data: { name: 'Forêt', slug: 'foret' } },
    });
    const themeId = theme.body.data.documentId;
    const id = await publish({
      title: 'Usages de la garrigue',
      slug: 'garrigue',
      themes: [themeId],
    });
    await eventually(async () => expect((await index().getDocument(id)).themes).toEqual(['Forêt']));
    await request(cms.url, `/api/themes/${themeId}`, {
      method: 'PUT',
      token: writer,
      body: { data: { name: 'Forêts méditerranéennes' } },
    });
    await eventually(
      async () =>
        expect((await index().getDocument(id)).themes).toEqual(['Forêts méditerranéennes']),
      30_000,
    );
  });

  it('never fails a publish while Meilisearch is down, and catches up after', async () => {
    await meili.stop();
    const ids: string[] = [];
    for (let n = 1; n <= 10; n += 1) {
      const startedAt = performance.now();
      ids.push(await publish({ title: `Publié pendant la panne ${n}`, slug: `panne-${n}` }));
      // Publishing does not wait on the unreachable server.
      expect(performance.now() - startedAt).toBeLessThan(5_000);
    }
    meili = await startBundledMeili({
      dataDir: meiliDir,
      port: meiliPort,
      masterKey: meili.masterKey,
    });
    await expectIndexToMatchPublished(90_000);
  });

  it('reports drift with `reindex --check` and repairs it with `reindex`', async () => {
    await expectIndexToMatchPublished();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [SEARCH_CLI, ...args], {
        encoding: 'utf8',
        env: {
          ...process.env,
          CMS_URL: cms.url,
          SITE_API_TOKEN: env.siteToken,
          MEILI_URL: meili.url,
          MEILI_MASTER_KEY: meili.masterKey,
        },
      });
    const [victim] = [...(await published()).keys()];
    await index()
      .deleteDocument(victim as string)
      .waitTask();

    const check = cli('reindex', '--check');
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`missing: 1 — ${victim}`);
    const rebuild = cli('reindex');
    expect(rebuild.status, rebuild.stderr).toBe(0);
    expect(rebuild.stderr).toMatch(/\d+ items \(\d+ search documents\) swapped into "media"/);
    await expectIndexToMatchPublished(5_000);
    expect(cli('reindex', '--check').status).toBe(0);
  });

  /** Every item's passages come from its current file, all of its pages and no other file's. */
  const expectPassagesToMatchFiles = async (pagesOf: Map<string, number>) => {
    const files = new Map<string, string | null>();
    for (let page = 1; ; page += 1) {
      const response = await request(
        cms.url,
        `/api/media-items?sort=id:asc&populate[file][fields][0]=url&pagination[page]=${page}&pagination[pageSize]=100`,
      );
      for (const item of response.body.data) files.set(item.documentId, item.file?.url ?? null);
      if (page >= response.body.meta.pagination.pageCount) break;
    }
    const { results } = await index().getDocuments({
      limit: 10_000,
      fields: ['itemId', 'fileUrl'],
      filter: 'kind != "item"',
    });
    const passages = new Map<string, string[]>();
    for (const passage of results) {
      const itemId = String(passage.itemId);
      passages.set(itemId, [...(passages.get(itemId) ?? []), String(passage.fileUrl)]);
    }
    for (const [documentId, url] of files) {
      const expected = url ? Array<string>(pagesOf.get(url) ?? 0).fill(url) : [];
      expect(passages.get(documentId) ?? [], documentId).toEqual(expected);
      passages.delete(documentId);
    }
    expect([...passages.keys()]).toEqual([]);
    return results.length;
  };

  it('converges after 200 random operations, file replacements included', async () => {
    const random = createRandom(2026);
    const known: string[] = [];
    // The committed fixture PDFs, uploaded once: operations attach, swap and remove them.
    const pagesOf = new Map<string, number>();
    const uploads: number[] = [];
    for (const fixture of FIXTURE_PDFS) {
      const form = new FormData();
      form.append(
        'files',
        await fs.openAsBlob(fixturePdf(fixture.name), { type: 'application/pdf' }),
        `${fixture.name}.pdf`,
      );
      const response = await fetch(`${cms.url}/api/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer}` },
        body: form,
      });
      const [file] = (await response.json()) as Array<{ id: number; url: string }>;
      uploads.push(file!.id);
      pagesOf.set(file!.url, fixture.pages);
    }
    for (let step = 0; step < 200; step += 1) {
      const roll = random.next();
      const target = known.length > 0 ? random.pick(known) : undefined;
      if (!target || roll < 0.3) {
        const asDraft = random.next() < 0.3;
        const response = await request(
          cms.url,
          `/api/media-items${asDraft ? '?status=draft' : ''}`,
          {
            method: 'POST',
            token: writer,
            body: {
              data: { title: `Ressource ${step}`, type: 'article', summary: `Étape ${step}.` },
            },
          },
        );
        expect(response.status).toBe(201);
        known.push(response.body.data.documentId);
      } else if (roll < 0.5) {
        const asDraft = random.next() < 0.5;
        // Half the edits attach, replace or remove the item's file.
        const data =
          random.next() < 0.5
            ? { file: random.pick([...uploads, null]) }
            : { title: `Ressource modifiée ${step}` };
        await request(cms.url, `/api/media-items/${target}${asDraft ? '?status=draft' : ''}`, {
          method: 'PUT',
          token: writer,
          body: { data },
        });
      } else if (roll < 0.65) {
        await request(cms.url, `${CM}/${target}/actions/publish`, {
          method: 'POST',
          token: admin,
          body: {},
        });
      } else if (roll < 0.8) {
        await request(cms.url, `${CM}/${target}/actions/unpublish`, {
          method: 'POST',
          token: admin,
          body: {},
        });
      } else if (roll < 0.9) {
        await request(cms.url, `${CM}/${target}/actions/discard`, {
          method: 'POST',
          token: admin,
          body: {},
        });
      } else {
        await request(cms.url, `/api/media-items/${target}`, { method: 'DELETE', token: writer });
        known.splice(known.indexOf(target), 1);
      }
    }
    await expectIndexToMatchPublished(120_000);
    const passages = await eventually(() => expectPassagesToMatchFiles(pagesOf), 120_000, 500);
    // The operations did leave published items with files.
    expect(passages).toBeGreaterThan(0);
    expect((await published()).size).toBeGreaterThan(10);
  }, 240_000);
});
