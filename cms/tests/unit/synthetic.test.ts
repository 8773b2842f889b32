import { describe, expect, it } from 'vitest';
import { themes } from '../../seed/content/taxonomies';
import { generateSyntheticMediaItems, SYNTHETIC_TERRITORIES } from '../../seed/synthetic';

const TYPES = ['vidéo', 'article', 'rapport', 'podcast', 'photo', 'publication'];

describe('generateSyntheticMediaItems', () => {
  it('is deterministic for a given seed', () => {
    expect(generateSyntheticMediaItems(50, 3)).toEqual(generateSyntheticMediaItems(50, 3));
  });

  it('changes with the seed', () => {
    const titles = (seed: number) =>
      generateSyntheticMediaItems(20, seed).map((item) => item.title);
    expect(titles(1)).not.toEqual(titles(2));
  });

  it('gives item i the same content whatever the count', () => {
    expect(generateSyntheticMediaItems(10, 5)).toEqual(
      generateSyntheticMediaItems(30, 5).slice(0, 10),
    );
  });

  it('produces valid, varied, long French items', () => {
    const items = generateSyntheticMediaItems(500, 1);
    const knownThemes = new Set(themes.map((theme) => theme.slug));
    const knownTerritories = new Set([
      'occitanie',
      'herault',
      'gard',
      ...SYNTHETIC_TERRITORIES.map((t) => t.slug),
    ]);
    expect(new Set(items.map((item) => item.slug)).size).toBe(500);
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(TYPES));
    for (const item of items) {
      expect(item.slug).toMatch(/^synthetique-1-\d{6}$/);
      expect((item.title as string).length).toBeLessThanOrEqual(200);
      expect((item.summary as string).length).toBeLessThanOrEqual(600);
      expect(item.year).toBeGreaterThanOrEqual(2008);
      for (const theme of item.themes as string[]) expect(knownThemes.has(theme)).toBe(true);
      for (const territory of item.territories as string[])
        expect(knownTerritories.has(territory)).toBe(true);
      if (item.publicationDate)
        expect(String(item.publicationDate).slice(0, 4)).toBe(String(item.year));
    }
    const words =
      JSON.stringify(items[0]?.body)
        .match(/"text":"([^"]*)"/g)
        ?.join(' ')
        .split(/\s+/).length ?? 0;
    expect(words).toBeGreaterThan(300);
  });

  it('uses slugs Strapi accepts for every synthetic territory', () => {
    for (const territory of SYNTHETIC_TERRITORIES) expect(territory.slug).toMatch(/^[a-z0-9-]+$/);
  });
});
