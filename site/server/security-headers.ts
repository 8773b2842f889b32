import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Browser features no page of the site uses, refused to it and to anything it embeds. The
 * video players' fullscreen and picture-in-picture are left to the iframe's `allow`.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Origins that may frame this route's pages, besides the site itself (see securityHeaders). */
    framedBy?: string[];
  }
}

/**
 * The site's response headers, on every answer. A page's own Content-Security-Policy —
 * scripts and styles by their hashes, images from the CMS, frames to the video hosts on
 * `/lecture/` pages — is in its `<meta http-equiv>` (site/src/middleware.ts): each page is a
 * file of a release and carries it. The header says what a `<meta>` cannot: who may frame
 * the page — nobody, except where a route names origins in `config.framedBy` (the drafts
 * Strapi's preview panel shows in a frame of the admin). There, no X-Frame-Options: it
 * cannot name another origin, and `frame-ancestors` overrides it wherever both are read.
 */
export async function securityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    // Set below: helmet's would need a `default-src`, which would refuse the inline
    // scripts each page's own policy allows by hash.
    contentSecurityPolicy: false,
    frameguard: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // The CMS's uploads are another origin and send no Cross-Origin-Resource-Policy.
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HTTPS only, once a browser has seen the site over TLS (the proxy's); the
    // organisation's other subdomains are not the site's to decide.
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  });
  app.addHook('onRequest', async (request, reply) => {
    const framedBy = request.routeOptions.config.framedBy;
    reply.raw.setHeader('permissions-policy', PERMISSIONS_POLICY);
    if (framedBy) {
      reply.raw.setHeader(
        'content-security-policy',
        `frame-ancestors 'self' ${framedBy.join(' ')}`,
      );
    } else {
      reply.raw.setHeader('content-security-policy', "frame-ancestors 'none'");
      reply.raw.setHeader('x-frame-options', 'DENY');
    }
  });
}
