import type { Populate } from './cms/populate.js';
import { UPLOAD_FILE_FIELDS } from './document-text/upload-file.js';

/**
 * What a search document needs populated on a media entry, written once for both readers:
 * the CMS's Document Service (the sync) and its REST API (`npm run reindex`). Were they to
 * differ, `reindex --check` would report synced items as stale.
 */
export const MEDIA_DOCUMENT_POPULATE = {
  authors: true,
  themes: { fields: ['name', 'slug'] },
  territories: { fields: ['name', 'slug'] },
  // What names the cover's encodings on the site (image-key.ts), and its text alternative.
  cover: { fields: ['url', 'hash', 'size', 'width', 'height', 'alternativeText'] },
  file: { fields: UPLOAD_FILE_FIELDS },
  captions: { fields: UPLOAD_FILE_FIELDS },
} as const satisfies Populate;
