import { z } from 'astro/zod';
import { blocks } from './blocks';
import { entryBase, seo, text } from './shared';

export const page = z.object({
  ...entryBase,
  title: z.string(),
  slug: z.string(),
  summary: text,
  body: blocks,
  seo,
});
export type Page = z.infer<typeof page>;
