import { z } from 'zod';
import { imageAlternative, linkUrl } from './site-rules.js';

// Strapi's rich-text "blocks" format. Validated strictly: an unknown node type fails the build
// rather than silently disappearing from a page.

const textNode = z.object({
  type: z.literal('text'),
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  code: z.boolean().optional(),
});

const linkNode = z.object({
  type: z.literal('link'),
  url: linkUrl,
  children: z.array(textNode),
});

export const inlineNode = z.discriminatedUnion('type', [textNode, linkNode]);
export type InlineNode = z.infer<typeof inlineNode>;

const listItem = z.object({ type: z.literal('list-item'), children: z.array(inlineNode) });

export interface ListBlockShape {
  type: 'list';
  format: 'ordered' | 'unordered';
  indentLevel?: number;
  children: Array<z.infer<typeof listItem> | ListBlockShape>;
}

const listBlock: z.ZodType<ListBlockShape> = z.lazy(() =>
  z.object({
    type: z.literal('list'),
    format: z.enum(['ordered', 'unordered']),
    indentLevel: z.number().int().optional(),
    children: z.array(z.union([listItem, listBlock])),
  }),
);

const imageBlock = z.object({
  type: z.literal('image'),
  image: z.object({
    url: z.string(),
    alternativeText: imageAlternative,
    width: z.number().nullish(),
    height: z.number().nullish(),
    hash: z.string().nullish(),
    mime: z.string().nullish(),
    size: z.number().nullish(),
  }),
  children: z.array(inlineNode).optional(),
});

export const block = z.union([
  z.object({ type: z.literal('paragraph'), children: z.array(inlineNode) }),
  z.object({
    type: z.literal('heading'),
    level: z.number().int().min(1).max(6),
    children: z.array(inlineNode),
  }),
  listBlock,
  z.object({ type: z.literal('quote'), children: z.array(inlineNode) }),
  z.object({
    type: z.literal('code'),
    language: z.string().optional(),
    children: z.array(inlineNode),
  }),
  imageBlock,
]);
export type Block = z.infer<typeof block>;
export type ListBlock = ListBlockShape;

/** A blocks field: Strapi sends null when an editor left it empty. */
export const blocks = z
  .array(block)
  .nullish()
  .transform((value) => value ?? []);
