import { describe, expect, it } from 'vitest';
import { mediaItem } from '@dejala/search/schemas/media-item';
import { training } from '@dejala/search/schemas/training';
import { courseJsonLd, priceInEuros } from '../../src/lib/course-json-ld';
import { knownText } from '../../src/lib/known-text';
import { mediaItemJsonLd } from '../../src/lib/media-json-ld';

const PAGE = 'https://www.deja-la.fr/mediatheque/x/';
const mediaUrl = (url: string) => `https://cms.deja-la.fr${url}`;
// The cover as the site server encoded it for shared pages.
const SHARED_COVER = 'https://www.deja-la.fr/_images/couverture-1a2b/share.jpg';
const withCover = { file: mediaUrl, cover: SHARED_COVER };
const withoutCover = { file: mediaUrl };
const item = (fields: Record<string, unknown>) =>
  mediaItem.parse({
    documentId: 'x',
    updatedAt: '2026-11-30T10:00:00.000Z',
    publishedAt: '2026-11-02T09:00:00.000Z',
    title: 'Une ressource',
    slug: 'x',
    type: 'article',
    summary: 'Résumé.',
    ...fields,
  });
const COVER = { url: '/uploads/couverture.jpg', mime: 'image/jpeg', width: 1200, height: 630 };

describe('structured data of a médiathèque item', () => {
  it('gives an article its headline, full dates, authors and cover — only those it has', () => {
    expect(
      mediaItemJsonLd(
        item({
          type: 'rapport',
          publicationDate: '2022-05-17',
          authors: [{ name: 'Camille Martin' }],
          cover: COVER,
        }),
        PAGE,
        withCover,
      ),
    ).toMatchObject({
      '@type': 'Report',
      headline: 'Une ressource',
      datePublished: '2022-05-17',
      dateModified: '2026-11-30T10:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Camille Martin' }],
      image: SHARED_COVER,
    });
    // A year alone is no publication date; no author, no cover: nothing said.
    const bare = mediaItemJsonLd(item({ year: 2021 }), PAGE, withoutCover);
    expect(bare).toMatchObject({ '@type': 'Article', headline: 'Une ressource' });
    expect(JSON.parse(JSON.stringify(bare))).not.toHaveProperty('datePublished');
    expect(JSON.parse(JSON.stringify(bare))).not.toHaveProperty('author');
    expect(JSON.parse(JSON.stringify(bare))).not.toHaveProperty('image');
  });

  it('makes a VideoObject only of a video there is, with its still, upload date and player', () => {
    const youtube = mediaItemJsonLd(
      item({ type: 'vidéo', externalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' }),
      PAGE,
      withoutCover,
    );
    expect(youtube).toMatchObject({
      '@type': 'VideoObject',
      thumbnailUrl: 'https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg',
      uploadDate: '2026-11-02T09:00:00.000Z',
      embedUrl: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    const uploaded = mediaItemJsonLd(
      item({
        type: 'vidéo',
        publicationDate: '2024-01-09',
        file: { url: '/uploads/film.mp4', mime: 'video/mp4' },
        cover: COVER,
      }),
      PAGE,
      withCover,
    );
    expect(uploaded).toMatchObject({
      '@type': 'VideoObject',
      thumbnailUrl: SHARED_COVER,
      uploadDate: '2024-01-09',
      contentUrl: 'https://cms.deja-la.fr/uploads/film.mp4',
    });
    // A video item without a video, or without a still to show: not a VideoObject.
    expect(mediaItemJsonLd(item({ type: 'vidéo' }), PAGE, withoutCover)['@type']).toBe(
      'CreativeWork',
    );
    expect(
      mediaItemJsonLd(
        item({ type: 'vidéo', file: { url: '/uploads/film.mp4', mime: 'video/mp4' } }),
        PAGE,
        withoutCover,
      )['@type'],
    ).toBe('CreativeWork');
  });
});

describe('structured data of a training', () => {
  const DEJA_LA = { name: 'Déjà-là', url: 'https://www.deja-la.fr/' };
  const base = {
    documentId: 't',
    updatedAt: '2026-11-30T10:00:00.000Z',
    title: 'Se former',
    slug: 't',
    summary: 'Une formation.',
  };

  it('says nothing of fields still "À compléter", and no Offer without an amount', () => {
    const course = courseJsonLd(
      training.parse({
        ...base,
        audience: 'À compléter',
        prerequisites: 'à compléter.',
        price: 'À compléter',
      }),
      'https://www.deja-la.fr/formations/t/',
      DEJA_LA,
    );
    expect(JSON.stringify(course)).not.toMatch(/compl[ée]ter/i);
    expect(JSON.parse(JSON.stringify(course))).not.toHaveProperty('offers');
    expect(JSON.parse(JSON.stringify(course))).not.toHaveProperty('audience');
  });

  it('gives each session that is not cancelled its mode, start and place, and the price as an Offer', () => {
    const course = courseJsonLd(
      training.parse({
        ...base,
        price: '1 200 € HT par personne',
        sessions: [
          { startDate: '2027-03-01', mode: 'onsite', place: 'Montpellier', status: 'open' },
          { startDate: '2027-04-01', mode: 'online', status: 'full' },
          { startDate: '2027-05-01', mode: 'onsite', place: 'Nîmes', status: 'cancelled' },
        ],
      }),
      'https://www.deja-la.fr/formations/t/',
      DEJA_LA,
    );
    expect(course.offers).toMatchObject({ '@type': 'Offer', price: 1200, priceCurrency: 'EUR' });
    expect(course.hasCourseInstance).toEqual([
      expect.objectContaining({
        courseMode: 'Onsite',
        startDate: '2027-03-01',
        location: expect.objectContaining({ '@type': 'Place', name: 'Montpellier' }),
      }),
      expect.objectContaining({
        courseMode: 'Online',
        startDate: '2027-04-01',
        location: { '@type': 'VirtualLocation', url: 'https://www.deja-la.fr/formations/t/' },
      }),
    ]);
  });

  it.each([
    ['1 200 € HT', 1200],
    ['450 euros', 450],
    ['2 400,50 €', 2400.5],
    ['Gratuit', undefined],
    ['Sur devis', undefined],
    ['À compléter', undefined],
  ])('reads a price from "%s"', (text, amount) => expect(priceInEuros(text)).toBe(amount));

  it('knows a placeholder from a value', () => {
    expect(knownText('À compléter')).toBeUndefined();
    expect(knownText('  ')).toBeUndefined();
    expect(knownText('Détail à compléter plus tard : entretien préalable.')).toBe(
      'Détail à compléter plus tard : entretien préalable.',
    );
  });
});
