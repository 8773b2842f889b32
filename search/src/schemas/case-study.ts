import { z } from 'zod';
import { nonBlank } from './site-rules.js';
import { blocks } from './blocks.js';
import { entryBase, entryRefs, mediaFile, seo, taxonomyRefs, text } from './shared.js';

export const caseStudy = z.object({
  ...entryBase,
  title: nonBlank,
  slug: z.string(),
  summary: z.string(),
  commissioner: text,
  year: z.number().int(),
  conflictLevel: z.enum(['faible', 'moyen', 'fort']).nullish(),
  stakeholders: text,
  context: blocks,
  approach: blocks,
  outcomes: blocks,
  themes: taxonomyRefs,
  territories: taxonomyRefs,
  mediaItems: entryRefs,
  offers: entryRefs,
  cover: mediaFile.nullish(),
  seo,
});
export type CaseStudy = z.infer<typeof caseStudy>;
