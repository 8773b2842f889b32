import { z } from 'zod';
import { editorLink, nonBlank } from './site-rules.js';
import { blocks } from './blocks.js';
import { entryBase, mediaFile, seo, taxonomyRefs, text } from './shared.js';

export const trainingSession = z.object({
  startDate: z.string(),
  endDate: z.string().nullish(),
  place: text,
  mode: z.enum(['onsite', 'online', 'blended']),
  seats: z.number().int().nullish(),
  status: z.enum(['open', 'full', 'cancelled']),
  registrationUrl: editorLink,
});
export type TrainingSession = z.infer<typeof trainingSession>;

export const training = z.object({
  ...entryBase,
  title: nonBlank,
  slug: z.string(),
  summary: z.string(),
  objectives: blocks,
  audience: text,
  prerequisites: text,
  duration: text,
  accessConditions: text,
  accessLeadTime: text,
  price: text,
  contact: text,
  teachingMethods: text,
  assessmentMethods: text,
  disabilityAccess: text,
  results: text,
  program: blocks,
  sessions: z
    .array(trainingSession)
    .nullish()
    .transform((value) => value ?? []),
  themes: taxonomyRefs,
  cover: mediaFile.nullish(),
  seo,
});
export type Training = z.infer<typeof training>;
