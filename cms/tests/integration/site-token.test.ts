import { beforeAll, describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { adminLogin, createFullAccessToken, request } from '../helpers/http';

describe.each(testDatabases())('site build token on %s', (database) => {
  const cms = useCmsInstance(database);
  let writer: string;

  beforeAll(async () => {
    writer = await createFullAccessToken(cms.url, await adminLogin(cms.url, cms.env.admin));
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
  });

  it('reads published content with the value given in SITE_API_TOKEN', async () => {
    const response = await request(cms.url, '/api/offers', { token: cms.env.siteToken });
    expect(response.status).toBe(200);
    expect(response.body.data.map((offer: { slug: string }) => offer.slug)).toEqual([
      'culture-de-dialogue',
    ]);
  });

  it('cannot write anything', async () => {
    const created = await request(cms.url, '/api/offers', {
      method: 'POST',
      token: cms.env.siteToken,
      body: { data: { title: 'Intrus', slug: 'intrus', summary: 'Non.' } },
    });
    expect(created.status).toBe(403);
    const listed = await request(cms.url, '/api/offers', { token: cms.env.siteToken });
    expect(listed.body.data).toHaveLength(1);
  });

  it('is refused when the value is wrong', async () => {
    const response = await request(cms.url, '/api/offers', { token: `${cms.env.siteToken}x` });
    expect(response.status).toBe(401);
  });

  it('stays one read-only token with the same value across restarts', async () => {
    await cms.restart();
    expect((await request(cms.url, '/api/offers', { token: cms.env.siteToken })).status).toBe(200);
    const admin = await adminLogin(cms.url, cms.env.admin);
    const tokens = await request(cms.url, '/admin/api-tokens', { token: admin });
    const siteTokens = tokens.body.data.filter(
      (token: { name: string }) => token.name === 'site-build',
    );
    expect(siteTokens).toHaveLength(1);
    expect(siteTokens[0].type).toBe('read-only');
  });
});
