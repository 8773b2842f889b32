import http from 'node:http';
import { createMediaSearch } from '@dejala/search/media-search';
import { createSearchHandler } from '@dejala/search/search-handler';
import type { Release } from './release.ts';
import { sendStaticFile } from './static-files.ts';

export interface SiteServerOptions {
  /** The live build. */
  release: Release;
  meiliUrl: string;
  /** The search-only key: injected here, never sent to browsers. */
  searchKey: string;
  log?: (message: string) => void;
}

// Routes Astro renders per request; everything else is a file of the build.
const ON_DEMAND = ['/mediatheque/recherche/'];

/**
 * The public site: the static build, the few pages rendered on demand (search results
 * without JavaScript), and `/_search` forwarded to Meilisearch (médiathèque searches only).
 * Every other method than GET/HEAD is refused.
 */
export function createSiteServer(options: SiteServerOptions): http.Server {
  const { release } = options;
  const searchOptions = {
    meiliUrl: options.meiliUrl,
    searchKey: options.searchKey,
    log: options.log,
  };
  const searchJson = createSearchHandler(searchOptions);
  const locals: App.Locals = {
    global: release.global,
    searchMedia: createMediaSearch(searchOptions),
  };
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const fail = (error: unknown) => {
      options.log?.(`site: ${request.method} ${url.pathname} failed: ${(error as Error).message}`);
      if (!response.headersSent)
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Erreur interne du serveur.');
    };
    if (url.pathname === '/_search') {
      searchJson(request, response).catch(fail);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Méthode non autorisée.');
      return;
    }
    try {
      if (ON_DEMAND.includes(url.pathname)) {
        release
          .onDemand(
            request,
            response,
            () => sendStaticFile(request, response, release.clientDir, '/404.html'),
            locals,
          )
          .catch(fail);
        return;
      }
      sendStaticFile(request, response, release.clientDir, url.pathname);
    } catch (error) {
      fail(error);
    }
  });
}
