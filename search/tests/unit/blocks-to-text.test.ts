import { describe, expect, it } from 'vitest';
import { blocksToText } from '../../src/blocks-to-text.js';

describe('blocksToText', () => {
  it('keeps the text of paragraphs, headings, lists and links, one line per block', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Contexte' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Le dialogue ' },
          { type: 'text', text: 'territorial', bold: true },
          { type: 'text', text: ' voir ' },
          {
            type: 'link',
            url: 'https://example.org',
            children: [{ type: 'text', text: 'le rapport' }],
          },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'eau' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'forêt' }] },
        ],
      },
    ];
    expect(blocksToText(blocks)).toBe(
      'Contexte\nLe dialogue territorial voir le rapport\neau\nforêt',
    );
  });

  it('folds whitespace and drops empty blocks', () => {
    expect(
      blocksToText([
        { type: 'paragraph', children: [{ type: 'text', text: '  a \n  b ' }] },
        { type: 'paragraph', children: [] },
      ]),
    ).toBe('a b');
  });

  it('gives an empty string for anything that is not blocks', () => {
    expect(blocksToText(null)).toBe('');
    expect(blocksToText('texte')).toBe('');
  });
});
