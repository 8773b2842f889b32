import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PREVIEW_TOKEN_NAME } from '../bootstrap/site-tokens';

type Context = Parameters<Modules.Documents.Middleware.Middleware>[0];

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);
// Parameters that select drafts, or reveal whether a published entry has one.
const DRAFT_PARAMETERS = ['publicationFilter', 'hasPublishedVersion'] as const;
// Strapi's names for the API-token strategy (renamed in 5.x; an unknown name fails closed).
const API_TOKEN_STRATEGIES = new Set(['api-token', 'content-api-token']);

interface RequestAuth {
  strategy?: { name?: string };
  credentials?: { name?: unknown; type?: unknown } | null;
}

/**
 * Who may read drafts through the REST API: the site server's preview token, and full-access
 * tokens (staff tooling, which can already create, edit and publish every entry). Decided on
 * the caller Strapi authenticated — never on what the request merely carries.
 */
export function mayReadDrafts(auth: RequestAuth | undefined): boolean {
  if (!auth?.strategy?.name || !API_TOKEN_STRATEGIES.has(auth.strategy.name)) return false;
  const token = auth.credentials;
  return token?.name === PREVIEW_TOKEN_NAME || token?.type === 'full-access';
}

function refuse(param: string): never {
  throw new errors.ValidationError(`Invalid ${param}: only published content is public`, {
    key: param,
    source: 'query',
  });
}

/**
 * Document Service middleware: a REST read (GET on a Content API route) by anyone but a draft
 * reader sees published content only. It runs after Strapi's authentication and whatever the
 * path's spelling, because it sits below the router, on every read the request makes —
 * `populate` and `count` included. Asking for drafts is refused with a 400 naming the
 * parameter; without asking, the status is forced to published.
 */
export function publishedOnlyMiddleware(
  strapi: Core.Strapi,
): Modules.Documents.Middleware.Middleware {
  return async (context: Context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const request = strapi.requestContext.get();
    if (!request) return next(); // not inside an HTTP request: the CMS's own code
    const route = request.state?.route as { info?: { type?: string } } | undefined;
    const isRestRead =
      route?.info?.type === 'content-api' &&
      (request.method === 'GET' || request.method === 'HEAD');
    if (!isRestRead || mayReadDrafts(request.state.auth as RequestAuth | undefined)) return next();

    const params = context.params as Record<string, unknown>;
    if (params.status !== undefined && params.status !== 'published') refuse('status');
    for (const param of DRAFT_PARAMETERS) if (params[param] !== undefined) refuse(param);
    params.status = 'published';
    return next();
  };
}
