import { HIGHLIGHT_START } from './search-request.js';

/** The fields of a search hit that say where in the item the words were found. */
export interface PassageHit {
  kind?: 'item' | 'page';
  page?: number | null;
  fileUrl?: string | null;
  _formatted?: { body?: string; text?: string };
}

/** An excerpt around the words found, and where to read it in the file. */
export interface MatchedPassage {
  /** Highlighted excerpt (markers U+E000/U+E001). */
  excerpt: string;
  /** A link into the file; none for the item's own text, which its page shows. */
  link?: { href: string; label: string };
}

/**
 * Where the searched words are inside an item: on a page of its file (the excerpt, and a
 * link that opens the PDF at that page) or in the editor's text (the excerpt). Null when only
 * the title, summary or tags matched: the result shows those.
 */
export function matchedPassage(hit: PassageHit): MatchedPassage | null {
  const text = hit._formatted?.text;
  if (hit.kind === 'page' && hit.fileUrl && hit.page && text?.includes(HIGHLIGHT_START)) {
    return {
      excerpt: text,
      link: {
        href: `${hit.fileUrl}#page=${hit.page}`,
        label: `Ouvrir le document à la page ${hit.page}`,
      },
    };
  }
  const body = hit._formatted?.body;
  return body?.includes(HIGHLIGHT_START) ? { excerpt: body } : null;
}
