import type { Core } from '@strapi/strapi';
import type { MediaEntry } from '@dejala/search/media-document';
import type { PublishedMediaSource } from '@dejala/search/sync';

const MEDIA = 'api::media-item.media-item';

/** Published media entries with what the search document needs, read through the Document Service. */
export function createPublishedMediaSource(strapi: Core.Strapi): PublishedMediaSource {
  return {
    async findPublished(documentIds) {
      // The search package is ESM: loaded with import() from this CommonJS build.
      const { MEDIA_DOCUMENT_POPULATE } = await import('@dejala/search/media-populate');
      const entries = await strapi.documents(MEDIA).findMany({
        filters: { documentId: { $in: documentIds } },
        status: 'published',
        limit: documentIds.length,
        // A deep copy: Strapi may write into the populate object it is given.
        populate: structuredClone(MEDIA_DOCUMENT_POPULATE) as never,
      });
      return entries as unknown as MediaEntry[];
    },
  };
}
