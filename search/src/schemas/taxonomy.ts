import { z } from 'zod';
import { text } from './shared.js';

export const theme = z.object({
  documentId: z.string(),
  updatedAt: z.string(),
  name: z.string(),
  slug: z.string(),
  description: text,
});
export type Theme = z.infer<typeof theme>;

export const territory = theme.extend({
  kind: z.enum(['commune', 'intercommunalité', 'département', 'région', 'bassin versant']),
});
export type Territory = z.infer<typeof territory>;
