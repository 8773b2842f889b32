import type { InvalidEntry } from '@dejala/search/site-status';
import { imageKey } from '@dejala/search/image-key';
import { CMS_CONTENT_TYPES } from '../src/content/collection-types.ts';
import { imageFieldsOf, type ImageIndex } from '../src/content/content-images.ts';
import type { ContentStore } from '../src/content/content-store.ts';

const ADVICE =
  'Son fichier ne peut pas être lu comme une image (abîmé, ou d’un autre format) : le site l’omet. Remplacez-le par une photo JPEG, PNG ou WebP.';

/**
 * The entries that went live without one of their own images, because its file is no readable
 * image (the cache's 'unreadable'): what their editors are told to replace. An image the
 * cache could not get this time (the CMS did not answer) is not one: pages link to the CMS's
 * file meanwhile.
 */
export function unreadableImages(store: ContentStore, index: ImageIndex): InvalidEntry[] {
  const found: InvalidEntry[] = [];
  for (const [collection, documentId, entry] of store.entries()) {
    for (const { image, field, own } of imageFieldsOf(entry.data)) {
      if (!own || index.get(imageKey(image)) !== 'unreadable') continue;
      found.push({
        type: CMS_CONTENT_TYPES[collection].name,
        documentId,
        field,
        problem: `is not a readable image (${image.url})`,
        advice: ADVICE,
      });
    }
  }
  return found;
}
