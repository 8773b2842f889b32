import { defineCollection } from 'astro:content';
import { CMS_CONTENT_TYPES as types } from './loaders/content-types';
import { strapiLoader } from './loaders/strapi';

// One collection per CMS type; the loader validates each entry with the type's schema.
export const collections = {
  offers: defineCollection({ loader: strapiLoader(types.offers), schema: types.offers.schema }),
  trainings: defineCollection({
    loader: strapiLoader(types.trainings),
    schema: types.trainings.schema,
  }),
  mediaItems: defineCollection({
    loader: strapiLoader(types.mediaItems),
    schema: types.mediaItems.schema,
  }),
  caseStudies: defineCollection({
    loader: strapiLoader(types.caseStudies),
    schema: types.caseStudies.schema,
  }),
  pages: defineCollection({ loader: strapiLoader(types.pages), schema: types.pages.schema }),
  themes: defineCollection({ loader: strapiLoader(types.themes), schema: types.themes.schema }),
  territories: defineCollection({
    loader: strapiLoader(types.territories),
    schema: types.territories.schema,
  }),
  homePage: defineCollection({
    loader: strapiLoader(types.homePage),
    schema: types.homePage.schema,
  }),
  global: defineCollection({ loader: strapiLoader(types.global), schema: types.global.schema }),
};
