import type { Core } from '@strapi/strapi';
import { refuseActiveContent } from '../uploads/refuse-active-content';

/**
 * Refuses a form that carries an SVG, HTML, XML, a script or a program (by content, whatever
 * its name), with a message in French, before any controller reads it: the media library,
 * the content API's `/api/upload`, a file replaced.
 */
export default (): Core.MiddlewareHandler => async (ctx, next) => {
  const files = (ctx.request as { files?: Record<string, unknown> }).files;
  if (files) {
    for (const field of Object.values(files))
      await refuseActiveContent(field as Parameters<typeof refuseActiveContent>[0]);
  }
  await next();
};
