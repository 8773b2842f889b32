import { describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/document-text/extract.js';
import { FIXTURE_PDFS, fixturePdf } from '../fixtures/fixture-pdfs.js';

describe('PDF text extraction of LibreOffice documents (committed fixtures)', () => {
  it.each(FIXTURE_PDFS)('reads $name page by page, as a visitor would read it', async (fixture) => {
    const outcome = await extractPdfText(fixturePdf(fixture.name));
    if (outcome.status !== 'indexed') throw new Error(`not indexed: ${outcome.status}`);
    expect(outcome.pageCount).toBe(fixture.pages);
    expect(outcome.passages.map((passage) => passage.page)).toEqual(
      Array.from({ length: fixture.pages }, (_, index) => index + 1),
    );
    const page = outcome.passages[fixture.page - 1]!.text;
    expect(page.replace(/\s+/g, ' ')).toContain(fixture.sentence);
    const all = outcome.passages.map((passage) => passage.text).join('\n');
    // Ligatures (ﬁ, ﬂ) come out as letters, words cut at a line end are whole again, and the
    // running header and numbered footer are read on each page.
    expect(all).not.toMatch(/[\uFB00-\uFB06]/);
    expect(all).not.toMatch(/\p{L} ?-\n\p{Ll}/u);
    expect(outcome.passages.every((passage) => passage.text.includes('Déjà-là — page'))).toBe(true);
  });
});
