import inject from 'light-my-request';
import type { ContentStore } from '../src/content/content-store.ts';
import { SiteContent } from '../src/content/site-content.ts';
import type { OnDemandHandler } from './loaded-release.ts';

/** One address rendered from the content: its body (none when it answered 404) and what it read. */
export interface RenderedPath {
  path: string;
  /** Absent when the route answered 404: the address is not part of the release. */
  body?: Buffer;
  /** What the page read of the content (site/src/content/site-content.ts keys). */
  reads: string[];
}

const NOT_FOUND_PAGE = '/404/';

export type Renderer = (path: string, store: ContentStore) => Promise<RenderedPath>;

/**
 * Renders addresses of the site with the site's own routes, in this process: a request is
 * handed to Astro's handler through light-my-request (no socket), with the content in its
 * locals. Any answer but 200 or 404 is an error naming the address.
 */
export function createRenderer(onDemand: OnDemandHandler, siteUrl: string): Renderer {
  const host = new URL(siteUrl).host;
  return async (path, store) => {
    const content = new SiteContent(store);
    const response = await inject(
      (request, response) => {
        const notFound = () => {
          response.statusCode = 404;
          response.end();
        };
        onDemand(request, response, notFound, { content }).catch((error: Error) => {
          response.statusCode = 500;
          response.end(error.stack ?? error.message);
        });
      },
      { method: 'GET', url: path, headers: { host } },
    );
    const reads = [...content.reads].sort();
    // The not-found page itself answers 404: its body is the release's 404.html.
    if (response.statusCode === 404 && path === NOT_FOUND_PAGE)
      return { path, body: response.rawPayload, reads };
    if (response.statusCode === 404) return { path, reads };
    if (response.statusCode !== 200)
      throw new Error(`${path} answered ${response.statusCode}: ${response.payload.slice(0, 500)}`);
    return { path, body: response.rawPayload, reads };
  };
}
