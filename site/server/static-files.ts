import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { contentTypeOf, isCompressible } from './mime-types.ts';
import type { ReleaseFiles } from './release-files.ts';

/** A file of the release: its name in the release and where it is on disk. */
type Found = { name: string; file: string; status: number } | { redirect: string };

/** The release's French 404 page (no file when the release has none). */
const notFoundOf = (files: ReleaseFiles): Found => ({
  name: '404.html',
  file: files.get('404.html') ?? '',
  status: 404,
});

/**
 * Maps a URL path to a file of the release, only ever one of its files: `/a/` →
 * `a/index.html`, `/a` → redirect to `/a/` when that page exists, anything else → `404.html`
 * (status 404).
 */
export function resolveStaticFile(files: ReleaseFiles, urlPath: string): Found {
  const notFound = notFoundOf(files);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return notFound;
  }
  const segments = path.posix.normalize(decoded).split('/').filter(Boolean);
  const name = segments.join('/');
  const file = files.get(name);
  if (file && !urlPath.endsWith('/')) return { name, file, status: 200 };
  const indexName = name === '' ? 'index.html' : `${name}/index.html`;
  const index = files.get(indexName);
  if (index) {
    if (urlPath.endsWith('/')) return { name: indexName, file: index, status: 200 };
    // From the normalised path, never the raw one: `//evil.example/a` must not become a
    // protocol-relative Location that leaves the site.
    return { redirect: `/${segments.map(encodeURIComponent).join('/')}/` };
  }
  return notFound;
}

function cacheControl(name: string): string {
  // Astro puts content-hashed bundles, styles and fonts under /_astro/: they never change.
  if (name.startsWith('_astro/')) return 'public, max-age=31536000, immutable';
  // Everything else (HTML, feeds, sitemap) changes with each build: revalidate every time.
  return 'public, max-age=0, must-revalidate';
}

function pickEncoding(request: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

/** Sends one file of the release with its content type, cache policy, ETag and compression. */
export function sendStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  files: ReleaseFiles,
  urlPath: string,
): void {
  sendFound(request, response, resolveStaticFile(files, urlPath));
}

/** Sends the release's French 404 page, with status 404. */
export function sendNotFound(
  request: IncomingMessage,
  response: ServerResponse,
  files: ReleaseFiles,
): void {
  sendFound(request, response, notFoundOf(files));
}

function sendFound(request: IncomingMessage, response: ServerResponse, found: Found): void {
  if ('redirect' in found) {
    const query = (request.url ?? '').split('?')[1];
    response.writeHead(301, { location: query ? `${found.redirect}?${query}` : found.redirect });
    response.end();
    return;
  }
  const stat = fs.statSync(found.file, { throwIfNoEntry: false });
  if (!stat) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Page introuvable.');
    return;
  }
  const contentType = contentTypeOf(found.file);
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'cache-control': found.status === 404 ? 'no-cache' : cacheControl(found.name),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    vary: 'accept-encoding',
  };
  if (found.status === 200) {
    headers.etag = etag;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
  }
  const encoding = isCompressible(contentType) ? pickEncoding(request) : null;
  if (encoding) headers['content-encoding'] = encoding;
  else headers['content-length'] = String(stat.size);
  response.writeHead(found.status, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = fs.createReadStream(found.file);
  const compressor =
    encoding === 'br'
      ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? zlib.createGzip()
        : null;
  (compressor ? stream.pipe(compressor) : stream).pipe(response);
}
