import { describe, expect, it } from 'vitest';
import { toMediaDocument, type MediaEntry } from '../../src/media-document.js';

const entry: MediaEntry = {
  documentId: 'abc123',
  title: 'Rapport de la convention citoyenne de Clermont-Ferrand (2022)',
  slug: 'rapport-convention-citoyenne',
  type: 'rapport',
  summary: 'Le rapport, rédigé par Elsa Bonal.',
  body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Dispositifs délibératifs.' }] }],
  year: 2022,
  publicationDate: null,
  authors: [{ name: 'Elsa Bonal' }],
  themes: [{ name: 'Participation citoyenne', slug: 'participation-citoyenne' }],
  territories: [{ name: 'Clermont-Ferrand', slug: 'clermont-ferrand' }],
  cover: { url: '/uploads/cover.jpg', alternativeText: 'Salle de la convention' },
};

describe('toMediaDocument', () => {
  it('maps an entry to the search document, keyed by documentId', () => {
    expect(toMediaDocument(entry, { mediaBaseUrl: 'https://cms.example.org/' })).toEqual({
      id: 'abc123',
      title: entry.title,
      slug: 'rapport-convention-citoyenne',
      url: '/mediatheque/rapport-convention-citoyenne/',
      type: 'rapport',
      typeLabel: 'Rapport',
      summary: 'Le rapport, rédigé par Elsa Bonal.',
      body: 'Dispositifs délibératifs.',
      authors: ['Elsa Bonal'],
      themes: ['Participation citoyenne'],
      themeSlugs: ['participation-citoyenne'],
      territories: ['Clermont-Ferrand'],
      territorySlugs: ['clermont-ferrand'],
      year: 2022,
      publishedAt: Date.UTC(2022, 0, 1) / 1000,
      coverUrl: 'https://cms.example.org/uploads/cover.jpg',
      coverAlt: 'Salle de la convention',
      durationMinutes: null,
    });
  });

  it('takes the year and sort date from an exact publication date', () => {
    const document = toMediaDocument({ ...entry, year: null, publicationDate: '2021-06-15' });
    expect(document.year).toBe(2021);
    expect(document.publishedAt).toBe(Date.UTC(2021, 5, 15) / 1000);
  });

  it('copes with an entry that has only its required fields', () => {
    const document = toMediaDocument({
      documentId: 'x',
      title: 'Titre',
      slug: 'titre',
      type: 'vidéo',
    });
    expect(document).toMatchObject({
      typeLabel: 'Vidéo',
      summary: '',
      body: '',
      authors: [],
      themes: [],
      year: null,
      publishedAt: null,
      coverUrl: null,
    });
  });
});
