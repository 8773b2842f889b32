import { blocksToText } from './blocks-to-text.js';
import type { FileText } from './document-text/document-texts.js';
import { MAX_PASSAGE_CHARACTERS } from './document-text/limits.js';
import type { TextPassage } from './document-text/outcome.js';
import { isAudioOrVideo, type UploadFile } from './document-text/upload-file.js';
import { imageKey, type ImageFile } from './image-key.js';
import { TYPE_LABELS } from './media-types.js';
import { mediaItemPath, uploadUrl } from './site-urls.js';
import { videoEmbed } from './video-embed.js';

/** The Meilisearch index of the published médiathèque: each item, and its passages. */
export const MEDIA_INDEX_UID = 'media';

/** A published media item as the CMS gives it (populated relations and components). */
export interface MediaEntry {
  documentId: string;
  title: string;
  slug: string;
  type: string;
  summary?: string | null;
  body?: unknown;
  year?: number | null;
  publicationDate?: string | null;
  authors?: Array<{ name: string; affiliation?: string | null }> | null;
  themes?: Array<{ name: string; slug: string }> | null;
  territories?: Array<{ name: string; slug: string }> | null;
  cover?: (ImageFile & { alternativeText?: string | null }) | null;
  /** The item's document or recording. */
  file?: UploadFile | null;
  /** Captions of the recording (WebVTT or SRT). */
  captions?: UploadFile | null;
  /** The recording's transcript, typed by editors (Strapi blocks). */
  transcript?: unknown;
  externalUrl?: string | null;
  durationMinutes?: number | null;
  updatedAt?: string | null;
}

/**
 * What the médiathèque search stores and returns for one item (id = Strapi documentId).
 * The text of the item's file and transcript is stored beside it as passage documents (one
 * per PDF page or caption cue), which repeat the item's fields so that any of them can
 * stand for the item in results.
 */
export interface MediaDocument {
  id: string;
  /** The item's documentId, on the item and on its passages: results show one hit per item. */
  itemId: string;
  kind: 'item';
  title: string;
  slug: string;
  url: string;
  type: string;
  typeLabel: string;
  summary: string;
  body: string;
  authors: string[];
  themes: string[];
  themeSlugs: string[];
  territories: string[];
  territorySlugs: string[];
  year: number | null;
  /** Publication date as a Unix timestamp (seconds), for sorting; the year's start when only the year is known. */
  publishedAt: number | null;
  /** The cover's encodings on the site (`/_images/<coverKey>/…`: image-key.ts). */
  coverKey: string | null;
  coverAlt: string | null;
  durationMinutes: number | null;
  /** Public URL of the item's file (PDF, recording), for links to a page or a moment. */
  fileUrl: string | null;
  /** Where a moment of the recording plays: its file, its `/lecture/` page, or nowhere. */
  player: 'file' | 'page' | null;
  /** Cache key of the file's text ('' when the search reads no text from it). */
  textKey: string;
  /** Passages indexed for that text; null while it is being extracted. */
  passageCount: number | null;
}

/** The kinds of passages: a PDF page, a captions cue, a part of the typed transcript. */
export const PASSAGE_KINDS = ['page', 'cue', 'transcript'] as const;

/**
 * A passage of an item: a PDF page (or part of a long one), a group of captions cues, or a
 * part of the transcript typed by editors.
 */
export interface PassageDocument extends Omit<MediaDocument, 'kind' | 'body' | 'passageCount'> {
  kind: (typeof PASSAGE_KINDS)[number];
  /** The PDF page, for a page. */
  page: number | null;
  /** Start of the first cue in seconds, for cues. */
  start: number | null;
  text: string;
}

export type SearchDocument = MediaDocument | PassageDocument;

// Meilisearch indexes at most 65,535 words per attribute; editors' bodies stay far below this.
const MAX_BODY_CHARACTERS = 100_000;

function publicationTimestamp(entry: MediaEntry): number | null {
  const date = entry.publicationDate ?? (entry.year ? `${entry.year}-01-01` : null);
  if (!date) return null;
  const time = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? null : time / 1000;
}

/** An upload's public URL: relative ones (local uploads) on the CMS's public address, when set. */
function publicUploadUrl(url: string | undefined, mediaBaseUrl: string | undefined): string | null {
  if (!url) return null;
  return mediaBaseUrl ? uploadUrl(url, mediaBaseUrl) : url;
}

/** A passage longer than a search document should hold, cut at spaces into several. */
export function splitPassage(text: string, maxCharacters = MAX_PASSAGE_CHARACTERS): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxCharacters) {
    const space = rest.lastIndexOf(' ', maxCharacters);
    const cut = space > maxCharacters / 2 ? space : maxCharacters;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Passages of a file's text that are indexed (none while it is pending or unreadable). */
function indexedPassages(text: FileText | null): TextPassage[] {
  if (!text || 'pending' in text || text.outcome.status !== 'indexed') return [];
  return text.outcome.passages;
}

/** A short fingerprint of a text (FNV-1a, 52 bits): tells an edited transcript apart. */
function fingerprint(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xfffffffffffffn;
  }
  return hash.toString(36);
}

/** The file whose text the search reads: the captions of a recording, else the file itself. */
export function textFileOf(entry: MediaEntry): UploadFile | null {
  return entry.captions ?? entry.file ?? null;
}

/** How a moment of the recording opens: the file itself (`#t=`) or the player page (`?t=`). */
function playerOf(entry: MediaEntry): MediaDocument['player'] {
  if (isAudioOrVideo(entry.file)) return 'file';
  return entry.externalUrl && videoEmbed(entry.externalUrl) ? 'page' : null;
}

type PassageFields = Pick<PassageDocument, 'id' | 'kind' | 'page' | 'start' | 'text'>;

/**
 * The passages of an entry: each page of its PDF (or part of a long one), each group of
 * captions cues (with its start time), and the parts of the transcript typed by editors.
 */
function passagesOf(id: string, text: FileText | null, transcriptText: string): PassageFields[] {
  const fromFile = indexedPassages(text).flatMap((passage) => {
    const parts = splitPassage(passage.text);
    const where = passage.start !== undefined ? `t${passage.start}` : `p${passage.page ?? 1}`;
    return parts.map((part, index) => ({
      id: `${id}-${where}${parts.length > 1 ? `-${index + 1}` : ''}`,
      kind: passage.start !== undefined ? ('cue' as const) : ('page' as const),
      page: passage.start !== undefined ? null : (passage.page ?? 1),
      start: passage.start ?? null,
      text: part,
    }));
  });
  const transcript = splitPassage(transcriptText).map((part, index) => ({
    id: `${id}-x${index + 1}`,
    kind: 'transcript' as const,
    page: null,
    start: null,
    text: part,
  }));
  return [...fromFile, ...transcript];
}

/** The item's document and its passages, each text read and split once. */
function itemAndPassages(
  entry: MediaEntry,
  options: { mediaBaseUrl?: string; text?: FileText | null },
): { item: MediaDocument; passages: PassageFields[] } {
  const year =
    entry.year ?? (entry.publicationDate ? Number(entry.publicationDate.slice(0, 4)) : null);
  const text = options.text ?? null;
  const transcript = blocksToText(entry.transcript);
  const passages = passagesOf(entry.documentId, text, transcript);
  const item: MediaDocument = {
    id: entry.documentId,
    itemId: entry.documentId,
    kind: 'item',
    title: entry.title,
    slug: entry.slug,
    url: mediaItemPath(entry.slug),
    type: entry.type,
    typeLabel: TYPE_LABELS[entry.type] ?? entry.type,
    summary: entry.summary ?? '',
    body: blocksToText(entry.body).slice(0, MAX_BODY_CHARACTERS),
    authors: (entry.authors ?? []).map((author) => author.name),
    themes: (entry.themes ?? []).map((theme) => theme.name),
    themeSlugs: (entry.themes ?? []).map((theme) => theme.slug),
    territories: (entry.territories ?? []).map((territory) => territory.name),
    territorySlugs: (entry.territories ?? []).map((territory) => territory.slug),
    year: Number.isInteger(year) ? year : null,
    publishedAt: publicationTimestamp(entry),
    coverKey: entry.cover ? imageKey(entry.cover) : null,
    coverAlt: entry.cover?.alternativeText ?? null,
    durationMinutes: entry.durationMinutes ?? null,
    fileUrl: publicUploadUrl(entry.file?.url, options.mediaBaseUrl),
    player: playerOf(entry),
    textKey: [text?.key, transcript && `x${fingerprint(transcript)}`].filter(Boolean).join('-'),
    passageCount: text && 'pending' in text ? null : passages.length,
  };
  return { item, passages };
}

/**
 * Maps a published media *entry* from Strapi to its search *document*. Pure: the same entry
 * always gives the same document, so re-sending it is harmless.
 */
export function toMediaDocument(
  entry: MediaEntry,
  options: { mediaBaseUrl?: string; text?: FileText | null } = {},
): MediaDocument {
  return itemAndPassages(entry, options).item;
}

/**
 * All search documents of a published entry: the item, then one per passage of its file's
 * text and of its transcript. Chunked rather than cut: the last page of a long report is
 * searchable too.
 */
export function toSearchDocuments(
  entry: MediaEntry,
  options: { mediaBaseUrl?: string; text?: FileText | null } = {},
): SearchDocument[] {
  const { item, passages } = itemAndPassages(entry, options);
  const { body: _body, passageCount: _count, ...shared } = item;
  return [item, ...passages.map((passage) => ({ ...shared, ...passage }))];
}
