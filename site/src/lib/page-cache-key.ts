import { createHash } from 'node:crypto';

/**
 * cacheKey of a statically generated page for Astro's incremental build: a digest of every
 * value the page renders (its props and the shared site data), so a page is re-rendered
 * exactly when something it shows has changed.
 */
export function pageCacheKey(...renderedData: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(renderedData)).digest('base64url');
}
