import http from 'node:http';
import { createMediaSearch } from '@dejala/search/media-search';
import { createSearchHandler } from '@dejala/search/search-handler';
import type { Release } from './release.ts';
import { sendNotFound, sendStaticFile } from './static-files.ts';

export interface SiteServerOptions {
  /** The live build, read at each request (it changes when a new release goes live). */
  release: () => Release | null;
  meiliUrl: string;
  /** The search-only key: injected here, never sent to browsers. */
  searchKey: string;
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

const NOT_BUILT_YET = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Site en préparation</title>
<p>Le site est en cours de construction. Revenez dans quelques instants.</p></html>`;

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
      if (ON_DEMAND.includes(url.pathname)) {
        const locals: App.Locals = { global: release.global, searchMedia };
        const notFound = () => sendNotFound(request, response, release.clientDir);
        release.onDemand(request, response, notFound, locals).catch(fail);
        return;
      }
      sendStaticFile(request, response, release.clientDir, url.pathname);
    } catch (error) {
      fail(error);
    }
  });
}
