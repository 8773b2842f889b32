import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { ADMIN_FR } from '../../src/admin/translations/admin-fr';
import { DESIGN_SYSTEM_FR } from '../../src/admin/translations/design-system-labels';
import {
  allStrapiTexts,
  designSystemEnglish,
  messagesAskedFor,
  strapiTexts,
} from '../helpers/strapi-admin-texts';

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

describe('the admin in French on the screens editors use', () => {
  const english = allStrapiTexts('en');
  const french = { ...allStrapiTexts('fr'), ...ADMIN_FR };
  const askedFor = messagesAskedFor();

  it('reads Strapi’s own texts and the messages its code asks for', () => {
    expect(english['content-manager.preview.panel.title']).toBe('Preview');
    expect(english['upload.sidebar.title']).toBe('Media library');
    // Asked for by the rich-text editor, in no en.json: what only reading the code finds.
    expect(askedFor.get('content-manager.components.Blocks.dnd.instruction')).toMatch(/reorder/);
    expect(askedFor.get('global.search')).toBe('Search');
    expect(askedFor.size).toBeGreaterThan(500);
  });

  it('has French for every text the content manager and media library ship in English', () => {
    for (const plugin of ['content-manager', 'upload', 'i18n']) {
      const untranslated = Object.keys(strapiTexts(plugin, 'en')).filter((key) => !(key in french));
      expect(untranslated, plugin).toEqual([]);
    }
  });

  it('has French for every message the editors’ screens ask for', () => {
    const untranslated = [...askedFor.keys()].filter((key) => !(key in french));
    expect(untranslated).toEqual([]);
  });

  it('translates only texts Strapi has, filling in the same values', () => {
    for (const [key, text] of Object.entries(ADMIN_FR)) {
      const original = english[key] ?? askedFor.get(key);
      expect(original, `${key}: not a text of Strapi's`).toBeDefined();
      expect(argumentsOf(text), key).toEqual(argumentsOf(original!));
    }
  });

  it('relabels every English default of the design system', () => {
    const defaults = [...designSystemEnglish()];
    expect(defaults).toContain('Close modal');
    const untranslated = defaults.filter((text) => !DESIGN_SYSTEM_FR[text]);
    expect(untranslated).toEqual([]);
  });
});
