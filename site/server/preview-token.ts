import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a preview link made by the CMS (cms/src/preview/preview-url.ts): `token` is
 * `<expiry, Unix seconds>.<HMAC-SHA256 of "type/documentId/status/expiry" with PREVIEW_SECRET>`.
 */
export function isValidPreviewToken(
  secret: string,
  target: { type: string; documentId: string; status: string },
  token: string | null,
  now = Date.now(),
): boolean {
  const match = /^(\d{1,12})\.([0-9a-f]{64})$/.exec(token ?? '');
  if (!match) return false;
  const [, expires, signature] = match;
  if (Number(expires) * 1000 < now) return false;
  const expected = createHmac('sha256', secret)
    .update(`${target.type}/${target.documentId}/${target.status}/${expires}`)
    .digest();
  return timingSafeEqual(expected, Buffer.from(signature!, 'hex'));
}
