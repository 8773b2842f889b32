import type { Meilisearch } from 'meilisearch';
import { MEDIA_INDEX_UID } from './media-document.js';
import { createMeiliClient } from './meili-client.js';
import { SEARCH_KEY_UID } from './search-key-value.js';
import { required } from './platform-env.js';

const SEARCH_KEY_NAME = 'dejala-media-search';

/**
 * Ensures the only key the site, the browser or a proxy ever receive: action `search` on the
 * `media` index, nothing else. Returns its value.
 */
export async function ensureSearchKey(client: Meilisearch): Promise<string> {
  try {
    const existing = await client.getKey(SEARCH_KEY_UID);
    const exact =
      existing.actions.length === 1 &&
      existing.actions[0] === 'search' &&
      existing.indexes.length === 1 &&
      existing.indexes[0] === MEDIA_INDEX_UID;
    if (exact) return existing.key;
    // Actions and indexes of a key cannot be changed: replace it.
    await client.deleteKey(SEARCH_KEY_UID);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'api_key_not_found') throw error;
  }
  const created = await client.createKey({
    uid: SEARCH_KEY_UID,
    name: SEARCH_KEY_NAME,
    description: 'Search only, index media: the key given to the site and the browser.',
    actions: ['search'],
    indexes: [MEDIA_INDEX_UID],
    expiresAt: null,
  });
  return created.key;
}

/**
 * The search-only key a server process hands out: MEILI_SEARCH_KEY when set, else ensured
 * with MEILI_MASTER_KEY (which then stays in this process).
 */
export async function searchKeyFromEnv(env: NodeJS.ProcessEnv, meiliUrl: string): Promise<string> {
  if (env.MEILI_SEARCH_KEY) return env.MEILI_SEARCH_KEY;
  const apiKey = required(env, 'MEILI_MASTER_KEY');
  return ensureSearchKey(createMeiliClient({ url: meiliUrl, apiKey }));
}
