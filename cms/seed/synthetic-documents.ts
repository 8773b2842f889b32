import { createRandom } from './random';
import { SECTION_TITLES, SENTENCES } from './synthetic';

/**
 * Pages of a synthetic French report, from the same sentences as the synthetic items' bodies:
 * each page a section title and paragraphs (≈ 270 words, so one page stays one A4 sheet once
 * LibreOffice has laid it out). `inserts` puts a given sentence at the end of a given page,
 * for tests that look for it. Fully determined by `seed`.
 */
export function syntheticDocumentPages(
  seed: number,
  pageCount: number,
  inserts: Record<number, string> = {},
): string[][] {
  const random = createRandom(seed);
  return Array.from({ length: pageCount }, (_, index) => {
    const page = [`${index + 1}. ${random.pick(SECTION_TITLES)}`];
    for (let paragraph = 0; paragraph < 4; paragraph += 1) {
      page.push(Array.from({ length: 4 }, () => random.pick(SENTENCES)).join(' '));
    }
    const insert = inserts[index + 1];
    if (insert) page.push(insert);
    return page;
  });
}
