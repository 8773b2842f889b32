/** A piece of a document's text, with where it is: a PDF page, or a moment of a recording. */
export interface TextPassage {
  text: string;
  /** PDF page number (from 1). */
  page?: number;
  /** Start of a transcript cue, in seconds. */
  start?: number;
}

/** Why a file's text is not (entirely) in the index; each has its French explanation for editors. */
export type ExtractionFailure =
  'password' | 'unreadable' | 'too-large' | 'too-complex' | 'unsupported';

/** What reading one file gave: the passages to index, or why there are none. */
export type ExtractionOutcome =
  | {
      status: 'indexed';
      format: 'pdf' | 'captions';
      /** Pages of the PDF (all of them, read or not). */
      pageCount?: number;
      /** Cues of the captions file. */
      cueCount?: number;
      passages: TextPassage[];
      /** Reading stopped at a limit: the passages cover the document up to `lastPage`. */
      stoppedAt?: { limit: 'pages' | 'characters'; lastPage: number };
    }
  /** A PDF whose pages have no text layer (a scan). */
  | { status: 'no-text'; pageCount?: number }
  | { status: ExtractionFailure; detail?: string };
