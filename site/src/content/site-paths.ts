// Every address the site renders from its content, with the page routes that answer them
// (site/src/pages/): what a full render renders, what the fast path compares after a change.
// An address may answer 404 (a video player page for a video that cannot be embedded, the
// captions of a file without cues): it is then not part of the release.
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';
import { MEDIA_TYPES } from '@dejala/search/media-types';
import { captionsPath, mediaYearPath, videoPlayerPath } from '@dejala/search/site-urls';
import type { SiteContent } from './site-content.ts';

export interface SitePath {
  path: string;
  /** Listed in the sitemap: an indexable page. */
  inSitemap: boolean;
  /** When the entry a page shows last changed (its `updatedAt`): the sitemap's `lastmod`. */
  lastModified?: string;
}

/** Pages and files that exist whatever the content. */
const FIXED: SitePath[] = [
  { path: '/', inSitemap: true },
  { path: '/offres/', inSitemap: true },
  { path: '/formations/', inSitemap: true },
  { path: '/mediatheque/', inSitemap: true },
  { path: '/etudes-de-cas/', inSitemap: true },
  { path: '/404/', inSitemap: false },
  { path: '/rss.xml', inSitemap: false },
  { path: '/robots.txt', inSitemap: false },
  { path: '/site-settings.json', inSitemap: false },
  { path: '/sitemap-index.xml', inSitemap: false },
  { path: '/sitemap-0.xml', inSitemap: false },
];

export function sitePaths(content: SiteContent): SitePath[] {
  const paths = [...FIXED];
  for (const type of PUBLIC_TYPE_LIST) {
    if (!type.path) continue;
    for (const entry of content.all(type.collection) as Array<{
      slug: string;
      updatedAt: string;
      seo?: { noIndex?: boolean | null } | null;
    }>) {
      paths.push({
        path: type.path(entry.slug),
        inSitemap: !entry.seo?.noIndex,
        lastModified: entry.updatedAt,
      });
    }
  }
  const items = content.all('mediaItems');
  for (const item of items) {
    if (MEDIA_TYPES[item.type].consulted === 'watched' && item.externalUrl)
      paths.push({ path: videoPlayerPath(item.slug), inSitemap: false });
    if (item.captions) paths.push({ path: captionsPath(item.slug), inSitemap: false });
  }
  for (const { year, pageCount } of content.part('mediaYearPageCounts', 'all')) {
    for (let page = 1; page <= pageCount; page += 1)
      paths.push({ path: mediaYearPath(year, page), inSitemap: false });
  }
  return paths;
}

/** The file of a release that holds an address (`/offres/x/` → `offres/x/index.html`). */
export function releaseFileOf(path: string): string {
  if (path === '/404/') return '404.html';
  const relative = decodeURI(path).slice(1);
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
}
