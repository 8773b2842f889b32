import { fileURLToPath } from 'node:url';

/**
 * Where extracted texts are cached: DOCUMENT_TEXT_DIR, or `cms/.cache/document-text` of the
 * repository (this file sits two folders below `search/`, compiled or not).
 */
export function documentTextDir(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.DOCUMENT_TEXT_DIR ||
    fileURLToPath(new URL('../../../cms/.cache/document-text', import.meta.url))
  );
}
