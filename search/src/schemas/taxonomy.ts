import { z } from 'zod';
import { nonBlank } from './site-rules.js';
import { text } from './shared.js';

export const theme = z.object({
  documentId: z.string(),
  updatedAt: z.string(),
  name: nonBlank,
  slug: z.string(),
  description: text,
});
export type Theme = z.infer<typeof theme>;

export const territory = theme.extend({
  kind: z.enum(['commune', 'intercommunalité', 'département', 'région', 'bassin versant']),
});
export type Territory = z.infer<typeof territory>;
