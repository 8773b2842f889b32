// Every content type the public site shows, once. The site's collections, its loader, the site
// server's published-state check and its previews, and the CMS's public permissions, editor
// rights, slugs and preview links all derive from this list. Adding a public type: its CMS
// schema, an entry here, its zod schema (search/src/schemas/) and its view (site/src/views/);
// the registry test in site/tests/integration/site-server.test.ts fails while a route, the
// sitemap, the published-state check or the preview misses it.
import type { Populate } from './cms/populate.js';
import {
  caseStudyPath,
  freePagePath,
  mediaItemPath,
  offerPath,
  trainingPath,
} from './site-urls.js';

export interface PublicType {
  /** Strapi's UID. */
  uid: `api::${string}.${string}`;
  /** Strapi's singular API id: the name in messages, and the segment of preview links. */
  name: string;
  /** REST path under /api/. */
  endpoint: string;
  kind: 'collection' | 'single';
  /** What the site needs populated. */
  populate: Populate;
  /** The entry's own public page, for types that have one. */
  path?: (slug: string) => string;
  /** The field a `slug` is derived from when an editor leaves it empty. */
  slugSource?: 'title' | 'name';
}

// A related entry: what its card shows, cover included.
const ref = {
  fields: ['documentId', 'title', 'slug', 'summary'],
  populate: { cover: true },
} as const;
const taxonomy = { fields: ['name', 'slug'] } as const;
const seo = { populate: { shareImage: true } } as const;

/** The public types, keyed by the site's collection name. */
export const PUBLIC_TYPES = {
  offers: {
    uid: 'api::offer.offer',
    name: 'offer',
    endpoint: 'offers',
    kind: 'collection',
    populate: { themes: taxonomy, mediaItems: ref, caseStudies: ref, cover: true, seo },
    path: offerPath,
    slugSource: 'title',
  },
  trainings: {
    uid: 'api::training.training',
    name: 'training',
    endpoint: 'trainings',
    kind: 'collection',
    populate: { sessions: true, themes: taxonomy, cover: true, seo },
    path: trainingPath,
    slugSource: 'title',
  },
  mediaItems: {
    uid: 'api::media-item.media-item',
    name: 'media-item',
    endpoint: 'media-items',
    kind: 'collection',
    populate: {
      authors: true,
      themes: taxonomy,
      territories: taxonomy,
      file: true,
      captions: true,
      cover: true,
      caseStudies: ref,
      offers: ref,
      seo,
    },
    path: mediaItemPath,
    slugSource: 'title',
  },
  caseStudies: {
    uid: 'api::case-study.case-study',
    name: 'case-study',
    endpoint: 'case-studies',
    kind: 'collection',
    populate: {
      themes: taxonomy,
      territories: taxonomy,
      mediaItems: ref,
      offers: ref,
      cover: true,
      seo,
    },
    path: caseStudyPath,
    slugSource: 'title',
  },
  pages: {
    uid: 'api::page.page',
    name: 'page',
    endpoint: 'pages',
    kind: 'collection',
    populate: { seo },
    path: freePagePath,
    slugSource: 'title',
  },
  themes: {
    uid: 'api::theme.theme',
    name: 'theme',
    endpoint: 'themes',
    kind: 'collection',
    populate: {},
    slugSource: 'name',
  },
  territories: {
    uid: 'api::territory.territory',
    name: 'territory',
    endpoint: 'territories',
    kind: 'collection',
    populate: {},
    slugSource: 'name',
  },
  homePage: {
    uid: 'api::home-page.home-page',
    name: 'home-page',
    endpoint: 'home-page',
    kind: 'single',
    populate: { featuredOffers: ref, featuredMediaItems: ref, seo },
  },
  global: {
    uid: 'api::global.global',
    name: 'global',
    endpoint: 'global',
    kind: 'single',
    populate: { defaultSeo: seo },
  },
} as const satisfies Record<string, PublicType>;

export type CollectionName = keyof typeof PUBLIC_TYPES;

/** The registry as a list, each type with its collection name. */
export const PUBLIC_TYPE_LIST: ReadonlyArray<PublicType & { collection: CollectionName }> =
  Object.entries(PUBLIC_TYPES).map(([collection, type]) => ({
    ...(type as PublicType),
    collection: collection as CollectionName,
  }));

/** A type with a page of its own, by the segment of its preview links (its API id). */
export function pagedTypeNamed(name: string): (PublicType & { collection: CollectionName }) | null {
  return PUBLIC_TYPE_LIST.find((type) => type.path && type.name === name) ?? null;
}

/** A public type by its API id (`media-item`), as build exceptions name it. */
export function publicTypeNamed(
  name: string,
): (PublicType & { collection: CollectionName }) | null {
  return PUBLIC_TYPE_LIST.find((type) => type.name === name) ?? null;
}
