import { blocksToText } from './blocks-to-text.js';
import type { FileText } from './document-text/document-texts.js';
import { MAX_PASSAGE_CHARACTERS } from './document-text/limits.js';
import type { TextPassage } from './document-text/outcome.js';
import type { UploadFile } from './document-text/upload-file.js';

/** The Meilisearch index holding one document per published médiathèque item. */
export const MEDIA_INDEX_UID = 'media';

/** French label of each médiathèque type, as shown to visitors. */
export const TYPE_LABELS: Record<string, string> = {
  vidéo: 'Vidéo',
  article: 'Article',
  rapport: 'Rapport',
  podcast: 'Podcast',
  photo: 'Photo',
  publication: 'Publication',
};

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
  cover?: { url: string; alternativeText?: string | null } | null;
  /** The item's document or recording. */
  file?: UploadFile | null;
  durationMinutes?: number | null;
  updatedAt?: string | null;
}

/**
 * What the médiathèque search stores and returns for one item (id = Strapi documentId).
 * The text of the item's file is stored beside it as passage documents (one per PDF page),
 * which repeat the item's fields so that any of them can stand for the item in results.
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
  coverUrl: string | null;
  coverAlt: string | null;
  durationMinutes: number | null;
  /** Public URL of the item's file (PDF, recording), for links to a page or a moment. */
  fileUrl: string | null;
  /** Cache key of the file's text ('' when the search reads no text from it). */
  textKey: string;
  /** Passages indexed for that text; null while it is being extracted. */
  passageCount: number | null;
}

/** A passage of an item's file: a PDF page (or part of a long one). */
export interface PassageDocument extends Omit<MediaDocument, 'kind' | 'body' | 'passageCount'> {
  kind: 'page';
  page: number;
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

/** An upload's public URL: relative ones (local uploads) on the CMS's public address. */
function uploadUrl(url: string | undefined, mediaBaseUrl: string | undefined): string | null {
  if (!url) return null;
  return url.startsWith('/') && mediaBaseUrl ? `${mediaBaseUrl.replace(/\/$/, '')}${url}` : url;
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

/**
 * Maps a published media *entry* from Strapi to its search *document*. Pure: the same entry
 * always gives the same document, so re-sending it is harmless.
 */
export function toMediaDocument(
  entry: MediaEntry,
  options: { mediaBaseUrl?: string; text?: FileText | null } = {},
): MediaDocument {
  const year =
    entry.year ?? (entry.publicationDate ? Number(entry.publicationDate.slice(0, 4)) : null);
  const text = options.text ?? null;
  return {
    id: entry.documentId,
    itemId: entry.documentId,
    kind: 'item',
    title: entry.title,
    slug: entry.slug,
    url: `/mediatheque/${encodeURIComponent(entry.slug)}/`,
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
    coverUrl: uploadUrl(entry.cover?.url, options.mediaBaseUrl),
    coverAlt: entry.cover?.alternativeText ?? null,
    durationMinutes: entry.durationMinutes ?? null,
    fileUrl: uploadUrl(entry.file?.url, options.mediaBaseUrl),
    textKey: text?.key ?? '',
    passageCount:
      text && 'pending' in text ? null : passageDocuments(entry.documentId, text).length,
  };
}

function passageDocuments(
  documentId: string,
  text: FileText | null,
): Array<{ id: string; page: number; text: string }> {
  return indexedPassages(text).flatMap((passage) => {
    const parts = splitPassage(passage.text);
    return parts.map((part, index) => ({
      id: `${documentId}-p${passage.page}${parts.length > 1 ? `-${index + 1}` : ''}`,
      page: passage.page ?? 1,
      text: part,
    }));
  });
}

/**
 * All search documents of a published entry: the item, then one per passage of its file's
 * text. Chunked rather than cut: the last page of a long report is searchable too.
 */
export function toSearchDocuments(
  entry: MediaEntry,
  options: { mediaBaseUrl?: string; text?: FileText | null } = {},
): SearchDocument[] {
  const item = toMediaDocument(entry, options);
  const { body: _body, passageCount: _count, ...shared } = item;
  return [
    item,
    ...passageDocuments(entry.documentId, options.text ?? null).map((passage) => ({
      ...shared,
      ...passage,
      kind: 'page' as const,
    })),
  ];
}
