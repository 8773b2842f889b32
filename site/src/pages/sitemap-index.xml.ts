import type { APIRoute } from 'astro';

/** The sitemap index robots.txt names: one sitemap holds up to 50,000 addresses. */
export const GET: APIRoute = ({ site }) =>
  new Response(
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' +
      `<sitemap><loc>${new URL('/sitemap-0.xml', site).href}</loc></sitemap>` +
      '</sitemapindex>',
    { headers: { 'content-type': 'application/xml; charset=utf-8' } },
  );
