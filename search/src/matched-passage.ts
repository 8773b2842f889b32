import { formatMoment } from './document-text/captions.js';
import { mediaType } from './media-types.js';
import { HIGHLIGHT_START } from './search-request.js';

/** The fields of a search hit that say where in the item the words were found. */
export interface PassageHit {
  url: string;
  title: string;
  type: string;
  kind?: 'item' | 'page' | 'cue' | 'transcript';
  page?: number | null;
  start?: number | null;
  fileUrl?: string | null;
  player?: 'file' | 'page' | null;
  _formatted?: { body?: string; text?: string };
}

/** An excerpt around the words found, and where to read, hear or see it. */
export interface MatchedPassage {
  /** Highlighted excerpt (markers U+E000/U+E001). */
  excerpt: string;
  /** A link to the page or moment; none for the item's own text, which its page shows. */
  link?: { href: string; label: string };
}

/** The link to a moment of the recording: its file (`#t=`) or its player page (`?t=`). */
function momentLink(hit: PassageHit, start: number): MatchedPassage['link'] {
  const verb = mediaType(hit.type)?.consulted === 'listened' ? 'Écouter' : 'Regarder';
  const label = `${verb} à partir de ${formatMoment(start)}`;
  if (hit.player === 'file' && hit.fileUrl) return { href: `${hit.fileUrl}#t=${start}`, label };
  if (hit.player === 'page') return { href: `${hit.url}lecture/?t=${start}`, label };
  return undefined;
}

/**
 * Where the searched words are inside an item: on a page of its PDF (an excerpt, and a link
 * that opens the PDF at that page), in its captions (a link to that moment of the
 * recording), in its transcript (a link to it on the item page), or in the editor's text.
 * Null when only the title, summary or tags matched: the result shows those.
 */
export function matchedPassage(hit: PassageHit): MatchedPassage | null {
  const text = hit._formatted?.text;
  if (text?.includes(HIGHLIGHT_START)) {
    if (hit.kind === 'page' && hit.fileUrl && hit.page) {
      return {
        excerpt: text,
        link: {
          href: `${hit.fileUrl}#page=${hit.page}`,
          label: `Ouvrir le document à la page ${hit.page}`,
        },
      };
    }
    if (hit.kind === 'cue' && typeof hit.start === 'number') {
      return { excerpt: text, link: momentLink(hit, hit.start) };
    }
    if (hit.kind === 'transcript') {
      return {
        excerpt: text,
        link: { href: `${hit.url}#transcription`, label: 'Lire la transcription' },
      };
    }
  }
  const body = hit._formatted?.body;
  return body?.includes(HIGHLIGHT_START) ? { excerpt: body } : null;
}
