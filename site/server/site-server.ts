import type http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { createMediaSearch } from '@dejala/search/media-search';
import { createSearchHandler } from '@dejala/search/search-handler';
import Fastify, { type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Release } from './loaded-release.ts';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { isValidPreviewToken } from './preview-token.ts';
import {
  isTooManySearches,
  MAX_CONCURRENT_SEARCHES,
  MAX_WAITING_SEARCHES,
  searchRateLimit,
  TOO_MANY_SEARCHES_HOLD_MS,
  type SearchRateLimit,
} from './search-limits.ts';
import { securityHeaders } from './security-headers.ts';
import { sendNotFound, sendStaticFile } from './static-files.ts';
import { IMAGES_PATH } from '@dejala/search/site-urls';
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
  /** Searches a client may make (`/_search` and the results page) before a 429; false: no limit. */
  searchRateLimit?: SearchRateLimit | false;
  /** The encoded images of the content (image-cache.ts), served at `/_images/`. */
  imagesDir?: string;
  /** Behind a reverse proxy: the client is the address it adds to X-Forwarded-For. */
  behindProxy?: boolean;
  log?: (message: string) => void;
}

// Routes Astro renders per request; everything else is a file of the build.
const ON_DEMAND = ['/mediatheque/recherche/'];

const PREVIEW_PATH = /^\/preview\/([a-z-]+)\/([^/]+)\/$/;
const PREVIEW_REFUSED = `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Aperçu indisponible</title>
<p>Ce lien d’aperçu n’est pas valable ou a expiré. Rouvrez l’aperçu depuis le back office.</p></html>`;

const NOT_BUILT_YET = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Site en préparation</title>
<p>Le site est en cours de construction. Revenez dans quelques instants.</p></html>`;

const tooManySearchesPage = (message: string) =>
  `<!doctype html><html lang="fr"><meta charset="utf-8"><meta name="robots" content="noindex"><title>Trop de recherches</title>
<p>${message}</p><p><a href="/mediatheque/">Parcourir la médiathèque</a></p></html>`;

/** A page asked for before there is a release, or before this process has read its content. */
function sendNotBuiltYet(response: http.ServerResponse): void {
  response.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'retry-after': '10',
    'cache-control': 'no-store',
  });
  response.end(NOT_BUILT_YET);
}

/**
 * The public site (Fastify): the live build's files, the pages rendered on demand (search
 * results without JavaScript), `/_search` forwarded to Meilisearch (médiathèque searches
 * only, rate-limited per client), and the rebuild hooks; security headers on every answer.
 * Every other method than GET/HEAD is refused. Resolves once ready to `listen`.
 */
export async function createSiteServer(options: SiteServerOptions): Promise<http.Server> {
  const app = Fastify({
    // Behind the proxy, the client is the address the proxy (the socket's peer, hop 0) adds.
    trustProxy: options.behindProxy ? (_address: string, hop: number) => hop === 0 : false,
  });
  const searchMedia = createMediaSearch({
    meiliUrl: options.meiliUrl,
    searchKey: options.searchKey,
    maxConcurrent: MAX_CONCURRENT_SEARCHES,
    maxWaiting: MAX_WAITING_SEARCHES,
    log: options.log,
  });
  const searchJson = createSearchHandler(searchMedia);
  const fail = (request: FastifyRequest, reply: FastifyReply) => (error: unknown) => {
    options.log?.(`site: ${request.method} ${request.url} failed: ${(error as Error).message}`);
    if (!reply.raw.headersSent)
      reply.raw.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    reply.raw.end('Erreur interne du serveur.');
  };
  /**
   * Hands the request to a handler that answers on Node's own response (Astro's handler, the
   * release's files, the hooks): Fastify routes, limits and sets the headers around them.
   */
  const raw =
    (
      handle: (
        request: http.IncomingMessage,
        response: http.ServerResponse,
        url: URL,
      ) => Promise<void> | void,
    ) =>
    (request: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      const url = new URL(request.url, 'http://localhost');
      try {
        Promise.resolve(handle(request.raw, reply.raw, url)).catch(fail(request, reply));
      } catch (error) {
        fail(request, reply)(error);
      }
    };

  // Before the routes: each route keeps the error handler set when it was declared.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (isTooManySearches(error)) {
      // Held a moment: a script hammering the search on a connection then gets one answer
      // a second, and the server's time goes to other visitors instead of to refusing it.
      await sleep(TOO_MANY_SEARCHES_HOLD_MS);
      reply.code(429).header('cache-control', 'no-store');
      if (request.url.startsWith('/_search'))
        return reply.send({ error: 'too_many_searches', message: error.message });
      return reply.type('text/html; charset=utf-8').send(tooManySearchesPage(error.message));
    }
    // Fastify's own refusals (a malformed request) keep their 4xx; anything else is ours.
    const refused = error.statusCode !== undefined && error.statusCode < 500;
    if (!refused) options.log?.(`site: ${request.method} ${request.url} failed: ${error.message}`);
    return reply
      .code(refused ? error.statusCode! : 500)
      .type('text/plain; charset=utf-8')
      .send(refused ? 'Requête invalide.' : 'Erreur interne du serveur.');
  });
  await securityHeaders(app);
  await app.register(rateLimit, { global: false });

  // For the container's health check and load balancers: the process answers, nothing more.
  app.get('/_health', (_request, reply) =>
    reply.code(204).header('cache-control', 'no-store').send(),
  );

  if (options.imagesDir) {
    const root = options.imagesDir;
    await app.register(
      async (images) => {
        await images.register(fastifyStatic, {
          root,
          // A file's address names its content (imageKey): kept by browsers for good.
          immutable: true,
          maxAge: '365d',
          index: false,
          // Encodings in progress (`.<key>-…`) are not served.
          dotfiles: 'deny',
        });
        images.setNotFoundHandler((request, reply) =>
          ['GET', 'HEAD'].includes(request.method)
            ? reply.code(404).type('text/plain; charset=utf-8').send('Image introuvable.')
            : reply.code(405).header('allow', 'GET, HEAD').send(),
        );
      },
      { prefix: IMAGES_PATH.slice(0, -1) },
    );
  }

  const rateLimited = { config: { rateLimit: searchRateLimit(options.searchRateLimit) } };
  app.get('/_search', rateLimited, raw(searchJson));

  // The hooks read their body themselves (a rebuild's JSON): Fastify leaves it unread.
  await app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', (_request, _payload, done) => done(null));
    hooks.all(
      '/_hooks/*',
      raw(async (request, response, url) => {
        if (options.hooks && (await options.hooks(request, response, url.pathname))) return;
        response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        response.end('Introuvable.');
      }),
    );
  });

  // Strapi's preview panel shows the draft in a frame of the admin (the CMS's public address).
  const admin = options.preview && new URL(options.preview.cms.publicUrl).origin;
  app.get(
    '/preview/*',
    // Without previews, framed by nobody, as every other page.
    { config: { framedBy: admin ? [admin] : undefined } },
    raw((request, response, url) => {
      const release = options.release();
      if (!release) return sendNotBuiltYet(response);
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
      if (!release.store) return sendNotBuiltYet(response);
      const locals: App.Locals = {
        content: new SiteContent(release.store),
        preview: { cms: options.preview.cms, status },
      };
      const notFound = () => sendNotFound(request, response, release.files);
      return release.onDemand(request, response, notFound, locals);
    }),
  );

  const page = raw((request, response, url) => {
    const release = options.release();
    if (!release) return sendNotBuiltYet(response);
    if (!ON_DEMAND.includes(url.pathname))
      return sendStaticFile(request, response, release.files, url.pathname);
    if (!release.store) return sendNotBuiltYet(response);
    const locals: App.Locals = { content: new SiteContent(release.store), searchMedia };
    const notFound = () => sendNotFound(request, response, release.files);
    return release.onDemand(request, response, notFound, locals);
  });
  for (const path of ON_DEMAND) app.get(path, rateLimited, page);
  app.get('/*', page);
  // GET and HEAD of any path are routed above: what is left is another method.
  app.setNotFoundHandler((_request, reply) =>
    reply
      .code(405)
      .header('allow', 'GET, HEAD')
      .type('text/plain; charset=utf-8')
      .send('Méthode non autorisée.'),
  );

  await app.ready();
  return app.server;
}
