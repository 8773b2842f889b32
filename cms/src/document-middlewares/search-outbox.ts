import type { Core, Modules, UID } from '@strapi/strapi';
import { enqueueMediaSync } from '../search-sync/outbox-store';

const MEDIA = 'api::media-item.media-item';
const TAXONOMIES: Record<string, 'themes' | 'territories'> = {
  'api::theme.theme': 'themes',
  'api::territory.territory': 'territories',
};

type Context = Parameters<Modules.Documents.Middleware.Middleware>[0];

/** Whether an action on a media item can change what the public (and so the index) sees. */
function changesPublishedMedia(context: Context): boolean {
  const params = context.params as { status?: string };
  switch (context.action) {
    case 'publish':
    case 'unpublish':
    case 'discardDraft':
    case 'delete':
      return true;
    case 'create':
    case 'update':
      // REST create/update publish by default; a draft save leaves the index alone.
      return params.status === 'published';
    default:
      return false;
  }
}

/** documentIds of media items (draft or published) that carry a theme or territory. */
async function mediaCarrying(
  strapi: Core.Strapi,
  relation: string,
  documentId: string,
): Promise<string[]> {
  const rows: Array<{ documentId: string }> = await strapi.db
    .query(MEDIA)
    .findMany({ where: { [relation]: { documentId } }, select: ['documentId'] });
  return rows.map((row) => row.documentId);
}

/**
 * Document Service middleware: writes an outbox row in the same transaction as every change
 * that can alter the published médiathèque — publish, unpublish, discard, delete, published
 * create/update, and renaming or deleting a theme or territory that items carry. The search
 * sync drains the outbox in the background: publishing never waits on Meilisearch.
 */
export function searchOutboxMiddleware(
  strapi: Core.Strapi,
  onCommitted: () => void,
): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const relation = TAXONOMIES[context.uid];
    const isMedia = context.uid === (MEDIA as UID.ContentType) && changesPublishedMedia(context);
    const isTaxonomy =
      relation !== undefined && (context.action === 'update' || context.action === 'delete');
    if (!isMedia && !isTaxonomy) return next();

    return strapi.db.transaction(async ({ onCommit }) => {
      const params = context.params as { documentId?: string };
      // Read before the change: deleting a theme removes its links.
      const carriers =
        isTaxonomy && params.documentId
          ? await mediaCarrying(strapi, relation, params.documentId)
          : [];
      const result = await next();
      const changed = isMedia
        ? [params.documentId ?? (result as { documentId?: string } | null)?.documentId]
        : carriers;
      const documentIds = changed.filter((id): id is string => typeof id === 'string');
      if (documentIds.length > 0) {
        await enqueueMediaSync(strapi, documentIds);
        onCommit(onCommitted);
      }
      return result;
    });
  };
}
