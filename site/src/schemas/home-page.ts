import { z } from 'astro/zod';
import { blocks } from './blocks';
import { entryBase, entryRefs, seo, text } from './shared';

export const homePage = z.object({
  ...entryBase,
  heroTitle: z.string(),
  heroText: text,
  intro: blocks,
  featuredOffers: entryRefs,
  featuredMediaItems: entryRefs,
  seo,
});
export type HomePage = z.infer<typeof homePage>;
