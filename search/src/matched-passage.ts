import { HIGHLIGHT_START } from './search-request.js';

/** The fields of a search hit that say where in the item the words were found. */
export interface PassageHit {
  url: string;
  kind?: 'item' | 'page';
  page?: number | null;
  fileUrl?: string | null;
  _formatted?: { body?: string; text?: string };
}

/** An excerpt around the words found, and where to read it in full. */
export interface MatchedPassage {
  /** Highlighted excerpt (markers U+E000/U+E001). */
  excerpt: string;
  href: string;
  /** Link text, in French. */
  label: string;
}

/**
 * Where the searched words are inside an item: on a page of its file (the excerpt, and a
 * link that opens the PDF at that page) or in the editor's text (the excerpt, and the item
 * page). Null when only the title, summary or tags matched: the result shows those.
 */
export function matchedPassage(hit: PassageHit): MatchedPassage | null {
  const text = hit._formatted?.text;
  if (hit.kind === 'page' && hit.fileUrl && hit.page && text?.includes(HIGHLIGHT_START)) {
    return {
      excerpt: text,
      href: `${hit.fileUrl}#page=${hit.page}`,
      label: `Ouvrir le document à la page ${hit.page}`,
    };
  }
  const body = hit._formatted?.body;
  if (body?.includes(HIGHLIGHT_START)) {
    return { excerpt: body, href: hit.url, label: 'Lire la ressource' };
  }
  return null;
}
