import type { Core } from '@strapi/strapi';

/**
 * Strapi 5's REST API returns drafts to anyone allowed to `find` when asked `?status=draft`.
 * Visitors must never see drafts, so an unauthenticated request for anything but published
 * content is refused before it reaches a controller. Requests with a bearer token (the site's
 * read-only token, used for previews) go on to Strapi's own authentication.
 */
const publishedOnly: Core.MiddlewareFactory = () => async (ctx, next) => {
  if (ctx.path.startsWith('/api/') && !ctx.get('authorization')) {
    const status = ctx.query.status;
    if (status !== undefined && status !== 'published') {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: 'Invalid status: only published content is public',
          details: { key: 'status', source: 'query' },
        },
      };
      return;
    }
  }
  await next();
};

export default publishedOnly;
