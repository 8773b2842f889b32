import { z } from 'zod';
import { freePageSlug, nonBlank } from './site-rules.js';
import { blocks } from './blocks.js';
import { entryBase, seo, text } from './shared.js';

export const page = z.object({
  ...entryBase,
  title: nonBlank,
  slug: freePageSlug,
  summary: text,
  body: blocks,
  seo,
});
export type Page = z.infer<typeof page>;
