import { z } from 'zod';
import { nonBlank } from './site-rules.js';
import { blocks } from './blocks.js';
import { entryBase, entryRefs, mediaFile, seo, taxonomyRefs, text } from './shared.js';

export const offer = z.object({
  ...entryBase,
  title: nonBlank,
  slug: z.string(),
  tagline: text,
  summary: z.string(),
  body: blocks,
  audience: text,
  objectives: blocks,
  format: text,
  order: z.number().int().nullish(),
  themes: taxonomyRefs,
  mediaItems: entryRefs,
  caseStudies: entryRefs,
  cover: mediaFile.nullish(),
  seo,
});
export type Offer = z.infer<typeof offer>;
