// Command line of the search side: `npm run reindex [-- --check]` and `setup`.
// Reads the CMS over its REST API with SITE_API_TOKEN (the site-build token: published items
// only) and administers Meilisearch with MEILI_MASTER_KEY. Variables come from the
// environment: the root npm scripts load the repository's .env into it (scripts/with-env.ts).
import { parseArgs } from 'node:util';
import type { Meilisearch } from 'meilisearch';
import { cmsConnectionFromEnv, type CmsConnection } from './cms/cms-connection.js';
import { cmsMediaSource, fetchAllPublishedMedia } from './cms-media-source.js';
import { documentTextDir } from './document-text/cache-dir.js';
import { createDocumentTexts, type DocumentTexts } from './document-text/document-texts.js';
import { uploadReader } from './document-text/read-upload.js';
import { findDrift, hasDrift, type Drift } from './drift.js';
import { createMeiliClient, meiliUrlFromEnv } from './meili-client.js';
import { textFileOf } from './media-document.js';
import { ensureMediaIndex } from './media-index.js';
import { required } from './platform-env.js';
import { reindexMedia } from './reindex.js';
import { ensureSearchKey } from './search-key.js';
import { syncMediaDocuments, type EntryText } from './sync.js';

const USAGE = `Usage:
  npm run reindex               rebuild the index "media" from the CMS, then swap it in atomically
  npm run reindex -- --check    compare index and CMS; list missing, extra and stale documents
  npm run search-setup          apply the index settings and print the search-only key`;

function connect(): { client: Meilisearch; cms: CmsConnection } {
  const client = createMeiliClient({
    url: meiliUrlFromEnv(process.env),
    apiKey: required(process.env, 'MEILI_MASTER_KEY'),
  });
  return { client, cms: cmsConnectionFromEnv(process.env) };
}

const progress = (label: string) => {
  let last = 0;
  return (done: number, total: number) => {
    if (done === total || Date.now() - last > 1000) {
      last = Date.now();
      console.error(`reindex: ${label} ${done}/${total}`);
    }
  };
};

/** Each file's text from the cache, extracted now when missing (with a line per slow file). */
function readTexts(texts: DocumentTexts): EntryText {
  return async (entry) => {
    const startedAt = Date.now();
    const file = textFileOf(entry);
    const text = file ? await texts.read(file) : null;
    if (text && 'cached' in text && !text.cached && Date.now() - startedAt > 2000) {
      console.error(
        `reindex: read ${file?.name ?? entry.documentId} in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${text.outcome.status})`,
      );
    }
    return text;
  };
}

/** Each file's text from the cache only: `--check` reads no file. */
function cachedTexts(texts: DocumentTexts): EntryText {
  return async (entry) => {
    const key = texts.keyOf(textFileOf(entry));
    if (!key) return null;
    const cached = await texts.lookup(key);
    return cached ? { key, outcome: cached.outcome, cached: true } : { key, pending: true };
  };
}

function printDrift(drift: Drift): void {
  for (const [kind, ids] of Object.entries(drift)) {
    console.log(
      `${kind}: ${ids.length}${ids.length ? ` — ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ', …' : ''}` : ''}`,
    );
  }
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command || !['reindex', 'setup'].includes(command)) {
    console.error(`search: unknown command "${command ?? ''}": reindex or setup (--help)`);
    return 2;
  }
  const { client, cms } = connect();
  const mediaBaseUrl = process.env.CMS_PUBLIC_URL || undefined;

  if (command === 'setup') {
    await ensureMediaIndex(client);
    console.log(`search-only key (index media, action search): ${await ensureSearchKey(client)}`);
    return 0;
  }

  const startedAt = Date.now();
  const entries = await fetchAllPublishedMedia(cms, progress('reading CMS pages'));
  console.error(`reindex: ${entries.length} published items read from ${cms.url}`);
  const texts = createDocumentTexts({
    cacheDir: documentTextDir(),
    readUpload: uploadReader({ baseUrl: cms.url }),
  });
  if (values.check) {
    const drift = await findDrift(client, entries, { mediaBaseUrl, text: cachedTexts(texts) });
    printDrift(drift);
    console.error(
      hasDrift(drift) ? 'reindex: the index differs from the CMS' : 'reindex: index and CMS agree',
    );
    return hasDrift(drift) ? 1 : 0;
  }
  const text = readTexts(texts);
  const result = await reindexMedia(client, entries, {
    mediaBaseUrl,
    text,
    onProgress: progress('indexing items'),
  });
  // Changes published while the new index was built went to the old one: bring them over.
  const drift = await findDrift(client, await fetchAllPublishedMedia(cms), { mediaBaseUrl, text });
  const changed = [...drift.missing, ...drift.extra, ...drift.stale];
  if (changed.length > 0)
    await syncMediaDocuments(client, cmsMediaSource(cms), changed, { mediaBaseUrl, text });
  console.error(
    `reindex: ${result.items} items (${result.documents} search documents) swapped into "${result.indexUid}" in ${((Date.now() - startedAt) / 1000).toFixed(1)} s` +
      (changed.length ? `, ${changed.length} changed meanwhile and synced` : ''),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // One line: Node's parseArgs explains some mistakes over several.
    console.error(`reindex: failed: ${message.replace(/\s*\n\s*/g, ' ')}`);
    process.exit(1);
  },
);
