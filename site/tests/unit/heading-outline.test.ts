import { describe, expect, it } from 'vitest';
import { outlineLevels } from '../../src/components/heading-outline';

describe('rich-text headings in the page’s outline', () => {
  it.each([
    ['an editor’s “Titre 3” right under the page title', [3, 3], 2, [2, 2]],
    ['“Titre 2” then “Titre 3”', [2, 3, 2], 2, [2, 3, 2]],
    ['a text under a section heading', [2, 3], 3, [3, 4]],
    ['a level skipped by the editor', [2, 4, 4, 2], 2, [2, 3, 3, 2]],
    ['a deeper heading first', [4, 2, 3], 2, [2, 2, 3]],
    ['no deeper than h6', [1, 2, 3, 4, 5, 6], 3, [3, 4, 5, 6, 6, 6]],
  ])('%s', (_, levels, base, expected) => {
    expect(outlineLevels(levels, base)).toEqual(expected);
  });
});
