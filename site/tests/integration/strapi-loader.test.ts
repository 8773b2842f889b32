import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { SITE_RULES } from '@dejala/search/schemas/site-rules';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CmsRequestError } from '@dejala/search/cms/cms-client';
import { CMS_CONTENT_TYPES } from '../../src/loaders/collection-types';
import {
  BUILD_EXCEPTIONS_FILE,
  readBuildExceptions,
} from '../../src/loaders/build-exceptions-file';
import { strapiLoader } from '../../src/loaders/strapi';
import { PNG_1X1, upload } from '../helpers/cms-fixtures';
import type { CmsStack } from '../helpers/test-stack';

// Enough synthetic items for three REST pages of 100.
const SYNTHETIC = 230;
const REAL_MEDIA_ITEMS = 4;

/** Astro's data store, reduced to what a loader uses (the real one needs a running build). */
function memoryContext() {
  const entries = new Map<string, { id: string; data: Record<string, unknown>; digest?: string }>();
  const logs: string[] = [];
  const context = {
    collection: 'test',
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: { id: string; data: Record<string, unknown>; digest?: string }) => {
        entries.set(entry.id, entry);
        return true;
      },
      keys: () => [...entries.keys()],
      delete: (id: string) => entries.delete(id),
    },
    generateDigest: (data: unknown) =>
      createHash('sha1').update(JSON.stringify(data)).digest('hex'),
    logger: {
      info: (message: string) => logs.push(message),
      warn: (message: string) => logs.push(`warn: ${message}`),
    },
  } as unknown as LoaderContext;
  return { context, entries, logs };
}

async function write(cms: CmsStack, method: string, path: string, data?: unknown) {
  const response = await fetch(`${cms.url}/api/${path}`, {
    method,
    headers: { authorization: `Bearer ${cms.fullToken}`, 'content-type': 'application/json' },
    body: data === undefined ? undefined : JSON.stringify({ data }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : (await response.json()).data;
}

describe('Strapi content loader against a seeded CMS', () => {
  let cms: CmsStack;
  let stopCms: () => Promise<void>;
  beforeAll(async () => {
    const { startSeededCms } = await import('../helpers/test-stack');
    const { removeCmsEnv } = await import('../../../cms/tests/helpers/cms-env');
    cms = await startSeededCms({ synthetic: SYNTHETIC });
    stopCms = async () => {
      await cms.server.stop();
      removeCmsEnv(cms.env);
    };
  });
  afterAll(() => stopCms?.());

  const loader = () =>
    strapiLoader(CMS_CONTENT_TYPES.mediaItems, {
      url: cms.url,
      token: cms.siteToken,
      publicUrl: cms.url,
    });

  it('pages through every published entry, validates it, and skips unchanged entries next time', async () => {
    const { context, entries, logs } = memoryContext();
    await loader().load(context);
    expect(entries.size).toBe(REAL_MEDIA_ITEMS + SYNTHETIC);
    expect(logs.at(-1)).toMatch(
      new RegExp(
        `^media-item: ${REAL_MEDIA_ITEMS + SYNTHETIC} entries \\(${REAL_MEDIA_ITEMS + SYNTHETIC} new or changed, 0 removed, 0 invalid\\)`,
      ),
    );
    const sample = [...entries.values()].find(
      (entry) => entry.data.slug === 'rapport-convention-citoyenne-clermont-ferrand-2022',
    );
    expect(sample?.data).toMatchObject({
      type: 'rapport',
      year: 2022,
      authors: [{ name: 'Elsa Bonal', affiliation: null }],
    });

    await loader().load(context);
    expect(logs.at(-1)).toMatch(/\(0 new or changed, 0 removed, 0 invalid\)/);
  });

  it('reprocesses a changed entry, removes an unpublished one, and never loads drafts', async () => {
    const { context, entries, logs } = memoryContext();
    await loader().load(context);
    const [first, second] = [...entries.keys()];
    await write(cms, 'PUT', `media-items/${first}`, { summary: 'Résumé revu par un éditeur.' });
    await write(cms, 'DELETE', `media-items/${second}`);
    const draft = await write(cms, 'POST', 'media-items?status=draft', {
      title: 'Brouillon',
      slug: 'brouillon-loader',
      type: 'article',
      summary: 'Pas encore publié.',
    });

    await loader().load(context);
    expect(logs.at(-1)).toMatch(/\(1 new or changed, 1 removed, 0 invalid\)/);
    expect(entries.get(first)?.data.summary).toBe('Résumé revu par un éditeur.');
    expect(entries.has(second)).toBe(false);
    expect(entries.has(draft.documentId)).toBe(false);
  });

  it('leaves out an entry the site cannot render, keeps its last valid version, and names it to the site server', async () => {
    const { context, entries, logs } = memoryContext();
    const image = await upload(cms.url, cms.fullToken, 'sans-alt.png', 'image/png', PNG_1X1);
    const valid = await write(cms, 'POST', 'media-items', {
      title: 'Article bientôt cassé',
      slug: 'article-bientot-casse',
      type: 'article',
      summary: 'Valide, puis modifié avec une image sans alternative.',
    });
    await loader().load(context);
    const imageWithoutAlt = [{ type: 'image', image, children: [{ type: 'text', text: '' }] }];
    // The CMS refuses such versions: they slip in behind its back (an import, a restore).
    const { writePublishedRow } = await import('../../../cms/tests/helpers/direct-write');
    await writePublishedRow(cms.env, 'media_items', valid.documentId, {
      title: 'Article cassé',
      body: imageWithoutAlt,
    });
    const neverValid = await write(cms, 'POST', 'media-items', {
      title: 'Image sans texte alternatif',
      slug: 'image-sans-alt',
      type: 'article',
      summary: 'Valide à la création, cassée avant que le site ne la lise.',
    });
    await writePublishedRow(cms.env, 'media_items', neverValid.documentId, {
      body: imageWithoutAlt,
    });
    // The site server names a file per build: the entries are written there as data.
    const recordFile = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-exceptions-')),
      'exceptions.jsonl',
    );
    vi.stubEnv(BUILD_EXCEPTIONS_FILE, recordFile);
    try {
      await loader().load(context);
      // Checked again at every build until fixed, never stored.
      await loader().load(context);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(logs.at(-1)).toMatch(/\(0 new or changed, 0 removed, 2 invalid\)/);
    expect(entries.get(valid.documentId)?.data.title).toBe('Article bientôt cassé');
    expect(entries.has(neverValid.documentId)).toBe(false);
    const exception = (documentId: string) => ({
      type: 'media-item',
      documentId,
      field: 'body.0.image.alternativeText',
      problem: SITE_RULES.imageAlternative.operators,
      advice: SITE_RULES.imageAlternative.editors,
    });
    expect(readBuildExceptions(recordFile)).toEqual([
      exception(valid.documentId),
      exception(neverValid.documentId),
    ]);
    expect(logs).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^warn: CMS entry media-item ${neverValid.documentId}: field "body\\.0\\.image\\.alternativeText"`,
        ),
      ),
    );
    fs.rmSync(path.dirname(recordFile), { recursive: true });
    await write(cms, 'DELETE', `media-items/${valid.documentId}`);
    await write(cms, 'DELETE', `media-items/${neverValid.documentId}`);
  });

  it('says when the CMS cannot be read', async () => {
    const { context } = memoryContext();
    const wrongToken = strapiLoader(CMS_CONTENT_TYPES.offers, {
      url: cms.url,
      token: 'not-the-token',
      publicUrl: cms.url,
    });
    await expect(wrongToken.load(context)).rejects.toThrow(
      new CmsRequestError(
        'CMS answered 401 to GET /api/offers: {"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials","details":{}}}',
        { status: 401 },
      ),
    );
    const nobody = strapiLoader(CMS_CONTENT_TYPES.offers, {
      url: 'http://127.0.0.1:9',
      token: cms.siteToken,
      publicUrl: '',
    });
    await expect(nobody.load(context)).rejects.toThrow(
      /^CMS unreachable at http:\/\/127\.0\.0\.1:9: fetch failed$/,
    );
  });
});
