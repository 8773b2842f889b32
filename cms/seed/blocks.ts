/** Minimal builders for Strapi "blocks" rich text, so seed content reads like prose. */

export type TextNode = { type: 'text'; text: string; bold?: boolean; italic?: boolean };
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type Inline = TextNode | LinkNode;
export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 2 | 3 | 4; children: TextNode[] }
  | {
      type: 'list';
      format: 'unordered' | 'ordered';
      children: { type: 'list-item'; children: Inline[] }[];
    }
  | { type: 'quote'; children: Inline[] };

const text = (value: string): TextNode => ({ type: 'text', text: value });

export const paragraph = (...parts: Array<string | Inline>): Block => ({
  type: 'paragraph',
  children: parts.map((part) => (typeof part === 'string' ? text(part) : part)),
});

export const heading = (value: string, level: 2 | 3 | 4 = 2): Block => ({
  type: 'heading',
  level,
  children: [text(value)],
});

export const list = (items: string[], format: 'unordered' | 'ordered' = 'unordered'): Block => ({
  type: 'list',
  format,
  children: items.map((item) => ({ type: 'list-item', children: [text(item)] })),
});

export const quote = (value: string): Block => ({ type: 'quote', children: [text(value)] });

export const link = (url: string, label: string): LinkNode => ({
  type: 'link',
  url,
  children: [text(label)],
});

/** One paragraph per string: for texts that are plain prose. */
export const paragraphs = (...values: string[]): Block[] => values.map((value) => paragraph(value));
