import fs from 'node:fs/promises';
import { cuePassages, parseCaptions } from './captions.js';
import { extractPdfText, type ExtractionLimits } from './extract.js';
import { DOCUMENT_TEXT_LIMITS } from './limits.js';
import type { ExtractionOutcome } from './outcome.js';
import { createTextCache, EXTRACTOR_VERSION, textKey, type CachedText } from './text-cache.js';
import { isCaptions, isPdf, type ReadUpload, type UploadFile } from './upload-file.js';

/** The text of an item's file as the search document needs it. */
export type FileText =
  | { key: string; outcome: ExtractionOutcome; cached: boolean }
  /** Not extracted yet: being read in the background. */
  | { key: string; pending: true };

export interface DocumentTextsOptions {
  cacheDir: string;
  readUpload: ReadUpload;
  limits?: ExtractionLimits;
  /** Stops extractions under way (their requests reject; nothing is cached for them). */
  signal?: AbortSignal;
}

/**
 * Extracted texts of uploads: read from the cache, or extracted (in a child process) and
 * cached. Concurrent requests for one file share one extraction. A file that cannot be
 * fetched is reported as unreadable without being cached, so it is tried again next time.
 */
export function createDocumentTexts(options: DocumentTextsOptions) {
  const cache = createTextCache(options.cacheDir);
  const limits = options.limits ?? DOCUMENT_TEXT_LIMITS;
  // Extractions under way, by key: a second request for the same file waits for the first.
  const running = new Map<string, Promise<CachedText | ExtractionOutcome>>();
  const entryOf = (
    file: UploadFile,
    key: string,
    outcome: ExtractionOutcome,
    durationMs = 0,
  ): CachedText => ({
    key,
    extractorVersion: EXTRACTOR_VERSION,
    file: { hash: file.hash, name: file.name ?? null, size: file.size ?? null },
    extractedAt: new Date().toISOString(),
    durationMs,
    outcome,
  });

  /** A captions file's cues: small text files, parsed here within their own size limit. */
  async function readCaptions(path: string): Promise<ExtractionOutcome> {
    const { size } = await fs.stat(path);
    if (size > limits.maxCaptionsBytes) return { status: 'too-large', detail: `${size} bytes` };
    const cues = parseCaptions(await fs.readFile(path, 'utf8'));
    if (cues.length === 0) return { status: 'unreadable', detail: 'no WebVTT or SRT cue found' };
    return {
      status: 'indexed',
      format: 'captions',
      cueCount: cues.length,
      passages: cuePassages(cues),
    };
  }

  async function extract(file: UploadFile, key: string): Promise<CachedText | ExtractionOutcome> {
    const maxBytes = isCaptions(file) ? limits.maxCaptionsBytes : limits.maxFileBytes;
    // Strapi gives sizes in kB: a file known to be too large is not even fetched.
    if ((file.size ?? 0) * 1000 > maxBytes) {
      const entry = entryOf(file, key, { status: 'too-large', detail: `${file.size} kB` });
      await cache.put(entry);
      return entry;
    }
    let local;
    try {
      local = await options.readUpload(file);
    } catch (error) {
      return { status: 'unreadable', detail: `file not readable: ${(error as Error).message}` };
    }
    try {
      const startedAt = Date.now();
      const outcome = isCaptions(file)
        ? await readCaptions(local.path)
        : await extractPdfText(local.path, limits, options.signal);
      const entry = entryOf(file, key, outcome, Date.now() - startedAt);
      await cache.put(entry);
      return entry;
    } finally {
      await local.release();
    }
  }

  return {
    /** The cache key of a file the search reads (PDF, captions), or null for other files. */
    keyOf(file: UploadFile | null | undefined): string | null {
      return file && (isPdf(file) || isCaptions(file)) ? textKey(file) : null;
    },
    /** The cached text of a file, or null when it has not been extracted. */
    lookup(key: string): Promise<CachedText | null> {
      return cache.get(key);
    },
    /** The file's text: from the cache, or extracted now. */
    async read(file: UploadFile): Promise<FileText | null> {
      const key = this.keyOf(file);
      if (!key) return null;
      const cached = await cache.get(key);
      if (cached) return { key, outcome: cached.outcome, cached: true };
      let job = running.get(key);
      if (!job) {
        job = extract(file, key).finally(() => running.delete(key));
        running.set(key, job);
      }
      const result = await job;
      return 'outcome' in result
        ? { key, outcome: result.outcome, cached: false }
        : { key, outcome: result, cached: false };
    },
  };
}

export type DocumentTexts = ReturnType<typeof createDocumentTexts>;
