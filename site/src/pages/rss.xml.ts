import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { pageContent } from '../content/page-content';
import { mediaItemPath } from '@dejala/search/site-urls';

/** The médiathèque feed: the 50 most recently published items. */
export const GET: APIRoute = ({ site, locals }) => {
  const content = pageContent(locals);
  const global = content.global();
  const items = content
    .all('mediaItems')
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
    .slice(0, 50);
  return rss({
    title: `Médiathèque — ${global.siteName}`,
    description: 'Vidéos, articles, rapports et podcasts sur le dialogue territorial.',
    site: site!,
    customData: '<language>fr-fr</language>',
    items: items.map((item) => ({
      title: item.title,
      link: mediaItemPath(item.slug),
      description: item.summary,
      pubDate: new Date(item.publicationDate ?? item.publishedAt ?? item.updatedAt),
      categories: item.themes.map((theme) => theme.name),
    })),
  });
};
