import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { contentTypeOf, isCompressible } from './mime-types.ts';

type Found = { file: string; status: number } | { redirect: string };

/**
 * Maps a URL path to a file of the build, never outside `root`: `/a/` → `a/index.html`,
 * `/a` → redirect to `/a/` when that is a folder, anything missing → `404.html` (status 404).
 */
export function resolveStaticFile(root: string, urlPath: string): Found {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { file: path.join(root, '404.html'), status: 404 };
  }
  if (decoded.includes('\0')) return { file: path.join(root, '404.html'), status: 404 };
  const segments = path.posix.normalize(decoded).split('/').filter(Boolean);
  const target = path.resolve(root, ...segments);
  const inside = target === root || target.startsWith(`${root}${path.sep}`);
  if (inside) {
    const stat = fs.statSync(target, { throwIfNoEntry: false });
    if (stat?.isFile()) return { file: target, status: 200 };
    if (stat?.isDirectory()) {
      // From the normalised path, never the raw one: `//evil.example/a` must not become a
      // protocol-relative Location that leaves the site.
      if (!urlPath.endsWith('/')) {
        return { redirect: `/${segments.map(encodeURIComponent).join('/')}/` };
      }
      const index = path.join(target, 'index.html');
      if (fs.existsSync(index)) return { file: index, status: 200 };
    }
  }
  return { file: path.join(root, '404.html'), status: 404 };
}

function cacheControl(root: string, file: string): string {
  // Astro puts content-hashed bundles, styles and fonts under /_astro/: they never change.
  if (file.startsWith(path.join(root, '_astro') + path.sep))
    return 'public, max-age=31536000, immutable';
  // Everything else (HTML, feeds, sitemap) changes with each build: revalidate every time.
  return 'public, max-age=0, must-revalidate';
}

function pickEncoding(request: IncomingMessage): 'br' | 'gzip' | null {
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return null;
}

/** Sends one file of the build with its content type, cache policy, ETag and compression. */
export function sendStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  urlPath: string,
): void {
  const found = resolveStaticFile(root, urlPath);
  sendFound(request, response, root, found);
}

/** Sends the build's French 404 page, with status 404. */
export function sendNotFound(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
): void {
  sendFound(request, response, root, { file: path.join(root, '404.html'), status: 404 });
}

function sendFound(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  found: Found,
): void {
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
    'cache-control': found.status === 404 ? 'no-cache' : cacheControl(root, found.file),
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
