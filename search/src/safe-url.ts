// Links from the CMS are untrusted: only web, mail and phone links survive, and a link that
// leaves the site is marked so the page can say so.

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
// Stands for the site while resolving relative links: only its origin is compared.
const SITE_ORIGIN = 'https://site.invalid';

export interface SafeLink {
  href: string;
  external: boolean;
}

/**
 * Returns a link safe to put in `href`, or null for anything else (`javascript:`, `data:`,
 * `vbscript:`, malformed URLs). Parsing follows the URL standard, as browsers do, so tricks
 * such as `java\tscript:` or `/\evil.example` are judged by what a browser would open.
 */
export function safeLink(raw: string, siteOrigin = SITE_ORIGIN): SafeLink | null {
  if (raw.trim() === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw, `${siteOrigin}/`);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(parsed.protocol)) return null;
  const web = parsed.protocol === 'http:' || parsed.protocol === 'https:';
  if (web && parsed.origin === new URL(siteOrigin).origin) {
    return { href: parsed.pathname + parsed.search + parsed.hash, external: false };
  }
  return { href: parsed.href, external: web };
}
