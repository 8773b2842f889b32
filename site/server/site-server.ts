import http from 'node:http';
import path from 'node:path';
import { createSearchHandler } from '@dejala/search/search-handler';
import { sendStaticFile } from './static-files.ts';

export interface SiteServerOptions {
  /** Folder of the live build (Astro's dist/). */
  root: string;
  meiliUrl: string;
  /** The search-only key: injected here, never sent to browsers. */
  searchKey: string;
  log?: (message: string) => void;
}

/**
 * The public site: the static build, and `/_search` forwarded to Meilisearch (médiathèque
 * searches only). Every other method than GET/HEAD is refused.
 */
export function createSiteServer(options: SiteServerOptions): http.Server {
  const root = path.resolve(options.root);
  const search = createSearchHandler({
    meiliUrl: options.meiliUrl,
    searchKey: options.searchKey,
    log: options.log,
  });
  return http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const done = (error?: unknown) => {
      if (!error) return;
      options.log?.(`site: ${request.method} ${url.pathname} failed: ${(error as Error).message}`);
      if (!response.headersSent)
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Erreur interne du serveur.');
    };
    if (url.pathname === '/_search') {
      search(request, response).catch(done);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Méthode non autorisée.');
      return;
    }
    try {
      sendStaticFile(request, response, root, url.pathname);
    } catch (error) {
      done(error);
    }
  });
}
