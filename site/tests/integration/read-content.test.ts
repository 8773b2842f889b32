import { SITE_RULES } from '@dejala/search/schemas/site-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CmsRequestError } from '@dejala/search/cms/cms-client';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { readAllContent, readEntries } from '../../src/content/read-content';
import { PNG_1X1, upload } from '../helpers/cms-fixtures';
import type { CmsStack } from '../helpers/test-stack';

// Enough synthetic items for three REST pages of 100.
const SYNTHETIC = 230;
const REAL_MEDIA_ITEMS = 4;

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

describe('reading the published content from a seeded CMS', () => {
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

  const connection = (): CmsConnection => ({
    url: cms.url,
    token: cms.siteToken,
    publicUrl: cms.url,
  });

  it('pages through every published entry of every type and validates it', async () => {
    const { store, exceptions } = await readAllContent(connection());
    expect(exceptions).toEqual([]);
    expect(store.list('mediaItems')).toHaveLength(REAL_MEDIA_ITEMS + SYNTHETIC);
    expect(
      store.bySlug('mediaItems', 'rapport-convention-citoyenne-clermont-ferrand-2022'),
    ).toMatchObject({
      type: 'rapport',
      year: 2022,
      authors: [{ name: 'Elsa Bonal', affiliation: null }],
    });
    expect(store.list('global')).toHaveLength(1);
    expect(store.list('offers').length).toBeGreaterThan(0);
    // What an entry embeds is known: a change to it reaches the entries that show it.
    const [theme] = store.list('themes');
    const showing = store.embedding(theme!.documentId);
    expect(showing.length).toBeGreaterThan(0);
    for (const { collection, documentId } of showing) {
      const entry = store.get(collection, documentId)!.data as { themes?: Array<{ slug: string }> };
      expect(entry.themes?.map((each) => each.slug)).toContain(theme!.slug);
    }
  });

  it('reads a changed entry, leaves out an unpublished one, and never reads drafts', async () => {
    const { store } = await readAllContent(connection());
    const [first, second] = store.list('mediaItems');
    await write(cms, 'PUT', `media-items/${first!.documentId}`, {
      summary: 'Résumé revu par un éditeur.',
    });
    await write(cms, 'DELETE', `media-items/${second!.documentId}`);
    const draft = await write(cms, 'POST', 'media-items?status=draft', {
      title: 'Brouillon',
      slug: 'brouillon-lecture',
      type: 'article',
      summary: 'Pas encore publié.',
    });
    const read = await readEntries(connection(), 'mediaItems', [
      first!.documentId,
      second!.documentId,
      draft.documentId,
    ]);
    expect(read).toHaveLength(1);
    expect(read[0]).toMatchObject({
      ok: true,
      documentId: first!.documentId,
      entry: { data: { summary: 'Résumé revu par un éditeur.' } },
    });
    const again = await readAllContent(connection());
    expect(again.store.get('mediaItems', second!.documentId)).toBeUndefined();
    expect(again.store.get('mediaItems', draft.documentId)).toBeUndefined();
  });

  it('leaves out an entry the site cannot render, keeps its last valid version, and names it', async () => {
    const image = await upload(cms.url, cms.fullToken, 'sans-alt.png', 'image/png', PNG_1X1);
    const valid = await write(cms, 'POST', 'media-items', {
      title: 'Article bientôt cassé',
      slug: 'article-bientot-casse',
      type: 'article',
      summary: 'Valide, puis modifié avec une image sans alternative.',
    });
    const { store: lastGood } = await readAllContent(connection());
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
    const { store, exceptions } = await readAllContent(connection(), lastGood);
    expect(store.get('mediaItems', valid.documentId)?.data.title).toBe('Article bientôt cassé');
    expect(store.get('mediaItems', neverValid.documentId)).toBeUndefined();
    const exception = (documentId: string) => ({
      type: 'media-item',
      documentId,
      field: 'body.0.image.alternativeText',
      problem: SITE_RULES.imageAlternative.operators,
      advice: SITE_RULES.imageAlternative.editors,
    });
    expect(exceptions).toEqual([exception(valid.documentId), exception(neverValid.documentId)]);
    await write(cms, 'DELETE', `media-items/${valid.documentId}`);
    await write(cms, 'DELETE', `media-items/${neverValid.documentId}`);
  });

  it('says when the CMS cannot be read', async () => {
    await expect(readAllContent({ ...connection(), token: 'not-the-token' })).rejects.toThrow(
      new CmsRequestError(
        'CMS answered 401 to GET /api/offers: {"data":null,"error":{"status":401,"name":"UnauthorizedError","message":"Missing or invalid credentials","details":{}}}',
        { status: 401 },
      ),
    );
    await expect(
      readAllContent({ url: 'http://127.0.0.1:9', token: cms.siteToken, publicUrl: '' }),
    ).rejects.toThrow(/^CMS unreachable at http:\/\/127\.0\.0\.1:9: fetch failed$/);
  });
});
