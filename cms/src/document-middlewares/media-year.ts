import type { Modules } from '@strapi/strapi';

/**
 * Keeps a médiathèque item's `year` (used by the search facet) consistent with its exact
 * publication date whenever an editor gives one.
 */
export const mediaYearMiddleware: Modules.Documents.Middleware.Middleware = async (
  context,
  next,
) => {
  if (
    context.uid === 'api::media-item.media-item' &&
    (context.action === 'create' || context.action === 'update')
  ) {
    const data = (context.params as { data?: Record<string, unknown> }).data;
    const date = data?.publicationDate;
    if (data && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(date)) {
      data.year = Number(date.slice(0, 4));
    }
  }
  return next();
};
