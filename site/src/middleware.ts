import { VIDEO_PLAYER_ORIGINS } from '@dejala/search/video-embed';
import { defineMiddleware } from 'astro:middleware';

const PLAYER_PAGE = /^\/mediatheque\/[^/]+\/lecture\/$/;
const CHARSET = /<meta charset="utf-8"\s*\/?>/i;

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/**
 * The page's Content-Security-Policy (Astro's `security.csp`: its scripts and styles by
 * hash), completed with what this page loads from elsewhere — uploads from the CMS, the
 * video player on a `/lecture/` page — and moved from the response's header into a `<meta>`
 * at the top of the page: pages become files of a release, and carry their policy with them.
 * The site server's header adds what a `<meta>` cannot (site/server/security-headers.ts).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  // None under `astro dev`: Astro's CSP works on builds only.
  const astroPolicy = response.headers.get('content-security-policy');
  if (!astroPolicy || !response.headers.get('content-type')?.startsWith('text/html'))
    return response;
  // Directives Astro's own policy does not set (it sets `default-src` and the like from the
  // config, and `script-src`/`style-src`).
  const added: string[] = [];
  const uploads = context.locals.content?.uploadsOrigin;
  added.push(`img-src 'self'${uploads ? ` ${uploads}` : ''}`);
  added.push(`media-src 'self'${uploads ? ` ${uploads}` : ''}`);
  if (PLAYER_PAGE.test(context.url.pathname))
    added.push(`frame-src ${VIDEO_PLAYER_ORIGINS.join(' ')}`);
  const policy = `${astroPolicy.trim().replace(/;?$/, ';')} ${added.join('; ')};`;
  const html = await response.text();
  const meta = `<meta http-equiv="content-security-policy" content="${escapeAttribute(policy)}">`;
  const placed = CHARSET.test(html)
    ? html.replace(CHARSET, (charset) => `${charset}${meta}`)
    : html.replace('<head>', `<head>${meta}`);
  const headers = new Headers(response.headers);
  headers.delete('content-security-policy');
  headers.delete('content-length');
  return new Response(placed, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
});
