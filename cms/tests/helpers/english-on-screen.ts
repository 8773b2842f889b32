import type { Page } from 'playwright-core';
import { ADMIN_FR } from '../../src/admin/translations/admin-fr';
import { allStrapiTexts, designSystemEnglish, messagesAskedFor } from './strapi-admin-texts';

/** ICU message text without arguments or tags: shown exactly as written. */
const isPlain = (message: string) => !/[{}<]/.test(message);

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/**
 * Strapi's English as a screen shows it: its texts, the English its code and its design
 * system fall back to, except those written the same in French ("Type", "Dimensions"). Messages with simple
 * arguments ("Sort: {active}") become patterns; plurals and tags are left out.
 */
export function strapiEnglish(): { texts: Set<string>; patterns: RegExp[] } {
  const french = new Set(Object.values({ ...allStrapiTexts('fr'), ...ADMIN_FR }));
  const english = new Set([
    ...Object.values(allStrapiTexts('en')),
    ...messagesAskedFor().values(),
    ...designSystemEnglish(),
  ]);
  const texts = new Set<string>();
  const patterns: RegExp[] = [];
  for (const message of english) {
    const text = message.trim();
    if (french.has(message) || french.has(text)) continue;
    if (!/[a-z]{2}/i.test(text)) continue;
    if (isPlain(text)) texts.add(text);
    else if (/^[^<]*$/.test(text) && !/\{\s*\w+\s*,/.test(text)) {
      const pattern = escapeRegExp(text).replace(/\\?\{\s*\w+\s*\\?\}/g, '.+');
      if (/[a-z]{3}/i.test(pattern.replace(/\.\+/g, ''))) patterns.push(new RegExp(`^${pattern}$`));
    }
  }
  return { texts, patterns };
}

/**
 * What the page shows a person and a screen reader: the text of visible elements, their
 * placeholders, labels and titles, and the document's title.
 */
export function textsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = new Set<string>([document.title]);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      const element = walker.currentNode.parentElement;
      if (text && element?.checkVisibility()) texts.add(text);
    }
    for (const element of document.body.querySelectorAll('[placeholder],[aria-label],[title]')) {
      if (!element.checkVisibility()) continue;
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.add(value);
      }
    }
    return [...texts];
  });
}

// A document's status badge is labelled with the status's code name (Strapi's
// DocumentStatus: `aria-label={status}`), not a message a translation can reach.
const STATUS_CODE_NAMES = new Set(['draft', 'published', 'modified']);

/** The page's texts that are Strapi's English. */
export async function englishOnScreen(
  page: Page,
  english: ReturnType<typeof strapiEnglish>,
): Promise<string[]> {
  return (await textsOnScreen(page)).filter(
    (text) =>
      !STATUS_CODE_NAMES.has(text) &&
      (english.texts.has(text) || english.patterns.some((pattern) => pattern.test(text))),
  );
}
