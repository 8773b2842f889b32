import type { AstroIntegration } from 'astro';
import { cmsConnectionFromEnv } from '@dejala/search/cms/cms-connection';
import { createMediaSearch } from '@dejala/search/media-search';
import { meiliUrlFromEnv } from '@dejala/search/meili-client';
import { createSearchHandler } from '@dejala/search/search-handler';
import { searchKeyFromEnv } from '@dejala/search/search-key';
import type { ContentStore } from '../content/content-store';
import { readAllContent } from '../content/read-content';
import { SiteContent } from '../content/site-content';
import { rootEnv } from '../lib/root-env';

// Under `astro dev`, content is read again from the CMS when older than this.
const CONTENT_MAX_AGE_MS = 3_000;

/**
 * `astro dev` renders pages the way the site server does: every page with the published
 * content in its locals (read from the CMS, again when a few seconds old), `/_search` with the
 * same handler, the on-demand results page with the same search. The search-only key is
 * derived from MEILI_MASTER_KEY on the dev machine and never sent to the browser.
 */
export function devServices(): AstroIntegration {
  return {
    name: 'dejala-dev-services',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const env = rootEnv();
        const meiliUrl = meiliUrlFromEnv(env);
        let services:
          | Promise<{
              json: ReturnType<typeof createSearchHandler>;
              searchMedia: App.Locals['searchMedia'];
            }>
          | undefined;
        const start = async () => {
          const searchKey = await searchKeyFromEnv(env, meiliUrl);
          const options = { meiliUrl, searchKey, log: (message: string) => logger.warn(message) };
          const searchMedia = createMediaSearch(options);
          return { json: createSearchHandler(searchMedia), searchMedia };
        };
        let content: { store: Promise<ContentStore>; readAt: number } | undefined;
        const currentContent = () => {
          if (!content || Date.now() - content.readAt > CONTENT_MAX_AGE_MS) {
            const store = readAllContent(cmsConnectionFromEnv(env), undefined).then(
              ({ store, exceptions }) => {
                for (const entry of exceptions)
                  logger.warn(
                    `${entry.type} ${entry.documentId}: "${entry.field}" ${entry.problem}`,
                  );
                return store;
              },
            );
            content = { store, readAt: Date.now() };
          }
          return content.store;
        };
        const unavailable = (response: import('node:http').ServerResponse, error: Error) => {
          services = undefined;
          logger.error(`search dev services: ${error.message}`);
          response.statusCode = 502;
          response.end('Meilisearch or the CMS is unavailable to the dev server.');
        };
        // Connect strips the mount path; the handler only reads the query string.
        server.middlewares.use('/_search', (request, response) => {
          services ??= start();
          services
            .then(({ json }) => json(request, response))
            .catch((error: Error) => unavailable(response, error));
        });
        // Astro's dev server takes a request's locals from this symbol, as the node adapter does.
        server.middlewares.use((request, response, next) => {
          if (request.url?.startsWith('/@') || request.url?.startsWith('/node_modules/'))
            return next();
          Promise.all([currentContent(), (services ??= start()).catch(() => undefined)])
            .then(([store, search]) => {
              const locals: App.Locals = {
                content: new SiteContent(store),
                searchMedia: search?.searchMedia,
              };
              Reflect.set(request, Symbol.for('astro.locals'), locals);
              next();
            })
            .catch((error: Error) => {
              content = undefined;
              logger.error(`dev content: ${error.message}`);
              response.statusCode = 502;
              response.end('The CMS is unavailable to the dev server.');
            });
        });
      },
    },
  };
}
