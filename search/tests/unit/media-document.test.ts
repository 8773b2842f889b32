import { describe, expect, it } from 'vitest';
import {
  splitPassage,
  textFileOf,
  toMediaDocument,
  toSearchDocuments,
  type MediaEntry,
} from '../../src/media-document.js';

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
  cover: {
    url: '/uploads/cover_4f1e.jpg',
    hash: 'cover_4f1e',
    size: 412.5,
    width: 3000,
    height: 2000,
    alternativeText: 'Salle de la convention',
  },
};

describe('toMediaDocument', () => {
  it('maps an entry to the search document, keyed by documentId', () => {
    expect(toMediaDocument(entry, { mediaBaseUrl: 'https://cms.example.org/' })).toEqual({
      id: 'abc123',
      itemId: 'abc123',
      kind: 'item',
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
      // The site server's name for the cover's encodings: its thumbnail's address.
      coverKey: expect.stringMatching(/^cover_4f1e-[0-9a-f]{12}$/),
      coverAlt: 'Salle de la convention',
      durationMinutes: null,
      fileUrl: null,
      player: null,
      textKey: '',
      passageCount: 0,
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
      coverKey: null,
    });
  });
});

describe('toSearchDocuments', () => {
  const withFile: MediaEntry = {
    ...entry,
    file: { url: '/uploads/rapport.pdf', hash: 'rapport_1', mime: 'application/pdf', size: 120 },
  };
  const text = {
    key: 'k1',
    cached: true,
    outcome: {
      status: 'indexed' as const,
      format: 'pdf' as const,
      pageCount: 9,
      passages: [
        { page: 2, text: 'Page deux.' },
        { page: 7, text: 'Les bergeries cévenoles.' },
      ],
    },
  };

  it('gives the item, then one passage per page carrying the item fields but not its body', () => {
    const [item, ...passages] = toSearchDocuments(withFile, {
      mediaBaseUrl: 'https://cms.example.org',
      text,
    });
    expect(item).toMatchObject({
      id: 'abc123',
      kind: 'item',
      textKey: 'k1',
      passageCount: 2,
      fileUrl: 'https://cms.example.org/uploads/rapport.pdf',
    });
    expect(passages).toHaveLength(2);
    expect(passages[1]).toMatchObject({
      id: 'abc123-p7',
      itemId: 'abc123',
      kind: 'page',
      page: 7,
      text: 'Les bergeries cévenoles.',
      title: entry.title,
      textKey: 'k1',
    });
    expect(passages[1]).not.toHaveProperty('body');
  });

  it('indexes the item alone, with an unknown passage count, while its text is pending', () => {
    const documents = toSearchDocuments(withFile, { text: { key: 'k1', pending: true } });
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ textKey: 'k1', passageCount: null });
  });

  it('keeps no passages for a file without text, and says so with a zero count', () => {
    const documents = toSearchDocuments(withFile, {
      text: { key: 'k2', cached: true, outcome: { status: 'password' } },
    });
    expect(documents).toEqual([expect.objectContaining({ textKey: 'k2', passageCount: 0 })]);
  });

  it('splits a page too long for one document into parts with the same page number', () => {
    const long = Array.from({ length: 9000 }, (_, index) => `mot${index}`).join(' ');
    const [, ...passages] = toSearchDocuments(withFile, {
      text: { ...text, outcome: { ...text.outcome, passages: [{ page: 3, text: long }] } },
    });
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.map((passage) => passage.id)).toEqual(
      passages.map((_, index) => `abc123-p3-${index + 1}`),
    );
    expect(passages.every((passage) => passage.kind === 'page' && passage.page === 3)).toBe(true);
    // Nothing is lost: the parts put back together are the page.
    expect(passages.map((passage) => (passage as { text: string }).text).join(' ')).toBe(long);
  });
});

describe('splitPassage', () => {
  it('cuts at spaces, never inside a word', () => {
    expect(splitPassage('un deux trois quatre', 9)).toEqual(['un deux', 'trois', 'quatre']);
  });
});

describe('recordings: captions and transcripts', () => {
  const podcast: MediaEntry = {
    documentId: 'pod1',
    title: 'Podcast de la rivière',
    slug: 'podcast-riviere',
    type: 'podcast',
    file: { url: '/uploads/episode.mp3', hash: 'episode', mime: 'audio/mpeg' },
    captions: { url: '/uploads/episode.vtt', hash: 'episode_vtt', ext: '.vtt', mime: 'text/vtt' },
    transcript: [
      { type: 'paragraph', children: [{ type: 'text', text: 'Les riverains racontent la crue.' }] },
    ],
  };
  const cues = {
    key: 'c1',
    cached: true,
    outcome: {
      status: 'indexed' as const,
      format: 'captions' as const,
      passages: [
        { start: 0, text: 'Bonjour à tous.' },
        { start: 754, text: 'La crue de 2014 a tout changé.' },
      ],
    },
  };

  it('indexes cue groups with their start time and the transcript in parts, all keyed to both', () => {
    const [item, ...passages] = toSearchDocuments(podcast, { text: cues });
    expect(item).toMatchObject({ player: 'file', passageCount: 3 });
    expect(
      passages.map((passage) => [passage.id, passage.kind, 'start' in passage && passage.start]),
    ).toEqual([
      ['pod1-t0', 'cue', 0],
      ['pod1-t754', 'cue', 754],
      ['pod1-x1', 'transcript', null],
    ]);
    expect(new Set(passages.map((passage) => passage.textKey))).toEqual(new Set([item!.textKey]));
    expect(item!.textKey).toMatch(/^c1-x\w+$/);
  });

  it('changes the key when the transcript is edited, so old parts are replaced', () => {
    const edited = toMediaDocument(
      {
        ...podcast,
        transcript: [{ type: 'paragraph', children: [{ type: 'text', text: 'Autre.' }] }],
      },
      { text: cues },
    );
    expect(edited.textKey).not.toBe(toMediaDocument(podcast, { text: cues }).textKey);
  });

  it('plays a YouTube or Vimeo video from its player page, and reads the captions first', () => {
    const video = {
      ...podcast,
      type: 'vidéo',
      file: null,
      externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    };
    expect(toMediaDocument(video).player).toBe('page');
    expect(textFileOf(video)?.hash).toBe('episode_vtt');
    expect(textFileOf({ ...podcast, captions: null })?.hash).toBe('episode');
  });
});
