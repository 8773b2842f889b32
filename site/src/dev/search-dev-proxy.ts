import type { AstroIntegration } from 'astro';
import { createMeiliClient } from '@dejala/search/meili-client';
import { createSearchHandler } from '@dejala/search/search-handler';
import { ensureSearchKey } from '@dejala/search/search-key';

/**
 * `astro dev` answers `/_search` the way the site server does: the same handler, the
 * search-only key (derived from MEILI_MASTER_KEY on the dev machine, never sent to the browser).
 */
export function searchDevProxy(): AstroIntegration {
  return {
    name: 'dejala-search-dev-proxy',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const meiliUrl =
          process.env.MEILI_URL || `http://127.0.0.1:${process.env.MEILI_PORT || 7700}`;
        let handler: Promise<ReturnType<typeof createSearchHandler>> | undefined;
        const getHandler = async () => {
          const searchKey =
            process.env.MEILI_SEARCH_KEY ||
            (await ensureSearchKey(
              createMeiliClient({ url: meiliUrl, apiKey: process.env.MEILI_MASTER_KEY ?? '' }),
            ));
          return createSearchHandler({
            meiliUrl,
            searchKey,
            log: (message) => logger.warn(message),
          });
        };
        // Connect strips the mount path; the handler only reads the query string.
        server.middlewares.use('/_search', (request, response) => {
          handler ??= getHandler();
          handler
            .then((handle) => handle(request, response))
            .catch((error: Error) => {
              handler = undefined;
              logger.error(`search proxy: ${error.message}`);
              response.statusCode = 502;
              response.end('Meilisearch unavailable to the dev server.');
            });
        });
      },
    },
  };
}
