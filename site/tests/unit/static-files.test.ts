import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReleaseFiles, type ReleaseFiles } from '../../server/release-files';
import { resolveStaticFile, sendStaticFile } from '../../server/static-files';

let root: string;
let files: ReleaseFiles;
let server: http.Server;
let base: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-static-'));
  fs.mkdirSync(path.join(root, 'offres', 'a'), { recursive: true });
  fs.mkdirSync(path.join(root, '_astro'));
  fs.writeFileSync(path.join(root, 'index.html'), '<h1>Accueil</h1>');
  fs.writeFileSync(path.join(root, '404.html'), '<h1>Page introuvable</h1>');
  fs.writeFileSync(path.join(root, 'offres', 'a', 'index.html'), '<h1>Offre A</h1>'.repeat(50));
  fs.writeFileSync(path.join(root, '_astro', 'app.Ab12.js'), 'console.log(1)');
  fs.writeFileSync(path.join(os.tmpdir(), 'dejala-secret.txt'), 'secret');
  files = readReleaseFiles(root);
  server = http.createServer((request, response) =>
    sendStaticFile(request, response, files, new URL(request.url!, 'http://x').pathname),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('static files of a build', () => {
  it('serves pages as HTML that browsers revalidate, and hashed assets as immutable', async () => {
    const page = await fetch(`${base}/offres/a/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const asset = await fetch(`${base}/_astro/app.Ab12.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('compresses text for clients that accept it, and answers 304 to a matching ETag', async () => {
    const raw = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(`${base}/offres/a/`, { headers: { 'accept-encoding': 'gzip' } }, resolve),
    );
    expect(raw.headers['content-encoding']).toBe('gzip');
    const chunks: Buffer[] = [];
    for await (const chunk of raw) chunks.push(chunk as Buffer);
    expect(zlib.gunzipSync(Buffer.concat(chunks)).toString()).toContain('Offre A');
    const etag = (await fetch(`${base}/offres/a/`)).headers.get('etag')!;
    expect((await fetch(`${base}/offres/a/`, { headers: { 'if-none-match': etag } })).status).toBe(
      304,
    );
  });

  it('redirects a folder without its trailing slash, keeping the query', async () => {
    const response = await fetch(`${base}/offres/a?x=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/offres/a/?x=1');
  });

  it('builds that redirect from the normalised path, so it never leaves the site', () => {
    // As a proxy that does not normalise may pass them on.
    for (const raw of ['//offres/a', '/%2F%2Foffres/a', '/offres//a', '/./offres/x/../a']) {
      expect(resolveStaticFile(files, raw), raw).toEqual({ redirect: '/offres/a/' });
    }
  });

  it('answers the French 404 page for anything missing or outside the build', async () => {
    for (const probe of [
      '/nope/',
      '/../dejala-secret.txt',
      '/%2e%2e/dejala-secret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const response = await fetch(`${base}${probe}`);
      expect(response.status, probe).toBe(404);
      expect(await response.text(), probe).toContain('Page introuvable');
    }
    // fetch() normalises dot segments itself: send the raw path as an attacker would.
    const raw = await new Promise<http.IncomingMessage>((resolve) =>
      http.get(
        { host: '127.0.0.1', port: new URL(base).port, path: '/../dejala-secret.txt' },
        resolve,
      ),
    );
    expect(raw.statusCode).toBe(404);
    raw.resume();
    expect(resolveStaticFile(files, '/..%2f..%2fetc/passwd')).toEqual({
      name: '404.html',
      file: path.join(root, '404.html'),
      status: 404,
    });
  });
});
