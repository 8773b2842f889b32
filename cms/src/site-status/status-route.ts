import type { Core } from '@strapi/strapi';

/** The site server's status address, from the rebuild webhook's (same server, `/_hooks/status`). */
export function siteStatusUrl(rebuildUrl: string | undefined): string | null {
  if (!rebuildUrl) return null;
  try {
    return new URL('/_hooks/status', rebuildUrl).href;
  } catch {
    return null;
  }
}

/**
 * `GET /dejala/site-status` for signed-in admin users: the site server's build status, read
 * server-side with REBUILD_SECRET (the browser never talks to the site server's hooks).
 * `reachable: false` when the site server does not answer.
 */
export function registerSiteStatusRoute(strapi: Core.Strapi): void {
  strapi.server.routes({
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/dejala/site-status',
        handler: async (ctx: { body: unknown; set: (name: string, value: string) => void }) => {
          ctx.set('cache-control', 'no-store');
          const url = siteStatusUrl(process.env.SITE_REBUILD_URL);
          const secret = process.env.REBUILD_SECRET;
          if (!url || !secret) {
            ctx.body = { reachable: false, configured: false };
            return;
          }
          try {
            const response = await fetch(url, {
              headers: { authorization: `Bearer ${secret}` },
              signal: AbortSignal.timeout(3000),
            });
            if (!response.ok) throw new Error(`site server answered ${response.status}`);
            ctx.body = {
              reachable: true,
              configured: true,
              ...((await response.json()) as object),
            };
          } catch (error) {
            strapi.log.warn(`site status: ${(error as Error).message}`);
            ctx.body = { reachable: false, configured: true };
          }
        },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  } as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}
