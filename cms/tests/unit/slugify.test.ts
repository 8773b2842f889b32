import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/utils/slugify';

describe('slugify', () => {
  it('folds accents, apostrophes and punctuation into dashes', () => {
    expect(slugify('L’atelier de dialogue territorial')).toBe('l-atelier-de-dialogue-territorial');
    expect(slugify('Dialogue territorial : dispositif ad hoc & processus')).toBe(
      'dialogue-territorial-dispositif-ad-hoc-processus',
    );
    expect(slugify('Élus, gens de métier… et citoyens !')).toBe('elus-gens-de-metier-et-citoyens');
  });

  it('expands ligatures', () => {
    expect(slugify('Œuvrer au cœur des territoires')).toBe('oeuvrer-au-coeur-des-territoires');
  });

  it('cuts long titles on a word boundary', () => {
    const slug = slugify(
      'La coopération entre une pluralité d’acteurs privés et publics gagne à être travaillée par des dispositifs',
      40,
    );
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug).toBe('la-cooperation-entre-une-pluralite-d');
    expect(slug.endsWith('-')).toBe(false);
  });

  it('gives an empty slug for text without letters or digits', () => {
    expect(slugify('… !')).toBe('');
  });
});
