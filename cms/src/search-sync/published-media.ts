import type { Core } from '@strapi/strapi';
import type { MediaEntry } from '@dejala/search/media-document';
import type { PublishedMediaSource } from '@dejala/search/sync';

const MEDIA = 'api::media-item.media-item';

/** Published media entries with what the search document needs, read through the Document Service. */
export function createPublishedMediaSource(strapi: Core.Strapi): PublishedMediaSource {
  return {
    async findPublished(documentIds) {
      const entries = await strapi.documents(MEDIA).findMany({
        filters: { documentId: { $in: documentIds } },
        status: 'published',
        limit: documentIds.length,
        populate: {
          authors: true,
          themes: { fields: ['name', 'slug'] },
          territories: { fields: ['name', 'slug'] },
          cover: { fields: ['url', 'alternativeText'] },
        },
      });
      return entries as unknown as MediaEntry[];
    },
  };
}
