import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REBUILD_WEBHOOK_NAME } from '../../src/bootstrap/rebuild-webhook';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { eventually } from '../helpers/eventually';
import { adminLogin, request } from '../helpers/http';

interface Received {
  authorization?: string;
  event: string;
  uid?: string;
  entry?: { publishedAt?: string | null };
}

describe.each(testDatabases())('rebuild webhook on %s', (database) => {
  const received: Received[] = [];
  let receiver: http.Server;
  let receiverUrl = '';
  beforeAll(async () => {
    // Stands for the site server: records what Strapi sends to /_hooks/rebuild.
    receiver = http.createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/_hooks/status') {
        // Like the site server: the status is for the CMS only, with the current secret.
        if (req.headers.authorization !== `Bearer ${cms.env.vars.REBUILD_SECRET}`) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ state: 'building', lastBuild: null, liveSince: null }));
        return;
      }
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ authorization: req.headers.authorization, ...JSON.parse(body) });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/_hooks/rebuild`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  const cms = useCmsInstance(database, () => ({
    SITE_REBUILD_URL: receiverUrl,
    REBUILD_SECRET: 'first-secret-0123456789',
  }));
  let admin: string;
  beforeAll(async () => {
    admin = await adminLogin(cms.url, cms.env.admin);
  });

  const ourWebhooks = async () =>
    (await request(cms.url, '/admin/webhooks', { token: admin })).body.data.filter(
      (hook: { name: string }) => hook.name === REBUILD_WEBHOOK_NAME,
    );

  it('is created at start-up and fires on publish without a restart', async () => {
    const hooks = await ourWebhooks();
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ url: receiverUrl, isEnabled: true });
    expect(hooks[0].events).toEqual(
      expect.arrayContaining(['entry.publish', 'entry.unpublish', 'entry.delete', 'media.create']),
    );

    const draft = await request(cms.url, '/content-manager/collection-types/api::offer.offer', {
      method: 'POST',
      token: admin,
      body: { title: 'Offre publiée', slug: 'offre-publiee', summary: 'Pour le webhook.' },
    });
    expect(draft.status).toBe(201);
    await request(
      cms.url,
      `/content-manager/collection-types/api::offer.offer/${draft.body.data.documentId}/actions/publish`,
      {
        method: 'POST',
        token: admin,
        body: {},
      },
    );
    await eventually(async () =>
      expect(received).toContainEqual(
        expect.objectContaining({
          event: 'entry.publish',
          uid: 'api::offer.offer',
          authorization: 'Bearer first-secret-0123456789',
        }),
      ),
    );
    // The draft save came first: its entry has no publishedAt, which the site server ignores.
    expect(received).toContainEqual(
      expect.objectContaining({
        event: 'entry.create',
        entry: expect.objectContaining({ publishedAt: null }),
      }),
    );
  });

  it('is realigned, not duplicated, when the secret changes', async () => {
    cms.env.vars.REBUILD_SECRET = 'second-secret-0123456789';
    await cms.restart();
    admin = await adminLogin(cms.url, cms.env.admin);
    expect(await ourWebhooks()).toHaveLength(1);
    received.length = 0;
    const theme = await request(cms.url, '/content-manager/collection-types/api::theme.theme', {
      method: 'POST',
      token: admin,
      body: { name: 'Littoral', slug: 'littoral' },
    });
    expect(theme.status).toBe(201);
    await eventually(async () =>
      expect(received).toContainEqual(
        expect.objectContaining({
          event: 'entry.create',
          uid: 'api::theme.theme',
          authorization: 'Bearer second-secret-0123456789',
        }),
      ),
    );
  });

  it('gives signed-in admin users the site server’s build status, and nobody else', async () => {
    const status = await request(cms.url, '/dejala/site-status', { token: admin });
    expect(status.status).toBe(200);
    expect(status.body).toEqual({
      reachable: true,
      configured: true,
      state: 'building',
      lastBuild: null,
      liveSince: null,
    });
    expect((await request(cms.url, '/dejala/site-status')).status).toBe(401);
    expect(
      (await request(cms.url, '/dejala/site-status', { token: cms.env.siteToken })).status,
    ).toBe(401);
  });
});
