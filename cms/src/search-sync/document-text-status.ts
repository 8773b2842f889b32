// What the CMS tells the edit view about the text the search reads from an item's file
// (`GET /dejala/document-text/:documentId`). Types only: the admin panel imports them too.

/** How reading a file ended (the search package's outcome, without the text). */
export interface DocumentTextResult {
  status:
    'indexed' | 'no-text' | 'password' | 'unreadable' | 'too-large' | 'too-complex' | 'unsupported';
  format?: 'pdf' | 'captions';
  pageCount?: number;
  /** Cues of a captions file. */
  cueCount?: number;
  /** Pages that gave text and are in the index. */
  indexedPages?: number;
  stoppedAt?: { limit: 'pages' | 'characters'; lastPage: number };
}

export interface DocumentTextStatus {
  state:
    /** The search sync is not configured (MEILI_URL unset). */
    | 'search-off'
    /** No published version yet: the file is read when it is published. */
    | 'unpublished'
    | 'no-file'
    /** A file the search does not read (an image, a recording, an office document). */
    | 'not-read'
    /** Being read. */
    | 'pending'
    /** Read, on its way into the index. */
    | 'indexing'
    | 'done';
  fileName?: string | null;
  result?: DocumentTextResult;
  /** The draft has another file than the published version: it is read once published. */
  draftFileDiffers?: boolean;
  limits: {
    maxFileBytes: number;
    maxPages: number;
    maxCharacters: number;
    timeoutMs: number;
    maxCaptionsBytes: number;
  };
}
