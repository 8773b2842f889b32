import type { z } from 'zod';
import {
  PUBLIC_TYPES,
  type CollectionName,
  type PublicType,
} from '@dejala/search/content-registry';
import { caseStudy } from '@dejala/search/schemas/case-study';
import { global } from '@dejala/search/schemas/global';
import { homePage } from '@dejala/search/schemas/home-page';
import { mediaItem } from '@dejala/search/schemas/media-item';
import { offer } from '@dejala/search/schemas/offer';
import { page } from '@dejala/search/schemas/page';
import { territory, theme } from '@dejala/search/schemas/taxonomy';
import { training } from '@dejala/search/schemas/training';

/** How the site validates each public type (search/src/content-registry.ts lists them). */
export const SCHEMAS = {
  offers: offer,
  trainings: training,
  mediaItems: mediaItem,
  caseStudies: caseStudy,
  pages: page,
  themes: theme,
  territories: territory,
  homePage,
  global,
} satisfies Record<CollectionName, z.ZodType<{ documentId: string }>>;

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
