import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import type { CollectionName } from '@dejala/search/content-registry';
import { CMS_CONTENT_TYPES, SCHEMAS } from './loaders/collection-types';
import { strapiLoader } from './loaders/strapi';

// One collection per public type of the registry; the loader validates each entry with its schema.
type Collections = {
  [K in CollectionName]: { loader: Loader; schema: (typeof SCHEMAS)[K] };
};

export const collections = Object.fromEntries(
  Object.entries(CMS_CONTENT_TYPES).map(([name, type]) => [
    name,
    // The schemas are built with the shared package's zod, another copy of Astro's major
    // version: they work as they are, but their types differ in the minor version.
    // `Collections` states each collection's schema type.
    defineCollection({ loader: strapiLoader(type), schema: type.schema as never }),
  ]),
) as unknown as Collections;
