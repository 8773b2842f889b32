import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';
import { SCHEMAS, checkEntry } from '@dejala/search/schemas/entry-rules';
import { describeInvalidEntry } from '@dejala/search/site-status';

type Context = Parameters<Modules.Documents.Middleware.Middleware>[0];

/** Whether the action changes the published version (REST create/update publish by default). */
function publishes(context: Context, hasDrafts: boolean): boolean {
  const { status } = context.params as { status?: string };
  if (context.action === 'publish') return true;
  if (context.action !== 'create' && context.action !== 'update') return false;
  return !hasDrafts || status === 'published';
}

/**
 * The field of the edit form a problem belongs to: the schema's path down through components
 * (the form shows fields inside them), cut at the first other field — a rich-text field's
 * inner path (`body.3.image…`) means nothing to the form, which shows the message under `body`.
 */
function formPath(strapi: Core.Strapi, uid: UID.Schema, path: PropertyKey[]): string[] {
  const field: string[] = [];
  let model = strapi.getModel(uid);
  for (let at = 0; at < path.length; at++) {
    const attribute = model?.attributes[String(path[at])];
    if (!attribute) break;
    field.push(String(path[at]));
    if (attribute.type !== 'component') break;
    model = strapi.getModel(attribute.component);
    if (attribute.repeatable && at + 1 < path.length) field.push(String(path[++at]));
  }
  return field;
}

/**
 * Document Service middleware: a change that would publish what the site cannot render is
 * refused with a 400 naming the field in French, and rolled back. Drafts stay free.
 */
export function siteRulesMiddleware(strapi: Core.Strapi): Modules.Documents.Middleware.Middleware {
  return async (context, next) => {
    const type = PUBLIC_TYPE_LIST.find((each) => each.uid === context.uid);
    if (!type) return next();
    const hasDrafts = strapi.contentType(context.uid).options?.draftAndPublish === true;
    if (!publishes(context, hasDrafts)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documents = strapi.documents(context.uid as UID.ContentType);
      // A copy: Strapi may write into the populate object it is given.
      const populate = structuredClone(type.populate) as never;
      const documentId =
        (context.params as { documentId?: string }).documentId ??
        (result as { documentId?: string } | null)?.documentId;
      const published =
        type.kind === 'single'
          ? await documents.findFirst({ status: 'published', populate })
          : await documents.findOne({ documentId: documentId!, status: 'published', populate });
      if (!published) return result;
      const schema: Parameters<typeof checkEntry>[0] = SCHEMAS[type.collection];
      const checked = checkEntry(schema, type.name, published as Record<string, unknown>);
      if (checked.ok) return result;
      const message = checked.invalid.advice;
      const path = formPath(strapi, context.uid, checked.issue.path);
      strapi.log.info(`Publishing refused: ${describeInvalidEntry(checked.invalid)}`);
      throw new errors.ValidationError(message, {
        errors: [{ path, message, name: 'ValidationError', value: null }],
      });
    });
  };
}
