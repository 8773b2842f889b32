/** A node of Strapi's "blocks" rich text, as the REST API and the Document Service return it. */
export interface BlockNode {
  type?: string;
  text?: string;
  children?: BlockNode[];
}

// Block-level nodes end a line of text, so words of adjacent paragraphs never run together.
const BLOCK_TYPES = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'code',
  'image',
]);

/** Plain text of a blocks value: text leaves joined, one line per block, whitespace folded. */
export function blocksToText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  const lines: string[] = [];
  let current = '';
  const walk = (node: BlockNode): void => {
    if (typeof node.text === 'string') current += node.text;
    for (const child of node.children ?? []) walk(child);
    if (node.type && BLOCK_TYPES.has(node.type)) {
      lines.push(current);
      current = '';
    }
  };
  for (const block of blocks as BlockNode[]) walk(block);
  if (current) lines.push(current);
  return lines
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
