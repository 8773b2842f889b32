import { beforeAll, describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { adminLogin, createFullAccessToken, request, type JsonResponse } from '../helpers/http';

/** The field paths a Strapi 400 names in `error.details.errors`. */
function invalidPaths(response: JsonResponse): string[] {
  return (response.body?.error?.details?.errors ?? []).map((error: { path: string[] }) =>
    error.path.join('.'),
  );
}

describe.each(testDatabases())('bad input on %s', (database) => {
  const cms = useCmsInstance(database);
  let writer: string;

  const countMediaItems = async () =>
    (
      await request(cms.url, '/api/media-items?status=draft&pagination[pageSize]=1', {
        token: writer,
      })
    ).body.meta.pagination.total as number;
  const createMediaItem = (data: Record<string, unknown>, query = '') =>
    request(cms.url, `/api/media-items${query}`, { method: 'POST', token: writer, body: { data } });

  const valid = {
    title: 'Rapport de référence',
    slug: 'rapport-de-reference',
    type: 'rapport',
    summary: 'Un rapport.',
  };

  beforeAll(async () => {
    writer = await createFullAccessToken(cms.url, await adminLogin(cms.url, cms.env.admin));
    expect((await createMediaItem(valid)).status).toBe(201);
  });

  it('refuses a missing required field, naming it, and writes nothing', async () => {
    const before = await countMediaItems();
    const response = await createMediaItem({
      title: 'Sans résumé',
      slug: 'sans-resume',
      type: 'article',
    });
    expect(response.status).toBe(400);
    expect(invalidPaths(response)).toContain('summary');
    expect(await countMediaItems()).toBe(before);
  });

  it('refuses a duplicate slug, for published entries and drafts alike', async () => {
    const before = await countMediaItems();
    const published = await createMediaItem({ ...valid, title: 'Autre titre' });
    expect(published.status).toBe(400);
    expect(invalidPaths(published)).toEqual(['slug']);
    const draft = await createMediaItem({ ...valid, title: 'Autre brouillon' }, '?status=draft');
    expect(draft.status).toBe(400);
    expect(invalidPaths(draft)).toEqual(['slug']);
    expect(await countMediaItems()).toBe(before);
  });

  it('refuses over-long text', async () => {
    const before = await countMediaItems();
    const response = await createMediaItem({ ...valid, slug: 'trop-long', title: 'x'.repeat(201) });
    expect(response.status).toBe(400);
    expect(invalidPaths(response)).toContain('title');
    expect(await countMediaItems()).toBe(before);
  });

  it('refuses an unknown enumeration value', async () => {
    const before = await countMediaItems();
    const response = await createMediaItem({ ...valid, slug: 'type-inconnu', type: 'film' });
    expect(response.status).toBe(400);
    expect(invalidPaths(response)).toContain('type');
    expect(await countMediaItems()).toBe(before);
  });

  it('refuses a link that is not http(s)', async () => {
    const response = await createMediaItem({
      ...valid,
      slug: 'lien-douteux',
      externalUrl: 'javascript:alert(1)',
    });
    expect(response.status).toBe(400);
    expect(invalidPaths(response)).toContain('externalUrl');
  });

  it('refuses an unknown query key or field, naming it', async () => {
    const query = await request(cms.url, '/api/media-items?sortt=title');
    expect(query.status).toBe(400);
    expect(query.body.error.details.key).toBe('sortt');
    const field = await createMediaItem({ ...valid, slug: 'champ-inconnu', colour: 'bleu' });
    expect(field.status).toBe(400);
    expect(JSON.stringify(field.body.error)).toContain('colour');
  });

  it('derives a unique slug from the title when none is sent', async () => {
    const first = await createMediaItem({
      title: 'L’eau, un bien commun',
      type: 'article',
      summary: 'Premier.',
    });
    expect(first.status).toBe(201);
    expect(first.body.data.slug).toBe('l-eau-un-bien-commun');
    const second = await createMediaItem({
      title: 'L’eau, un bien commun',
      type: 'vidéo',
      summary: 'Second.',
    });
    expect(second.status).toBe(201);
    expect(second.body.data.slug).toBe('l-eau-un-bien-commun-2');
  });

  it('keeps the year consistent with an exact publication date', async () => {
    const response = await createMediaItem({
      ...valid,
      slug: 'date-exacte',
      year: 1999,
      publicationDate: '2022-06-15',
    });
    expect(response.status).toBe(201);
    expect(response.body.data.year).toBe(2022);
  });
});
