import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { createMeiliClient } from '@dejala/search/meili-client';
import { startBundledMeili, type MeiliServer } from '@dejala/search/meili-server';
import { HOSTILE_CASES } from '../../../search/tests/helpers/hostile-pdfs';
import { findSoffice, testReports } from '../../../search/tests/helpers/office-pdfs';
import type { DocumentTextStatus } from '../../src/search-sync/document-text-status';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { startCmsServer, type CmsServer } from '../helpers/cms-process';
import { postgresCluster, testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/eventually';
import { adminLogin, createFullAccessToken, request } from '../helpers/http';

const CM = '/content-manager/collection-types/api::media-item.media-item';

// Without LibreOffice these tests are skipped on a workstation, never in CI (.ci/run installs it).
describe.skipIf(!findSoffice() && !process.env.CI).each(testDatabases())(
  'search in attached documents through the CMS on %s',
  (database) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-cms-documents-'));
    let meili: MeiliServer;
    let meiliDir: string;
    let env: CmsEnv;
    let cms: CmsServer;
    let admin: string;
    let writer: string;
    let client: Meilisearch;
    let pdfs: { seven: string; replacement: string; password: string };

    const index = () => client.index('media');
    const hits = async (q: string) =>
      (await index().search(q, { attributesToRetrieve: ['itemId', 'page'] })).hits;
    const upload = async (file: string, name = path.basename(file)): Promise<number> => {
      const form = new FormData();
      form.append('files', await fs.openAsBlob(file, { type: 'application/pdf' }), name);
      const response = await fetch(`${cms.url}/api/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer}` },
        body: form,
      });
      const body = (await response.json()) as Array<{ id: number }>;
      expect(response.status, JSON.stringify(body)).toBe(201);
      return body[0]!.id;
    };
    const publish = async (title: string, file: number) => {
      const response = await request(cms.url, '/api/media-items', {
        method: 'POST',
        token: writer,
        body: { data: { title, type: 'rapport', summary: 'Synthèse de la concertation.', file } },
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.data.documentId as string;
    };
    const textStatus = async (documentId: string) =>
      (
        await request<DocumentTextStatus>(cms.url, `/dejala/document-text/${documentId}`, {
          token: admin,
        })
      ).body;

    beforeAll(async () => {
      pdfs = await testReports(work);
      meiliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-meili-'));
      meili = await startBundledMeili({ dataDir: meiliDir });
      client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
      env = await createCmsEnv(database, database === 'postgres' ? postgresCluster() : undefined);
      Object.assign(env.vars, {
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        CMS_PUBLIC_URL: 'https://cms.example.org',
      });
      cms = await startCmsServer(env);
      admin = await adminLogin(cms.url, env.admin);
      writer = await createFullAccessToken(cms.url, admin);
    }, 300_000);

    afterAll(async () => {
      await cms?.stop();
      await meili?.stop();
      removeCmsEnv(env);
      fs.rmSync(meiliDir, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    });

    let item: string;

    it('makes a sentence of page 7 of an attached PDF searchable, at page 7', async () => {
      item = await publish('Concertation sur le pastoralisme', await upload(pdfs.seven));
      await eventually(async () => {
        expect(await hits('transhumances du printemps')).toEqual([{ itemId: item, page: 7 }]);
      }, 30_000);
      const hit = (await index().search('transhumances', { attributesToRetrieve: ['fileUrl'] }))
        .hits[0];
      expect(hit?.fileUrl).toMatch(
        /^https:\/\/cms\.example\.org\/uploads\/rapport_12_pages_\w+\.pdf$/,
      );
      expect(await textStatus(item)).toMatchObject({
        state: 'done',
        fileName: 'rapport-12-pages.pdf',
        result: { status: 'indexed', pageCount: 12, indexedPages: 12 },
      });
    });

    it('replaces the old file’s text when the file changes, and unpublishing removes both', async () => {
      const response = await request(cms.url, `/api/media-items/${item}`, {
        method: 'PUT',
        token: writer,
        body: { data: { file: await upload(pdfs.replacement) } },
      });
      expect(response.status).toBe(200);
      await eventually(async () => {
        expect(await hits('garrigue des Matelles')).toEqual([{ itemId: item, page: 2 }]);
        expect(await hits('transhumances du printemps')).toEqual([]);
      }, 30_000);

      const unpublished = await request(cms.url, `${CM}/${item}/actions/unpublish`, {
        method: 'POST',
        token: admin,
        body: {},
      });
      expect(unpublished.status).toBe(200);
      await eventually(async () => {
        const left = await index().getDocuments({ filter: `itemId = "${item}"`, limit: 10 });
        expect(left.total).toBe(0);
      });
    });

    it('reads a podcast’s captions file (SRT): each cue is found at its moment', async () => {
      const srt = path.join(work, 'episode.srt');
      fs.writeFileSync(
        srt,
        '1\n00:00:01,000 --> 00:00:03,000\nBonjour.\n\n2\n00:02:05,400 --> 00:02:09,000\nLes vignerons du Pic Saint-Loup ont pris la parole.\n',
      );
      const form = new FormData();
      form.append(
        'files',
        await fs.openAsBlob(srt, { type: 'application/x-subrip' }),
        'episode.srt',
      );
      const uploaded = await fetch(`${cms.url}/api/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer}` },
        body: form,
      });
      expect(uploaded.status).toBe(201);
      const [captions] = (await uploaded.json()) as Array<{ id: number }>;
      const response = await request(cms.url, '/api/media-items', {
        method: 'POST',
        token: writer,
        body: {
          data: {
            title: 'Épisode des vignerons',
            type: 'podcast',
            summary: 'Un épisode.',
            captions: captions!.id,
          },
        },
      });
      expect(response.status).toBe(201);
      const documentId = response.body.data.documentId as string;
      await eventually(async () => {
        const found = await index().search('vignerons du Pic Saint-Loup', {
          attributesToRetrieve: ['itemId', 'kind', 'start'],
        });
        expect(found.hits).toEqual([{ itemId: documentId, kind: 'cue', start: 125 }]);
      }, 30_000);
      expect(await textStatus(documentId)).toMatchObject({
        state: 'done',
        result: { status: 'indexed', format: 'captions', cueCount: 2 },
      });
    });

    it.each(HOSTILE_CASES)(
      'publishes $name, finds it by its title, tells why its text is not searchable, and keeps answering',
      async ({ name, write, status, pageCount }) => {
        const title = `Document hostile ${HOSTILE_CASES.findIndex((other) => other.name === name) + 1}`;
        const file = write(work, { realPdf: pdfs.seven, protectedPdf: pdfs.password });
        const documentId = await publish(title, await upload(file));
        let slowest = 0;
        const done = await eventually(async () => {
          const startedAt = performance.now();
          expect((await fetch(`${cms.url}/_health`)).status).toBe(204);
          slowest = Math.max(slowest, performance.now() - startedAt);
          const current = await textStatus(documentId);
          expect(current.state).toBe('done');
          return current;
        }, 60_000);
        expect(done.result?.status).toMatch(status);
        if (pageCount) expect(done.result?.pageCount).toBe(pageCount);
        expect((await index().search(`"${title}"`)).hits.map((hit) => hit.itemId)).toEqual([
          documentId,
        ]);
        // The file is read in a child process: the CMS's event loop stays free.
        expect(slowest).toBeLessThan(1000);
      },
    );

    it('loses nothing when Meilisearch is down while a file is read and synced', async () => {
      const port = Number(new URL(meili.url).port);
      await meili.stop();
      const documentId = await publish(
        'Publié pendant la panne',
        await upload(pdfs.seven, 'panne.pdf'),
      );
      // Read meanwhile, but the index cannot take it.
      await eventually(
        async () => expect((await textStatus(documentId)).state).toBe('indexing'),
        60_000,
      );
      meili = await startBundledMeili({ dataDir: meiliDir, port, masterKey: meili.masterKey });
      await eventually(async () => {
        expect(await hits('transhumances du printemps')).toEqual([{ itemId: documentId, page: 7 }]);
      }, 120_000);
      expect((await textStatus(documentId)).state).toBe('done');
    });
  },
);
