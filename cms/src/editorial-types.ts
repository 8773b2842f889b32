// The CMS's view of the public types (search/src/content-registry.ts): who may read and edit
// what, and where slugs come from. Node 22 loads the ESM registry from this CommonJS build.
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';

/** Content types readable by the public (and the site build), by UID. */
export const PUBLIC_COLLECTION_TYPES = PUBLIC_TYPE_LIST.filter(
  (type) => type.kind === 'collection',
).map((type) => type.uid);

export const PUBLIC_SINGLE_TYPES = PUBLIC_TYPE_LIST.filter((type) => type.kind === 'single').map(
  (type) => type.uid,
);

/** Every type staff edit in the admin; the Éditeur role gets full content rights on these. */
export const EDITORIAL_TYPES = PUBLIC_TYPE_LIST.map((type) => type.uid);

/** Collection types whose `slug` is derived from a source field when a client leaves it out. */
export const SLUG_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  PUBLIC_TYPE_LIST.flatMap((type) => (type.slugSource ? [[type.uid, type.slugSource]] : [])),
);
