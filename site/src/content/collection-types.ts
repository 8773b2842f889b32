import type { z } from 'zod';
import {
  PUBLIC_TYPES,
  type CollectionName,
  type PublicType,
} from '@dejala/search/content-registry';
import { SCHEMAS } from '@dejala/search/schemas/entry-rules';

export { SCHEMAS };

/** A public type as the site reads it: the registry's entry and the schema that validates it. */
export type CmsContentType<S extends z.ZodType = z.ZodType<{ documentId: string }>> = PublicType & {
  schema: S;
};

type Schemas = typeof SCHEMAS;

/** Each public type with its schema, keyed by the site's collection name. */
export const CMS_CONTENT_TYPES = Object.fromEntries(
  Object.entries(PUBLIC_TYPES).map(([name, type]) => [
    name,
    { ...type, schema: SCHEMAS[name as CollectionName] },
  ]),
) as { [K in CollectionName]: (typeof PUBLIC_TYPES)[K] & { schema: Schemas[K] } };
