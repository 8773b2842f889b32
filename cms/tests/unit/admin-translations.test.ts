import { createRequire } from 'node:module';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { CONTENT_MANAGER_FR } from '../../src/admin/translations/content-manager-fr';

const require = createRequire(import.meta.url);
/** A plugin's texts as the installed Strapi ships them (its files, not exported). */
function strapiTexts(plugin: string, language: string): Record<string, string> {
  const file = path.join(
    path.dirname(require.resolve(`@strapi/${plugin}/package.json`)),
    'dist/admin/translations',
    `${language}.json.js`,
  );
  return (require(file) as { default: Record<string, string> }).default;
}

/** The values an ICU message fills in (`{count}`, `{count, plural, …}`) and its tags; throws
 * on a message the admin could not show. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if ('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal)
        names.add(element.value);
      if ('options' in element)
        for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

describe('the content manager in French', () => {
  const english = strapiTexts('content-manager', 'en');
  const french = strapiTexts('content-manager', 'fr');

  it('reads Strapi’s own texts', () => {
    expect(english['preview.panel.title']).toBe('Preview');
    expect(Object.keys(english).length).toBeGreaterThan(300);
  });

  it('has a French text for every text Strapi ships in English', () => {
    const untranslated = Object.keys(english).filter(
      (key) => !(key in french) && !(key in CONTENT_MANAGER_FR),
    );
    expect(untranslated).toEqual([]);
  });

  it('translates only texts Strapi has, filling in the same values', () => {
    for (const [key, text] of Object.entries(CONTENT_MANAGER_FR)) {
      expect(english, key).toHaveProperty([key]);
      expect(argumentsOf(text), key).toEqual(argumentsOf(english[key]!));
    }
  });
});
