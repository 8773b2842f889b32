import { MEDIA_TYPES } from '@dejala/search/media-types';
import type { MediaItem } from '@dejala/search/schemas/media-item';
import { videoEmbed } from '@dejala/search/video-embed';
import { knownText } from './known-text';

/** Only a full date (`YYYY-MM-DD…`): a year alone is not a publication date to search engines. */
const fullDate = (value: string | null | undefined) =>
  value && /^\d{4}-\d{2}-\d{2}/.test(value) ? value : undefined;

/**
 * schema.org data of a médiathèque item, by its type (MEDIA_TYPES' `schemaOrg`) with what
 * search engines require and recommend of that type; unknown values are left out. A video
 * item without a video (no file, no YouTube or Vimeo link) is a CreativeWork, not a
 * VideoObject; a VideoObject without a still to show is one too.
 */
export function mediaItemJsonLd(
  item: MediaItem,
  pageUrl: string,
  links: {
    /** Absolute URL of one of the item's files. */
    file: (url: string) => string;
    /** Absolute URL of its cover as a shared page shows it, if it has one. */
    cover?: string;
  },
): Record<string, unknown> {
  const image = links.cover;
  const common = {
    '@context': 'https://schema.org',
    name: item.title,
    description: knownText(item.summary),
    url: pageUrl,
    inLanguage: 'fr',
    image,
    dateModified: item.updatedAt,
    author: item.authors.length
      ? item.authors.map((author) => ({ '@type': 'Person', name: author.name }))
      : undefined,
    keywords: item.themes.map((theme) => theme.name).join(', ') || undefined,
  };
  const datePublished = fullDate(item.publicationDate);
  const type = MEDIA_TYPES[item.type].schemaOrg;
  if (type === 'VideoObject') {
    const embed = item.externalUrl ? videoEmbed(item.externalUrl) : null;
    const contentUrl = item.file ? links.file(item.file.url) : undefined;
    // The cover, else the host's own still: what a search engine shows of the video.
    const thumbnailUrl = image ?? embed?.thumbnailUrl;
    if ((embed || contentUrl) && thumbnailUrl)
      return {
        ...common,
        '@type': 'VideoObject',
        thumbnailUrl,
        // When it was put online: its publication date, else its first publication here.
        uploadDate: datePublished ?? item.publishedAt ?? item.updatedAt,
        embedUrl: embed?.embedUrl,
        contentUrl,
        duration: item.durationMinutes ? `PT${item.durationMinutes}M` : undefined,
      };
    return { ...common, '@type': 'CreativeWork', datePublished };
  }
  if (type === 'Article' || type === 'Report')
    return { ...common, '@type': type, headline: item.title.slice(0, 110), datePublished };
  if (type === 'PodcastEpisode')
    return {
      ...common,
      '@type': type,
      datePublished,
      associatedMedia: item.file
        ? { '@type': 'AudioObject', contentUrl: links.file(item.file.url) }
        : undefined,
    };
  return { ...common, '@type': type, datePublished };
}
