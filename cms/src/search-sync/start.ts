import type { Core } from '@strapi/strapi';
import type { Meilisearch } from 'meilisearch';
import type { DocumentTexts } from '@dejala/search/document-text/document-texts';
import type { Drainer } from '@dejala/search/outbox-drainer';
import { createOutboxStore, enqueueMediaSync } from './outbox-store';
import { createPublishedMediaSource } from './published-media';

/** The running search sync: its outbox drainer, and what the editors' panel reads. */
export interface SearchSync {
  drainer: Drainer;
  client: Meilisearch;
  texts: DocumentTexts;
  stop(): Promise<void>;
}

/**
 * Starts the background sync of the médiathèque to Meilisearch (MEILI_URL, MEILI_MASTER_KEY).
 * Never blocks nor fails start-up: when Meilisearch is down, changes wait in the outbox and
 * the index settings are applied on the first successful sync.
 */
export async function startSearchSync(strapi: Core.Strapi): Promise<SearchSync | null> {
  const url = process.env.MEILI_URL;
  if (!url) {
    strapi.log.warn(
      'MEILI_URL is not set: médiathèque changes wait in the search outbox until it is.',
    );
    return null;
  }
  // The search package is ESM: load it with import() from this CommonJS build.
  const { createMeiliClient } = await import('@dejala/search/meili-client');
  const { ensureMediaIndex } = await import('@dejala/search/media-index');
  const { ensureSearchKey } = await import('@dejala/search/search-key');
  const { syncMediaDocuments } = await import('@dejala/search/sync');
  const { startDrainer } = await import('@dejala/search/outbox-drainer');
  const { createDocumentTexts } = await import('@dejala/search/document-text/document-texts');
  const { createBackgroundTexts } = await import('@dejala/search/document-text/background-texts');
  const { documentTextDir } = await import('@dejala/search/document-text/cache-dir');
  const { uploadReader } = await import('@dejala/search/document-text/read-upload');

  const client = createMeiliClient({ url, apiKey: process.env.MEILI_MASTER_KEY });
  const source = createPublishedMediaSource(strapi);
  // The index, its settings and the search-only key (which the site server is given by value,
  // without the master key), made once and shared by start-up and the syncs; tried again by
  // the next sync when Meilisearch was not reachable.
  let indexReady: Promise<void> | null = null;
  const ensureIndex = () =>
    (indexReady ??= ensureMediaIndex(client)
      .then(() => ensureSearchKey(client))
      .then(() => undefined)
      .catch((error: unknown) => {
        indexReady = null;
        throw error;
      }));
  // At start-up, without waiting.
  void ensureIndex().catch((error: Error) =>
    strapi.log.warn(`search sync: Meilisearch not ready yet: ${error.message}`),
  );
  const log = {
    info: (message: string) => strapi.log.info(message),
    warn: (message: string) => strapi.log.warn(message),
  };
  // Files' texts are read in a child process, one at a time; when one is ready, its items
  // go through the outbox again (a new change), now with their passages.
  // Stopping the CMS stops the file being read: its item stays in the outbox.
  const extractions = new AbortController();
  const texts = createDocumentTexts({
    cacheDir: documentTextDir(),
    readUpload: uploadReader({ publicDir: strapi.dirs.static.public }),
    signal: extractions.signal,
  });
  let drainer: Drainer | null = null;
  const background = createBackgroundTexts(texts, {
    onReady(documentIds) {
      enqueueMediaSync(strapi, documentIds).then(
        () => drainer?.kick(),
        (error: Error) =>
          log.warn(`search sync: could not queue extracted texts: ${error.message}`),
      );
    },
    log,
  });
  drainer = startDrainer({
    store: createOutboxStore(strapi),
    async sync(documentIds) {
      await ensureIndex();
      return syncMediaDocuments(client, source, documentIds, {
        mediaBaseUrl: process.env.CMS_PUBLIC_URL,
        text: background.text,
      });
    },
    log,
  });
  const running = drainer;
  return {
    drainer: running,
    client,
    texts,
    async stop() {
      extractions.abort();
      await background.stop();
      await running.stop();
    },
  };
}
