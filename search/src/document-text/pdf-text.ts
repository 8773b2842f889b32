import fs from 'node:fs/promises';
import { getDocumentProxy } from 'unpdf';
import type { ExtractionOutcome } from './outcome.js';

/** pdf.js text items (only what joining them needs). */
interface TextItem {
  str?: string;
  hasEOL?: boolean;
}

// A word cut at a line end ("spécifi -⏎cités": pdf.js may put a space before the hyphen of a
// justified line) is joined again when the line after starts in lower case; a capital after
// the hyphen ("Saint-⏎Martin") keeps it.
const LINE_END_HYPHEN = /(\p{L})[^\S\n]*[-\u00AD\u2010][^\S\n]*\n[^\S\n]*(?=\p{Ll})/gu;

/** One page's text: lines kept, runs of blanks collapsed, cut words joined. */
export function pageText(items: TextItem[]): string {
  return items
    .map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : ''))
    .join('')
    .replace(LINE_END_HYPHEN, '$1')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

function failure(error: unknown): ExtractionOutcome {
  const name = (error as { name?: string } | null)?.name ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return { status: 'password', detail };
  return { status: 'unreadable', detail };
}

/**
 * Reads a PDF's text page by page, within the page and character limits. Runs in the
 * extraction child process (extract-child.ts), never in the CMS's: pdf.js parses on the
 * thread that calls it.
 */
export async function readPdfText(
  file: string,
  limits: { maxPages: number; maxCharacters: number },
): Promise<ExtractionOutcome> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    const data = new Uint8Array(await fs.readFile(file));
    pdf = await getDocumentProxy(data);
  } catch (error) {
    return failure(error);
  }
  try {
    const pageCount = pdf.numPages;
    const pages: Array<{ page: number; text: string }> = [];
    let characters = 0;
    let stoppedBy: 'pages' | 'characters' | undefined =
      pageCount > limits.maxPages ? 'pages' : undefined;
    for (let number = 1; number <= Math.min(pageCount, limits.maxPages); number += 1) {
      const page = await pdf.getPage(number);
      const text = pageText((await page.getTextContent()).items as TextItem[]);
      page.cleanup();
      if (!text) continue;
      if (characters + text.length > limits.maxCharacters) {
        stoppedBy = 'characters';
        break;
      }
      characters += text.length;
      pages.push({ page: number, text });
    }
    if (pages.length === 0) return { status: 'no-text', pageCount };
    const lastRead =
      stoppedBy === 'characters'
        ? pages[pages.length - 1]!.page
        : Math.min(pageCount, limits.maxPages);
    return {
      status: 'indexed',
      format: 'pdf',
      pageCount,
      passages: pages,
      ...(stoppedBy ? { stoppedAt: { limit: stoppedBy, lastPage: lastRead } } : {}),
    };
  } catch (error) {
    return failure(error);
  } finally {
    await pdf.loadingTask.destroy();
  }
}
