import { MEDIA_TYPE_VALUES } from '../media-types.js';
import { z } from 'zod';
import { editorLink, mediaItemSlug, nonBlank } from './site-rules.js';
import { blocks } from './blocks.js';
import { entryBase, entryRefs, mediaFile, seo, taxonomyRefs, text } from './shared.js';

export const mediaItem = z.object({
  ...entryBase,
  title: nonBlank,
  slug: mediaItemSlug,
  type: z.enum(MEDIA_TYPE_VALUES),
  summary: z.string(),
  body: blocks,
  year: z.number().int().nullish(),
  publicationDate: z.string().nullish(),
  authors: z
    .array(z.object({ name: nonBlank, affiliation: text }))
    .nullish()
    .transform((value) => value ?? []),
  themes: taxonomyRefs,
  territories: taxonomyRefs,
  file: mediaFile.nullish(),
  captions: mediaFile.nullish(),
  transcript: blocks,
  externalUrl: editorLink,
  durationMinutes: z.number().int().nullish(),
  cover: mediaFile.nullish(),
  caseStudies: entryRefs,
  offers: entryRefs,
  seo,
});
export type MediaItem = z.infer<typeof mediaItem>;
