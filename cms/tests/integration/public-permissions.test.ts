import { beforeAll, describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { adminLogin, createFullAccessToken, request } from '../helpers/http';
import {
  COLLECTION_ENDPOINTS as COLLECTIONS,
  SINGLE_ENDPOINTS as SINGLES,
} from '../helpers/public-api';

describe.each(testDatabases())('public access on %s', (database) => {
  const cms = useCmsInstance(database);
  let writer: string;
  let publishedId: string;
  let draftId: string;

  beforeAll(async () => {
    writer = await createFullAccessToken(cms.url, await adminLogin(cms.url, cms.env.admin));
    const theme = await request(cms.url, '/api/themes', {
      method: 'POST',
      token: writer,
      body: { data: { name: 'Eau', slug: 'eau' } },
    });
    expect(theme.status).toBe(201);
    const published = await request(cms.url, '/api/media-items', {
      method: 'POST',
      token: writer,
      body: {
        data: {
          title: 'Rapport publié',
          slug: 'rapport-publie',
          type: 'rapport',
          summary: 'Visible.',
          themes: [theme.body.data.documentId],
        },
      },
    });
    expect(published.status).toBe(201);
    publishedId = published.body.data.documentId;
    const draft = await request(cms.url, '/api/media-items?status=draft', {
      method: 'POST',
      token: writer,
      body: {
        data: {
          title: 'Brouillon secret',
          slug: 'brouillon-secret',
          type: 'article',
          summary: 'Pas encore.',
        },
      },
    });
    expect(draft.status).toBe(201);
    draftId = draft.body.data.documentId;
  });

  it('answers every public REST endpoint of the contract', async () => {
    for (const name of [...COLLECTIONS, ...SINGLES]) {
      const response = await request(cms.url, `/api/${name}`);
      // A single type without content answers 404; the endpoint itself exists and is readable.
      expect([200, 404], name).toContain(response.status);
    }
    for (const name of COLLECTIONS) {
      expect((await request(cms.url, `/api/${name}`)).status, name).toBe(200);
    }
  });

  it('lists published content with its relations', async () => {
    const response = await request(cms.url, '/api/media-items?populate=themes');
    expect(response.status).toBe(200);
    expect(response.body.data.map((item: { slug: string }) => item.slug)).toEqual([
      'rapport-publie',
    ]);
    expect(response.body.data[0].themes.map((theme: { slug: string }) => theme.slug)).toEqual([
      'eau',
    ]);
    expect((await request(cms.url, `/api/media-items/${publishedId}`)).status).toBe(200);
  });

  it('never shows a draft: not listed, not by id, not by status, not by filter', async () => {
    const listed = await request(cms.url, '/api/media-items');
    expect(JSON.stringify(listed.body)).not.toContain('Brouillon secret');
    expect((await request(cms.url, `/api/media-items/${draftId}`)).status).toBe(404);
    const byStatus = await request(cms.url, '/api/media-items?status=draft');
    expect(byStatus.status).toBe(400);
    expect(JSON.stringify(byStatus.body)).not.toContain('Brouillon secret');
    const filtered = await request(cms.url, '/api/media-items?filters[slug][$eq]=brouillon-secret');
    expect(filtered.body.data).toEqual([]);
  });

  it('hides the draft edit of a published item until it is published', async () => {
    const edit = await request(cms.url, `/api/media-items/${publishedId}?status=draft`, {
      method: 'PUT',
      token: writer,
      body: { data: { title: 'Titre en cours de relecture' } },
    });
    expect(edit.status).toBe(200);
    const publicView = await request(cms.url, `/api/media-items/${publishedId}`);
    expect(publicView.body.data.title).toBe('Rapport publié');
  });

  it('refuses every write from the public', async () => {
    for (const name of COLLECTIONS) {
      const created = await request(cms.url, `/api/${name}`, {
        method: 'POST',
        body: { data: { title: 'x', name: 'x' } },
      });
      expect(created.status, `POST ${name}`).toBe(403);
    }
    const updated = await request(cms.url, `/api/media-items/${publishedId}`, {
      method: 'PUT',
      body: { data: { title: 'pirate' } },
    });
    expect(updated.status).toBe(403);
    const deleted = await request(cms.url, `/api/media-items/${publishedId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(403);
    for (const name of SINGLES) {
      expect(
        (await request(cms.url, `/api/${name}`, { method: 'PUT', body: { data: {} } })).status,
        name,
      ).toBe(403);
    }
    expect((await request(cms.url, `/api/media-items/${publishedId}`)).body.data.title).toBe(
      'Rapport publié',
    );
  });

  it('offers no visitor sign-up', async () => {
    const response = await request(cms.url, '/api/auth/local/register', {
      method: 'POST',
      body: { username: 'visiteur', email: 'visiteur@example.org', password: 'Visiteur-2026' },
    });
    expect(response.status).toBe(403);
  });
});
