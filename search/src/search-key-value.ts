// No imports but node:crypto: `npm run setup` loads this file directly, without dependencies.
import { createHmac } from 'node:crypto';

/**
 * Fixed uid of the search-only key: Meilisearch derives a key's value from its uid and the
 * master key, so the value stays the same across restarts and reinstalls of the index.
 */
export const SEARCH_KEY_UID = '5f0c8a7e-3d1b-4c2a-9e6f-2b7d4a1c8e90';

/**
 * The search-only key's value for a master key, as Meilisearch derives it (HMAC-SHA256 of the
 * uid). Lets the operator hand the site server this key without the master key.
 */
export function searchKeyValue(masterKey: string): string {
  return createHmac('sha256', masterKey).update(SEARCH_KEY_UID).digest('hex');
}
