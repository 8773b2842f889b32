// The public site's URLs, as fixed by the URL contract (trailing slashes, French segments): the
// one builder of each, for the site's pages, its server, the search documents and the CMS.

const segment = (slug: string) => encodeURIComponent(slug);

export const offerPath = (slug: string) => `/offres/${segment(slug)}/`;
export const trainingPath = (slug: string) => `/formations/${segment(slug)}/`;
/** Public URL of a médiathèque item's page. */
export const mediaItemPath = (slug: string) => `/mediatheque/${segment(slug)}/`;
/** The click-to-load page of a video: the only page that embeds the third-party player. */
export const videoPlayerPath = (slug: string) => `/mediatheque/${segment(slug)}/lecture/`;
/** Where the site serves an item's captions as WebVTT (the `<track>` source). */
export const captionsPath = (slug: string) => `/mediatheque/${segment(slug)}/sous-titres.vtt`;
export const caseStudyPath = (slug: string) => `/etudes-de-cas/${segment(slug)}/`;
export const freePagePath = (slug: string) => `/${segment(slug)}/`;
/** Where the site server serves its encodings of the content's images. */
export const IMAGES_PATH = '/_images/';
/** One encoding (`400.webp`, `share.jpg`…) of an uploaded image, by its key (image-key.ts). */
export const imagePath = (key: string, file: string) => `${IMAGES_PATH}${key}/${file}`;
/**
 * The small encodings every image has whatever its size or transparency, for the places that
 * know only its key (the médiathèque's results): WebP, and JPEG on white for the rest.
 */
export const THUMBNAIL_FILES = { webp: 'thumbnail.webp', jpeg: 'thumbnail.jpg' } as const;
/** The year of the médiathèque's static list under which items without a date are listed. */
export const UNDATED_YEAR = 'sans-date';
/**
 * Page n of the médiathèque's static list of one year (`'2024'`, or UNDATED_YEAR for the items
 * without a date). The list is cut by year so that a new item changes its year's pages only.
 */
export function mediaYearPath(year: string, page = 1): string {
  const base = `/mediatheque/annees/${year}/`;
  return page <= 1 ? base : `${base}page/${page}/`;
}

/**
 * Absolute URL of an upload: Strapi stores local uploads as `/uploads/…`, served by the CMS at
 * its public address (`cmsPublicUrl`). URLs of other providers are already absolute.
 */
export function uploadUrl(url: string, cmsPublicUrl: string): string {
  return url.startsWith('/') ? `${cmsPublicUrl.replace(/\/$/, '')}${url}` : url;
}

/** Segments under /mediatheque/ the site uses itself: an item may not take one as its slug. */
export const RESERVED_MEDIA_SEGMENTS = ['recherche', 'annees'];

/** First path segments the site uses itself: a free page may not take one of them. */
export const RESERVED_SEGMENTS = [
  'offres',
  'formations',
  'mediatheque',
  'etudes-de-cas',
  'preview',
  '_search',
  '_hooks',
  '_astro',
  'fonts',
  'rss.xml',
  'sitemap-index.xml',
  'sitemap-0.xml',
  'site-settings.json',
  '404',
  'robots.txt',
  'favicon.svg',
];
