/**
 * Limits of document text extraction, chosen for the médiathèque's real documents (reports
 * of a few hundred pages) on a 2-core server. Past them the editor is told which one applied
 * (see outcome-messages.ts); nothing is cut silently.
 */
export const DOCUMENT_TEXT_LIMITS = {
  /** Larger files are not read at all ("trop volumineux"). */
  maxFileBytes: 100 * 1024 * 1024,
  /** Pages read from one PDF; the rest are reported as not indexed. */
  maxPages: 2_000,
  /** Characters kept from one document (≈ 500,000 words, far more than a 400-page report). */
  maxCharacters: 4_000_000,
  /** Wall-clock time of one extraction, in a child process killed past it. */
  timeoutMs: 120_000,
  /** V8 heap of the extraction child process. */
  heapMegabytes: 1024,
  /** Captions files (WebVTT, SRT) larger than this are not read. */
  maxCaptionsBytes: 5 * 1024 * 1024,
} as const;

/**
 * Characters per indexed passage. Meilisearch ignores words past position 65,535 of one
 * attribute of one document: passages stay far below it (≈ 3,000 words), and a longer page
 * becomes several passages with the same page number.
 */
export const MAX_PASSAGE_CHARACTERS = 20_000;
