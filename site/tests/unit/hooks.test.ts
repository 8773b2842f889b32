// The rebuild webhook takes input from outside (any client that reaches the site server):
// every shape of it either names one entry for the fast path, asks for a full render, is
// ignored as a draft save, or is refused — never an error, never a build without the secret.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOADS, type ChangedEntry } from '../../src/content/content-changes';
import { BuildQueue } from '../../server/build-queue';
import { createHooks } from '../../server/hooks';

const SECRET = 'a-rebuild-secret-of-some-length';
let base: string;
let server: http.Server;
/** What each build was asked: the entries named, or null for a full render. */
const builds: Array<ChangedEntry[] | null> = [];
const queue = new BuildQueue({
  build: async (_reasons, changes) => {
    builds.push(changes);
  },
  debounceMs: 0,
});

beforeAll(async () => {
  const hooks = createHooks({
    secret: SECRET,
    queue,
    liveSince: () => null,
    liveContentReadAt: () => null,
    log: () => {},
  });
  server = http.createServer((request, response) => {
    void hooks(request, response, new URL(request.url!, 'http://x').pathname);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

/** Sends one raw body to the hook; returns the status and what the build was asked. */
async function send(body: string, secret: string | null = SECRET) {
  builds.length = 0;
  const response = await fetch(`${base}/_hooks/rebuild`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(secret === null ? {} : { authorization: `Bearer ${secret}` }),
    },
    body,
  });
  await response.text();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await queue.whenIdle();
  return { status: response.status, builds: [...builds] };
}

describe('the rebuild webhook, whatever it is sent', () => {
  it('names the published entry of a public type for the fast path', async () => {
    const named = await send(
      JSON.stringify({
        event: 'entry.publish',
        uid: 'api::offer.offer',
        entry: { documentId: 'abc123', publishedAt: '2026-11-30T10:00:00.000Z' },
      }),
    );
    expect(named).toEqual({
      status: 202,
      builds: [[{ collection: 'offers', documentId: 'abc123' }]],
    });
    expect(
      await send(JSON.stringify({ event: 'media.update', media: { documentId: 'file1' } })),
    ).toEqual({ status: 202, builds: [[{ collection: UPLOADS, documentId: 'file1' }]] });
  });

  it('asks for a full render when it cannot tell which entry changed', async () => {
    for (const body of [
      '',
      'not json',
      '{',
      'null',
      '42',
      '"entry.publish"',
      '[]',
      '{}',
      JSON.stringify({ event: 'backup.restore' }),
      JSON.stringify({ event: 'entry.publish', uid: 'api::offer.offer' }),
      JSON.stringify({ event: 'entry.publish', uid: 'api::offer.offer', entry: null }),
      JSON.stringify({ event: 'entry.publish', uid: 'api::offer.offer', entry: 'abc' }),
      JSON.stringify({ event: 'entry.publish', uid: 'api::offer.offer', entry: { documentId: 7 } }),
      JSON.stringify({
        event: 'entry.publish',
        uid: 'api::offer.offer',
        entry: { documentId: ['a', 'b'] },
      }),
      JSON.stringify({ event: 'entry.publish', uid: 'api::nope.nope', entry: { documentId: 'a' } }),
      JSON.stringify({ event: { toString: 1 }, uid: 7, entry: { documentId: 'a' } }),
      JSON.stringify({ event: 'media.create', media: { documentId: {} } }),
      JSON.stringify({ event: 'media.create', media: 'x' }),
      JSON.stringify({ __proto__: { event: 'entry.publish' }, constructor: 1 }),
    ]) {
      expect(await send(body), body).toEqual({ status: 202, builds: [null] });
    }
  });

  it('ignores a saved draft, and refuses without the secret or with too large a body', async () => {
    expect(
      await send(
        JSON.stringify({
          event: 'entry.update',
          uid: 'api::offer.offer',
          entry: { documentId: 'abc123', publishedAt: null },
        }),
      ),
    ).toEqual({ status: 202, builds: [] });
    // (fetch trims header values: a secret with spaces around it cannot be sent from here.)
    for (const secret of [null, '', 'wrong', `${SECRET}x`, SECRET.slice(1), SECRET.toUpperCase()])
      expect(await send('{}', secret), String(secret)).toEqual({ status: 401, builds: [] });
    expect(await send(`{"padding":"${'x'.repeat(1024 * 1024)}"}`)).toEqual({
      status: 413,
      builds: [],
    });
  });
});
