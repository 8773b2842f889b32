import { MEDIA_TYPE_VALUES } from '../media-types.js';
import { z } from 'zod';
import { blocks } from './blocks.js';
import { entryBase, entryRefs, mediaFile, seo, taxonomyRefs, text } from './shared.js';

export const mediaItem = z.object({
  ...entryBase,
  title: z.string(),
  slug: z.string(),
  type: z.enum(MEDIA_TYPE_VALUES),
  summary: z.string(),
  body: blocks,
  year: z.number().int().nullish(),
  publicationDate: z.string().nullish(),
  authors: z
    .array(z.object({ name: z.string(), affiliation: text }))
    .nullish()
    .transform((value) => value ?? []),
  themes: taxonomyRefs,
  territories: taxonomyRefs,
  file: mediaFile.nullish(),
  captions: mediaFile.nullish(),
  transcript: blocks,
  externalUrl: text,
  durationMinutes: z.number().int().nullish(),
  cover: mediaFile.nullish(),
  caseStudies: entryRefs,
  offers: entryRefs,
  seo,
});
export type MediaItem = z.infer<typeof mediaItem>;
