import { beforeAll, describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { adminLogin, createFullAccessToken, request } from '../helpers/http';
import { COLLECTION_ENDPOINTS, SINGLE_ENDPOINTS } from '../helpers/public-api';

// Content API routes outside the public types that Strapi's read-only token type may read.
const NOT_FOR_THE_SITE = [
  '/api/upload/files',
  '/api/users',
  '/api/users/me',
  '/api/users-permissions/roles',
  '/api/users-permissions/permissions',
  '/api/i18n/locales',
];

describe.each(testDatabases())('site tokens on %s', (database) => {
  const cms = useCmsInstance(database);
  let admin: string;
  let draftId: string;

  beforeAll(async () => {
    admin = await adminLogin(cms.url, cms.env.admin);
    const writer = await createFullAccessToken(cms.url, admin);
    const offer = await request(cms.url, '/api/offers', {
      method: 'POST',
      token: writer,
      body: {
        data: {
          title: 'Culture de dialogue',
          slug: 'culture-de-dialogue',
          summary: 'Favoriser la culture de dialogue.',
        },
      },
    });
    expect(offer.status).toBe(201);
    const draft = await request(cms.url, '/api/offers?status=draft', {
      method: 'POST',
      token: writer,
      body: {
        data: { title: 'Offre en préparation', slug: 'en-preparation', summary: 'Bientôt.' },
      },
    });
    expect(draft.status).toBe(201);
    draftId = draft.body.data.documentId;
  });

  describe.each([
    ['site-build (SITE_API_TOKEN)', () => cms.env.siteToken, false],
    ['site-preview (SITE_PREVIEW_TOKEN)', () => cms.env.previewToken, true],
  ] as const)('%s', (_label, token, readsDrafts) => {
    it('reads every public type', async () => {
      for (const name of COLLECTION_ENDPOINTS) {
        expect((await request(cms.url, `/api/${name}`, { token: token() })).status, name).toBe(200);
      }
      for (const name of SINGLE_ENDPOINTS) {
        // A single type without content answers 404; a refused one would be 403.
        expect([200, 404], name).toContain(
          (await request(cms.url, `/api/${name}`, { token: token() })).status,
        );
      }
      const offers = await request(cms.url, '/api/offers', { token: token() });
      expect(offers.body.data.map((offer: { slug: string }) => offer.slug)).toEqual([
        'culture-de-dialogue',
      ]);
    });

    it(readsDrafts ? 'reads drafts' : 'cannot read drafts', async () => {
      const draft = await request(cms.url, `/api/offers/${draftId}?status=draft`, {
        token: token(),
      });
      if (readsDrafts) {
        expect(draft.status).toBe(200);
        expect(draft.body.data.title).toBe('Offre en préparation');
      } else {
        expect(draft.status).toBe(400);
        expect(JSON.stringify(draft.body)).not.toContain('Offre en préparation');
      }
    });

    it('reads nothing else: no media library, users, roles or permissions', async () => {
      for (const path of NOT_FOR_THE_SITE) {
        const response = await request(cms.url, path, { token: token() });
        expect([401, 403, 404], `${path}: ${response.status}`).toContain(response.status);
      }
    });

    it('cannot write anything', async () => {
      const created = await request(cms.url, '/api/offers', {
        method: 'POST',
        token: token(),
        body: { data: { title: 'Intrus', slug: 'intrus', summary: 'Non.' } },
      });
      expect(created.status).toBe(403);
      const upload = await request(cms.url, '/api/upload', { method: 'POST', token: token() });
      expect(upload.status).toBe(403);
      const listed = await request(cms.url, '/api/offers', { token: token() });
      expect(listed.body.data).toHaveLength(1);
    });

    it('is refused when the value is wrong', async () => {
      const response = await request(cms.url, '/api/offers', { token: `${token()}x` });
      expect(response.status).toBe(401);
    });
  });

  it('sets both tokens back to exactly find/findOne on the public types at start-up', async () => {
    const listed = await request(cms.url, '/admin/api-tokens', { token: admin });
    const build = listed.body.data.find((token: { name: string }) => token.name === 'site-build');
    // Someone widens the build token in the admin…
    const widened = await request(cms.url, `/admin/api-tokens/${build.id}`, {
      method: 'PUT',
      token: admin,
      body: { name: 'site-build', type: 'read-only', permissions: [] },
    });
    expect(widened.status, JSON.stringify(widened.body)).toBe(200);
    expect((await request(cms.url, '/api/upload/files', { token: cms.env.siteToken })).status).toBe(
      200,
    );
    // …and the next start narrows it again, keeping the value of SITE_API_TOKEN.
    await cms.restart();
    expect((await request(cms.url, '/api/upload/files', { token: cms.env.siteToken })).status).toBe(
      403,
    );
    admin = await adminLogin(cms.url, cms.env.admin);
    const tokens = await request(cms.url, '/admin/api-tokens', { token: admin });
    for (const name of ['site-build', 'site-preview']) {
      const matching = tokens.body.data.filter((token: { name: string }) => token.name === name);
      expect(matching, name).toHaveLength(1);
      expect(matching[0].type, name).toBe('custom');
      const detail = await request(cms.url, `/admin/api-tokens/${matching[0].id}`, {
        token: admin,
      });
      const actions = detail.body.data.permissions as string[];
      expect(
        actions.every((action) => /\.(find|findOne)$/.test(action)),
        name,
      ).toBe(true);
      expect(actions, name).toContain('api::media-item.media-item.findOne');
      expect(actions, name).toContain('api::global.global.find');
    }
    expect((await request(cms.url, '/api/offers', { token: cms.env.siteToken })).status).toBe(200);
  });
});
