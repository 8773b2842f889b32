import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { getGlobal } from '../lib/site-data';
import { mediaItemPath } from '@dejala/search/site-urls';

/** The médiathèque feed: the 50 most recently published items. */
export const GET: APIRoute = async ({ site }) => {
  const global = await getGlobal();
  const items = (await getCollection('mediaItems'))
    .map((entry) => entry.data)
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
