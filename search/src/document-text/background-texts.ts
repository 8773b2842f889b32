import { textFileOf, type MediaEntry } from '../media-document.js';
import type { DocumentTexts, FileText } from './document-texts.js';

export interface BackgroundTextsOptions {
  /** Called when the texts of these items are cached: sync them again. */
  onReady(documentIds: string[]): void;
  log?: { info(message: string): void; warn(message: string): void };
}

/**
 * The file texts of the CMS's background sync: a cached text is given at once; a missing one
 * is extracted in the background, one file at a time, and the item is reported pending so
 * that its fields are indexed now and its passages once the text is ready. A slow or
 * hostile file never holds up other items' sync.
 */
export function createBackgroundTexts(texts: DocumentTexts, options: BackgroundTextsOptions) {
  const queue: Array<{ key: string; entry: MediaEntry }> = [];
  const waiting = new Map<string, Set<string>>();
  let running: Promise<void> | null = null;
  let stopped = false;

  async function work(): Promise<void> {
    while (queue.length > 0 && !stopped) {
      const { key, entry } = queue.shift()!;
      const file = textFileOf(entry)!;
      const startedAt = Date.now();
      try {
        const text = await texts.read(file);
        const status = text && 'outcome' in text ? text.outcome.status : 'none';
        options.log?.info(
          `document text: ${file.name ?? file.hash} read in ${Date.now() - startedAt} ms (${status})`,
        );
      } catch (error) {
        options.log?.warn(`document text: ${file.hash}: ${(error as Error).message}`);
      }
      const documentIds = [...(waiting.get(key) ?? [])];
      waiting.delete(key);
      // Stopping: the outbox still holds these items, read again after the restart.
      if (documentIds.length > 0 && !stopped) options.onReady(documentIds);
    }
  }

  return {
    async text(entry: MediaEntry): Promise<FileText | null> {
      const key = texts.keyOf(textFileOf(entry));
      if (!key) return null;
      const cached = await texts.lookup(key);
      if (cached) return { key, outcome: cached.outcome, cached: true };
      if (!waiting.has(key)) {
        waiting.set(key, new Set());
        queue.push({ key, entry });
      }
      waiting.get(key)!.add(entry.documentId);
      running ??= work().finally(() => {
        running = null;
      });
      return { key, pending: true };
    },
    /** Takes no new file; resolves once the one being read is done (or stopped). */
    async stop(): Promise<void> {
      stopped = true;
      await running;
    },
  };
}
