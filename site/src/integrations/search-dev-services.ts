import type { AstroIntegration } from 'astro';
import { cmsConnectionFromEnv } from '@dejala/search/cms/cms-connection';
import { createMediaSearch } from '@dejala/search/media-search';
import { meiliUrlFromEnv } from '@dejala/search/meili-client';
import { createSearchHandler } from '@dejala/search/search-handler';
import { searchKeyFromEnv } from '@dejala/search/search-key';
import { rootEnv } from '../lib/root-env';
import { CMS_CONTENT_TYPES } from '../loaders/collection-types';
import { fetchEntries, validateEntry } from '../loaders/strapi';

/**
 * `astro dev` answers the médiathèque search the way the site server does: `/_search` with
 * the same handler, and the on-demand results page with the same locals. The search-only key
 * is derived from MEILI_MASTER_KEY on the dev machine and never sent to the browser.
 */
export function searchDevServices(): AstroIntegration {
  return {
    name: 'dejala-search-dev-services',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const env = rootEnv();
        const meiliUrl = meiliUrlFromEnv(env);
        let services:
          Promise<{ json: ReturnType<typeof createSearchHandler>; locals: App.Locals }> | undefined;
        const start = async () => {
          const searchKey = await searchKeyFromEnv(env, meiliUrl);
          const options = { meiliUrl, searchKey, log: (message: string) => logger.warn(message) };
          const [global] = await fetchEntries(cmsConnectionFromEnv(env), CMS_CONTENT_TYPES.global);
          return {
            json: createSearchHandler(options),
            locals: {
              global: validateEntry(CMS_CONTENT_TYPES.global, global!),
              searchMedia: createMediaSearch(options),
            },
          };
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
        server.middlewares.use('/mediatheque/recherche/', (request, _response, next) => {
          services ??= start();
          services
            .then(({ locals }) => {
              Reflect.set(request, Symbol.for('astro.locals'), locals);
              next();
            })
            .catch(() => next());
        });
      },
    },
  };
}
