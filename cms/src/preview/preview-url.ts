import { createHmac } from 'node:crypto';
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';

/** Content types with a page of their own, by UID: their API id is the preview link's segment. */
const PREVIEW_TYPES: Record<string, string> = Object.fromEntries(
  PUBLIC_TYPE_LIST.filter((type) => type.path).map((type) => [type.uid, type.name]),
);

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
