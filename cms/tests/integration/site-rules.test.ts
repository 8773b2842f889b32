import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_RULES } from '@dejala/search/schemas/site-rules';
import { PNG_1X1, upload } from '../../../site/tests/helpers/cms-fixtures';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { adminLogin, createFullAccessToken, request, type JsonResponse } from '../helpers/http';

const CM = '/content-manager/collection-types/api::media-item.media-item';
// Written out once: what an editor reads under the field.
const MISSING_ALT =
  'Une image n’a pas de texte alternatif : renseignez-le sur l’image, dans la médiathèque des fichiers.';

/**
 * Where a Strapi 400 says the problem is, and what it says: the edit form shows each message
 * under the field at its path, for a ValidationError (as for Strapi's own validation).
 */
function fieldErrors(response: JsonResponse): Array<{ path: string; message: string }> {
  expect(response.body?.error?.name).toBe('ValidationError');
  return (response.body?.error?.details?.errors ?? []).map(
    (error: { path: string[]; message: string }) => ({
      path: error.path.join('.'),
      message: error.message,
    }),
  );
}

describe.each(testDatabases())(
  'the CMS refuses to publish what the site cannot render, on %s',
  (database) => {
    const cms = useCmsInstance(database);
    let admin: string;
    let writer: string;
    let imageWithoutAlt: unknown[];

    const published = async (slug: string) =>
      (
        await request(cms.url, `/api/media-items?filters[slug][$eq]=${slug}`, {
          token: cms.env.siteToken,
        })
      ).body.data as Array<{ title: string }>;

    beforeAll(async () => {
      admin = await adminLogin(cms.url, cms.env.admin);
      writer = await createFullAccessToken(cms.url, admin);
      const image = await upload(cms.url, writer, 'sans-alt.png', 'image/png', PNG_1X1);
      imageWithoutAlt = [{ type: 'image', image, children: [{ type: 'text', text: '' }] }];
    });

    it('keeps a draft as it is, refuses to publish it from the edit form, in French, under the field', async () => {
      const draft = await request(cms.url, CM, {
        method: 'POST',
        token: admin,
        body: {
          title: 'Image sans alternative',
          slug: 'image-sans-alternative',
          type: 'article',
          summary: 'Un brouillon peut être incomplet.',
          body: imageWithoutAlt,
        },
      });
      expect(draft.status).toBe(201);
      const documentId = draft.body.data.documentId as string;
      const refused = await request(cms.url, `${CM}/${documentId}/actions/publish`, {
        method: 'POST',
        token: admin,
        body: {},
      });
      expect(refused.status).toBe(400);
      expect(fieldErrors(refused)).toEqual([{ path: 'body', message: MISSING_ALT }]);
      expect(await published('image-sans-alternative')).toEqual([]);
      // The draft is untouched: the editor fixes it and publishes.
      const kept = await request(cms.url, `${CM}/${documentId}`, { token: admin });
      expect(kept.body.data.title).toBe('Image sans alternative');
      await request(cms.url, `${CM}/${documentId}`, {
        method: 'PUT',
        token: admin,
        body: { body: [] },
      });
      const accepted = await request(cms.url, `${CM}/${documentId}/actions/publish`, {
        method: 'POST',
        token: admin,
        body: {},
      });
      expect(accepted.status).toBe(200);
      expect(await published('image-sans-alternative')).toHaveLength(1);
    });

    it('names the field inside a component, and refuses a free page on the site’s own address', async () => {
      const authored = await request(cms.url, CM, {
        method: 'POST',
        token: admin,
        body: {
          title: 'Un auteur sans nom',
          slug: 'un-auteur-sans-nom',
          type: 'article',
          summary: 'Le second auteur n’a qu’une espace pour nom.',
          authors: [{ name: 'Camille Martin' }, { name: '   ', affiliation: 'Déjà-là' }],
        },
      });
      expect(authored.status).toBe(201);
      const refusedAuthors = await request(
        cms.url,
        `${CM}/${authored.body.data.documentId}/actions/publish`,
        { method: 'POST', token: admin, body: {} },
      );
      expect(refusedAuthors.status).toBe(400);
      expect(fieldErrors(refusedAuthors)).toEqual([
        { path: 'authors.1.name', message: 'Ce champ ne peut pas être vide.' },
      ]);

      const PAGES = '/content-manager/collection-types/api::page.page';
      const page = await request(cms.url, PAGES, {
        method: 'POST',
        token: admin,
        body: { title: 'Nos offres en double', slug: 'offres', summary: 'Une page libre.' },
      });
      expect(page.status).toBe(201);
      const refusedPage = await request(
        cms.url,
        `${PAGES}/${page.body.data.documentId}/actions/publish`,
        { method: 'POST', token: admin, body: {} },
      );
      expect(refusedPage.status).toBe(400);
      expect(fieldErrors(refusedPage)).toEqual([
        { path: 'slug', message: SITE_RULES.reservedSlug.editors },
      ]);
    });

    it('refuses a REST create or update that would publish it, and accepts it as a draft', async () => {
      const item = {
        title: 'Par l’API',
        slug: 'par-l-api',
        type: 'article',
        summary: 'Écrit par un outil.',
      };
      const refused = await request(cms.url, '/api/media-items', {
        method: 'POST',
        token: writer,
        body: { data: { ...item, body: imageWithoutAlt } },
      });
      expect(refused.status).toBe(400);
      expect(fieldErrors(refused)).toEqual([{ path: 'body', message: MISSING_ALT }]);
      expect(await published('par-l-api')).toEqual([]);

      const created = await request(cms.url, '/api/media-items', {
        method: 'POST',
        token: writer,
        body: { data: item },
      });
      expect(created.status).toBe(201);
      const documentId = created.body.data.documentId as string;
      const update = await request(cms.url, `/api/media-items/${documentId}`, {
        method: 'PUT',
        token: writer,
        body: { data: { title: 'Par l’API, modifié', body: imageWithoutAlt } },
      });
      expect(update.status).toBe(400);
      expect((await published('par-l-api'))[0]?.title).toBe('Par l’API');
      const asDraft = await request(cms.url, `/api/media-items/${documentId}?status=draft`, {
        method: 'PUT',
        token: writer,
        body: { data: { body: imageWithoutAlt } },
      });
      expect(asDraft.status).toBe(200);
      expect((await published('par-l-api'))[0]?.title).toBe('Par l’API');
    });
  },
);
