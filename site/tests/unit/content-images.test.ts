import { describe, expect, it } from 'vitest';
import { imageFieldsOf, imagesOf } from '../../src/content/content-images';

const image = (name: string) => ({
  url: `/uploads/${name}.jpg`,
  hash: name,
  mime: 'image/jpeg',
  width: 1200,
  height: 800,
});

const caseStudy = {
  documentId: 'etude1',
  title: 'Une étude',
  cover: image('couverture'),
  body: [
    { __component: 'blocks.text', text: 'Du texte.' },
    { __component: 'blocks.image', image: image('atelier') },
  ],
  // A related entry's card: its cover is the related entry's own.
  offers: [{ documentId: 'offre1', title: 'Une offre', slug: 'offre', cover: image('offre') }],
  file: { url: '/uploads/rapport.pdf', mime: 'application/pdf' },
};

describe('the images of an entry', () => {
  it('names the field of each, and tells its own from a related entry’s', () => {
    expect(
      imageFieldsOf(caseStudy).map(({ image, field, own }) => [image.hash, field, own]),
    ).toEqual([
      ['couverture', 'cover', true],
      ['atelier', 'body.1.image', true],
      ['offre', 'offers.0.cover', false],
    ]);
  });

  it('lists each image once, its own and its related entries’ (their cards show them)', () => {
    const twice = { ...caseStudy, shareImage: image('couverture') };
    expect(imagesOf(twice).map((each) => each.hash)).toEqual(['couverture', 'atelier', 'offre']);
  });
});
