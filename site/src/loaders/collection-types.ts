import type { z } from 'astro/zod';
import { caseStudy } from '../schemas/case-study';
import { global } from '../schemas/global';
import { homePage } from '../schemas/home-page';
import { mediaItem } from '../schemas/media-item';
import { offer } from '../schemas/offer';
import { page } from '../schemas/page';
import { territory, theme } from '../schemas/taxonomy';
import { training } from '../schemas/training';

/** Strapi's nested `populate` object, serialised as `populate[a][populate][b]=true`. */
export type Populate = { [field: string]: true | { fields?: string[]; populate?: Populate } };

/** How the loader reads one CMS type: REST path, kind, what to populate, how to validate. */
export interface CmsContentType {
  /** Strapi's singular API id, used in messages. */
  name: string;
  endpoint: string;
  kind: 'collection' | 'single';
  populate: Populate;
  schema: z.ZodType<{ documentId: string }>;
}

const ref = { fields: ['documentId', 'title', 'slug', 'summary'] };
const taxonomy = { fields: ['name', 'slug'] };
const seo = { populate: { shareImage: true } } as const;

export const CMS_CONTENT_TYPES = {
  offers: {
    name: 'offer',
    endpoint: 'offers',
    kind: 'collection',
    populate: { themes: taxonomy, mediaItems: ref, caseStudies: ref, cover: true, seo },
    schema: offer,
  },
  trainings: {
    name: 'training',
    endpoint: 'trainings',
    kind: 'collection',
    populate: { sessions: true, themes: taxonomy, cover: true, seo },
    schema: training,
  },
  mediaItems: {
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
    schema: mediaItem,
  },
  caseStudies: {
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
    schema: caseStudy,
  },
  pages: { name: 'page', endpoint: 'pages', kind: 'collection', populate: { seo }, schema: page },
  themes: { name: 'theme', endpoint: 'themes', kind: 'collection', populate: {}, schema: theme },
  territories: {
    name: 'territory',
    endpoint: 'territories',
    kind: 'collection',
    populate: {},
    schema: territory,
  },
  homePage: {
    name: 'home-page',
    endpoint: 'home-page',
    kind: 'single',
    populate: { featuredOffers: ref, featuredMediaItems: ref, seo },
    schema: homePage,
  },
  global: {
    name: 'global',
    endpoint: 'global',
    kind: 'single',
    populate: { defaultSeo: seo },
    schema: global,
  },
} satisfies Record<string, CmsContentType>;

/** Appends a populate object to a query in Strapi's bracket notation. */
export function appendPopulate(
  query: URLSearchParams,
  populate: Populate,
  prefix = 'populate',
): void {
  for (const [field, rule] of Object.entries(populate)) {
    const key = `${prefix}[${field}]`;
    if (rule === true) {
      query.append(key, 'true');
      continue;
    }
    rule.fields?.forEach((name, index) => query.append(`${key}[fields][${index}]`, name));
    if (rule.populate) appendPopulate(query, rule.populate, `${key}[populate]`);
    if (!rule.fields && !rule.populate) query.append(key, 'true');
  }
}
