import { cmsGetAll, queryOf } from './cms/cms-client.js';
import type { CmsConnection } from './cms/cms-connection.js';
import { populateParameters } from './cms/populate.js';
import type { MediaEntry } from './media-document.js';
import { MEDIA_DOCUMENT_POPULATE } from './media-populate.js';
import type { PublishedMediaSource } from './sync.js';

// Strapi's largest page: a `$in` filter of more ids would be cut to one page anyway.
const IDS_PER_REQUEST = 100;

// Only what the search document needs; the REST API returns published versions only.
function mediaQuery(documentIds?: string[]): URLSearchParams {
  return queryOf(
    populateParameters(MEDIA_DOCUMENT_POPULATE),
    (documentIds ?? []).map((id, position) => [`filters[documentId][$in][${position}]`, id]),
  );
}

/** Every published media entry, page by page. */
export function fetchAllPublishedMedia(
  cms: CmsConnection,
  onProgress?: (done: number, pageCount: number) => void,
): Promise<MediaEntry[]> {
  return cmsGetAll<MediaEntry>(cms, 'media-items', mediaQuery(), onProgress);
}

/** The published media source read over the CMS's REST API (for tools outside the CMS). */
export function cmsMediaSource(cms: CmsConnection): PublishedMediaSource {
  return {
    async findPublished(documentIds) {
      const entries: MediaEntry[] = [];
      for (let start = 0; start < documentIds.length; start += IDS_PER_REQUEST) {
        const ids = documentIds.slice(start, start + IDS_PER_REQUEST);
        entries.push(...(await cmsGetAll<MediaEntry>(cms, 'media-items', mediaQuery(ids))));
      }
      return entries;
    },
  };
}
