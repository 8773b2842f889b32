import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SLUG_SOURCES } from '../editorial-types';
import { slugify } from '../utils/slugify';

type Data = Record<string, unknown>;

const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Document Service middleware: the REST API and the Document Service do not generate `uid`
 * fields (only the admin does), so a missing slug is derived here from the title, made unique
 * with a numeric suffix. A slug that is sent but already taken by another document is refused
 * with a 400 naming the field — for drafts too, which Strapi itself does not check.
 */
export function deriveSlugMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const sourceField = SLUG_SOURCES[context.uid];
    if (!sourceField || (context.action !== 'create' && context.action !== 'update')) {
      return next();
    }
    const params = context.params as { data?: Data; documentId?: string };
    const data = params.data;
    if (!data) return next();

    const documentId = context.action === 'update' ? params.documentId : undefined;
    const slugSent = !isBlank(data.slug);
    const mustDerive = context.action === 'create' ? !slugSent : 'slug' in data && !slugSent;

    if (slugSent) {
      if (typeof data.slug !== 'string') return next();
      if (await slugTaken(strapi, context.uid, data.slug, documentId)) {
        throw slugError(`Le slug « ${data.slug} » est déjà utilisé : choisissez-en un autre.`);
      }
    } else if (mustDerive) {
      const source =
        data[sourceField] ??
        (documentId ? await currentValue(strapi, context.uid, documentId, sourceField) : undefined);
      if (typeof source !== 'string' || isBlank(source)) return next();
      data.slug = await uniqueSlug(strapi, context.uid, slugify(source), documentId);
    }
    return next();
  };
}

function slugError(message: string): errors.ValidationError {
  return new errors.ValidationError(message, {
    errors: [{ path: ['slug'], message, name: 'ValidationError', value: null }],
  });
}

async function slugTaken(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  slug: string,
  documentId: string | undefined,
): Promise<boolean> {
  const where: Record<string, unknown> = { slug };
  if (documentId) where.documentId = { $ne: documentId };
  return (await strapi.db.query(uid).count({ where })) > 0;
}

async function currentValue(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string,
  field: string,
): Promise<unknown> {
  const row = await strapi.db.query(uid).findOne({ where: { documentId }, select: [field] });
  return row?.[field];
}

async function uniqueSlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  base: string,
  documentId: string | undefined,
): Promise<string> {
  const root = base || 'sans-titre';
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? root : `${root}-${suffix}`;
    if (!(await slugTaken(strapi, uid, candidate, documentId))) return candidate;
  }
}
