import type { Meilisearch } from 'meilisearch';
import { MEDIA_INDEX_UID } from './media-document.js';
import { MEDIA_INDEX_SETTINGS } from './media-index-settings.js';
import { MeiliTaskError, succeeded } from './tasks.js';

/**
 * Creates the index when missing and applies the settings as code. Idempotent: Meilisearch
 * treats unchanged settings as a no-op task. Safe to run concurrently (the CMS at start-up and
 * its first sync, a reindex): an index created meanwhile by another caller is fine.
 */
export async function ensureMediaIndex(client: Meilisearch, uid = MEDIA_INDEX_UID): Promise<void> {
  try {
    await client.getIndex(uid);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'index_not_found') throw error;
    try {
      await succeeded(client.createIndex(uid, { primaryKey: 'id' }));
    } catch (creation) {
      if (!(creation instanceof MeiliTaskError && creation.code === 'index_already_exists'))
        throw creation;
    }
  }
  await succeeded(client.index(uid).updateSettings(MEDIA_INDEX_SETTINGS));
}
