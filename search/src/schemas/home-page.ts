import { z } from 'zod';
import { nonBlank } from './site-rules.js';
import { blocks } from './blocks.js';
import { entryBase, entryRefs, seo, text } from './shared.js';

export const homePage = z.object({
  ...entryBase,
  heroTitle: nonBlank,
  heroText: text,
  intro: blocks,
  featuredOffers: entryRefs,
  featuredMediaItems: entryRefs,
  seo,
});
export type HomePage = z.infer<typeof homePage>;
