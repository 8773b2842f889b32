import { createHmac } from 'node:crypto';

/** Content types with a page of their own, by their site server preview segment. */
const PREVIEW_TYPES: Record<string, string> = {
  'api::offer.offer': 'offer',
  'api::training.training': 'training',
  'api::media-item.media-item': 'media-item',
  'api::case-study.case-study': 'case-study',
  'api::page.page': 'page',
};

// A preview link works for an hour: long enough to review, short enough if it is passed on.
const LIFETIME_SECONDS = 3600;

/**
 * The site server's preview address of an entry, signed with PREVIEW_SECRET (the site server
 * checks the signature and the expiry: site/server/preview-token.ts). The secret itself
 * never leaves the servers. Null for types without a page, or when previews are not set up.
 */
export function previewUrl(
  uid: string,
  params: { documentId: string; status?: string | null },
  settings: { siteUrl?: string; secret?: string; now?: number },
): string | null {
  const type = PREVIEW_TYPES[uid];
  if (!type || !settings.siteUrl || !settings.secret) return null;
  const status = params.status === 'published' ? 'published' : 'draft';
  const expires = Math.floor((settings.now ?? Date.now()) / 1000) + LIFETIME_SECONDS;
  const signature = createHmac('sha256', settings.secret)
    .update(`${type}/${params.documentId}/${status}/${expires}`)
    .digest('hex');
  const url = new URL(
    `/preview/${type}/${encodeURIComponent(params.documentId)}/`,
    settings.siteUrl,
  );
  url.searchParams.set('status', status);
  url.searchParams.set('token', `${expires}.${signature}`);
  return url.href;
}
