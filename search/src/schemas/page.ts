import { z } from 'zod';
import { blocks } from './blocks.js';
import { entryBase, seo, text } from './shared.js';

export const page = z.object({
  ...entryBase,
  title: z.string(),
  slug: z.string(),
  summary: text,
  body: blocks,
  seo,
});
export type Page = z.infer<typeof page>;
