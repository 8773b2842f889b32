import http from 'node:http';
import { createMediaSearch } from '@dejala/search/media-search';
import { createSearchHandler } from '@dejala/search/search-handler';
import type { Release } from './loaded-release.ts';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { isValidPreviewToken } from './preview-token.ts';
import { sendNotFound, sendStaticFile } from './static-files.ts';
import { SiteContent } from '../src/content/site-content.ts';

export interface SiteServerOptions {
  /** The live build, read at each request (it changes when a new release goes live). */
  release: () => Release | null;
  meiliUrl: string;
  /** The search-only key: injected here, never sent to browsers. */
  searchKey: string;
  /** Draft previews (`/preview/<type>/<documentId>/?token=…`): off without a secret. */
  preview?: { secret: string; cms: CmsConnection };
  /** `/_hooks/*`: answers and returns true when the path is one of them. */
  hooks?: (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    pathname: string,
  ) => Promise<boolean>;
  log?: (message: string) => void;
}

// Routes Astro renders per request; everything else is a file of the build.
const ON_DEMAND = ['/mediatheque/recherche/'];

const PREVIEW_PATH = /^\/preview\/([a-z-]+)\/([^/]+)\/$/;
const PREVIEW_REFUSED = `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Aperçu indisponible</title>
<p>Ce lien d’aperçu n’est pas valable ou a expiré. Rouvrez l’aperçu depuis le back office.</p></html>`;

const NOT_BUILT_YET = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Site en préparation</title>
<p>Le site est en cours de construction. Revenez dans quelques instants.</p></html>`;

/** A page rendered per request, asked for before this process has read the content. */
function sendNotReadYet(response: http.ServerResponse): void {
  response.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'retry-after': '10',
    'cache-control': 'no-store',
  });
  response.end(NOT_BUILT_YET);
}

/**
 * The public site: the live build's files, the pages rendered on demand (search results
 * without JavaScript), `/_search` forwarded to Meilisearch (médiathèque searches only), and
 * the rebuild hooks. Every other method than GET/HEAD is refused.
 */
export function createSiteServer(options: SiteServerOptions): http.Server {
  const searchOptions = {
    meiliUrl: options.meiliUrl,
    searchKey: options.searchKey,
    log: options.log,
  };
  const searchJson = createSearchHandler(searchOptions);
  const searchMedia = createMediaSearch(searchOptions);
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const fail = (error: unknown) => {
      options.log?.(`site: ${request.method} ${url.pathname} failed: ${(error as Error).message}`);
      if (!response.headersSent)
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Erreur interne du serveur.');
    };
    if (url.pathname.startsWith('/_hooks/') && options.hooks) {
      options.hooks(request, response, url.pathname).then((handled) => {
        if (handled) return;
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Introuvable.');
      }, fail);
      return;
    }
    // For the container's health check and load balancers: the process answers, nothing more.
    if (url.pathname === '/_health') {
      response.writeHead(204, { 'cache-control': 'no-store' });
      response.end();
      return;
    }
    if (url.pathname === '/_search') {
      searchJson(request, response).catch(fail);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Méthode non autorisée.');
      return;
    }
    const release = options.release();
    if (!release) {
      response.writeHead(503, {
        'content-type': 'text/html; charset=utf-8',
        'retry-after': '10',
        'cache-control': 'no-store',
      });
      response.end(NOT_BUILT_YET);
      return;
    }
    try {
      if (url.pathname.startsWith('/preview/')) {
        // Never indexed, never cached, and the signed link never leaks through a Referer.
        response.setHeader('x-robots-tag', 'noindex, nofollow');
        response.setHeader('cache-control', 'no-store');
        response.setHeader('referrer-policy', 'no-referrer');
        const match = PREVIEW_PATH.exec(url.pathname);
        if (!options.preview || !match) return sendNotFound(request, response, release.files);
        const status = url.searchParams.get('status') === 'published' ? 'published' : 'draft';
        const target = { type: match[1]!, documentId: decodeURIComponent(match[2]!), status };
        if (!isValidPreviewToken(options.preview.secret, target, url.searchParams.get('token'))) {
          response.writeHead(401, { 'content-type': 'text/html; charset=utf-8' });
          response.end(PREVIEW_REFUSED);
          return;
        }
        if (!release.store) return sendNotReadYet(response);
        const locals: App.Locals = {
          content: new SiteContent(release.store),
          preview: { cms: options.preview.cms, status },
        };
        const notFound = () => sendNotFound(request, response, release.files);
        release.onDemand(request, response, notFound, locals).catch(fail);
        return;
      }
      if (ON_DEMAND.includes(url.pathname)) {
        if (!release.store) return sendNotReadYet(response);
        const locals: App.Locals = { content: new SiteContent(release.store), searchMedia };
        const notFound = () => sendNotFound(request, response, release.files);
        release.onDemand(request, response, notFound, locals).catch(fail);
        return;
      }
      sendStaticFile(request, response, release.files, url.pathname);
    } catch (error) {
      fail(error);
    }
  });
}
