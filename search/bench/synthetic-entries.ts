import { themes } from '../../cms/seed/content/taxonomies.ts';
import { generateSyntheticMediaItems, SYNTHETIC_TERRITORIES } from '../../cms/seed/synthetic.ts';
import type { MediaEntry } from '../src/media-document.js';

const names = new Map<string, string>([
  ...themes.map((theme) => [theme.slug, theme.name] as [string, string]),
  ...SYNTHETIC_TERRITORIES.map((territory) => [territory.slug, territory.name] as [string, string]),
  ['occitanie', 'Occitanie'],
  ['herault', 'Hérault'],
  ['gard', 'Gard'],
]);

/** The seed's synthetic items as the CMS would hand them to the sync (relations populated). */
export function syntheticEntries(count: number): MediaEntry[] {
  return generateSyntheticMediaItems(count, 1).map((item, index) => ({
    ...(item as unknown as MediaEntry),
    documentId: `synthetic${index}`,
    themes: (item.themes as string[]).map((slug) => ({ slug, name: names.get(slug) ?? slug })),
    territories: (item.territories as string[]).map((slug) => ({
      slug,
      name: names.get(slug) ?? slug,
    })),
    authors: item.authors as MediaEntry['authors'],
  }));
}
