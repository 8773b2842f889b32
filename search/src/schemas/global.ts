import { z } from 'zod';
import { nonBlank } from './site-rules.js';
import { seo, text } from './shared.js';

export const global = z.object({
  documentId: z.string(),
  updatedAt: z.string(),
  siteName: nonBlank,
  tagline: text,
  contactEmail: text,
  contactPhone: text,
  address: text,
  footerText: text,
  publisherName: text,
  legalForm: text,
  siret: text,
  publicationDirector: text,
  hostingProvider: text,
  defaultSeo: seo,
});
export type Global = z.infer<typeof global>;
