import { blocksToText } from './blocks-to-text.js';

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
  durationMinutes?: number | null;
  updatedAt?: string | null;
}

/** What the médiathèque search stores and returns for one item (id = Strapi documentId). */
export interface MediaDocument {
  id: string;
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
}

// Meilisearch indexes at most 65,535 words per attribute; bodies beyond this are cut.
const MAX_BODY_CHARACTERS = 100_000;

function publicationTimestamp(entry: MediaEntry): number | null {
  const date = entry.publicationDate ?? (entry.year ? `${entry.year}-01-01` : null);
  if (!date) return null;
  const time = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(time) ? null : time / 1000;
}

/**
 * Maps a published media *entry* from Strapi to its search *document*. Pure: the same entry
 * always gives the same document, so re-sending it is harmless.
 */
export function toMediaDocument(
  entry: MediaEntry,
  options: { mediaBaseUrl?: string } = {},
): MediaDocument {
  const year =
    entry.year ?? (entry.publicationDate ? Number(entry.publicationDate.slice(0, 4)) : null);
  const coverUrl = entry.cover?.url
    ? entry.cover.url.startsWith('/') && options.mediaBaseUrl
      ? `${options.mediaBaseUrl.replace(/\/$/, '')}${entry.cover.url}`
      : entry.cover.url
    : null;
  return {
    id: entry.documentId,
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
    coverUrl,
    coverAlt: entry.cover?.alternativeText ?? null,
    durationMinutes: entry.durationMinutes ?? null,
  };
}
