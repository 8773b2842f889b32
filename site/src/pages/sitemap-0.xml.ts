import type { APIRoute } from 'astro';
import { pageContent } from '../content/page-content';
import { sitePaths } from '../content/site-paths';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Every indexable page (not the médiathèque's list pages, player pages or noindex entries),
 * with when its entry last changed.
 */
export const GET: APIRoute = ({ site, locals }) => {
  const urls = sitePaths(pageContent(locals))
    .filter((page) => page.inSitemap)
    .map(
      (page) =>
        `<url><loc>${escapeXml(new URL(page.path, site).href)}</loc>` +
        (page.lastModified ? `<lastmod>${page.lastModified}</lastmod>` : '') +
        '</url>',
    );
  return new Response(
    '<?xml version="1.0" encoding="UTF-8"?>' +
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>`,
    { headers: { 'content-type': 'application/xml; charset=utf-8' } },
  );
};
