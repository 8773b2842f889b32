/**
 * The levels at which a rich text's headings are rendered so that they continue the page's
 * outline without a gap: the text's shallowest level becomes `base` (the level below the
 * heading the text sits under), deeper levels follow in order, and no heading is more than
 * one level below the one before it (an editor's "Titre 3" right under the page's title is
 * rendered as the level the page needs, not left as a skipped level).
 */
export function outlineLevels(levels: number[], base: number): number[] {
  const ranks = [...new Set(levels)].sort((a, b) => a - b);
  let previous = base - 1;
  return levels.map((level) => {
    const wanted = base + ranks.indexOf(level);
    previous = Math.min(wanted, previous + 1, 6);
    return previous;
  });
}
