import { describe, expect, it } from 'vitest';
import { matchedPassage, type PassageHit } from '../../src/matched-passage.js';

const base: PassageHit = { url: '/mediatheque/riviere/', title: 'La rivière', type: 'podcast' };
const found = '…la \uE000crue\uE001 de 2014…';

describe('where the words were found', () => {
  it('opens a PDF at the page', () => {
    expect(
      matchedPassage({
        ...base,
        kind: 'page',
        page: 7,
        fileUrl: 'https://cms.example.org/uploads/r.pdf',
        _formatted: { text: found },
      }),
    ).toEqual({
      excerpt: found,
      link: {
        href: 'https://cms.example.org/uploads/r.pdf#page=7',
        label: 'Ouvrir le document à la page 7',
      },
    });
  });

  it('plays a self-hosted recording from the moment, or the player page of a hosted video', () => {
    const cue = { ...base, kind: 'cue' as const, start: 754, _formatted: { text: found } };
    expect(
      matchedPassage({ ...cue, player: 'file', fileUrl: 'https://cms.example.org/uploads/e.mp3' })
        ?.link,
    ).toEqual({
      href: 'https://cms.example.org/uploads/e.mp3#t=754',
      label: 'Écouter à partir de 12:34',
    });
    expect(matchedPassage({ ...cue, type: 'vidéo', player: 'page' })?.link).toEqual({
      href: '/mediatheque/riviere/lecture/?t=754',
      label: 'Regarder à partir de 12:34',
    });
    expect(matchedPassage({ ...cue, player: null })).toEqual({ excerpt: found, link: undefined });
  });

  it('leads to the transcript on the item page', () => {
    expect(
      matchedPassage({ ...base, kind: 'transcript', _formatted: { text: found } })?.link,
    ).toEqual({
      href: '/mediatheque/riviere/#transcription',
      label: 'Lire la transcription',
    });
  });

  it('shows nothing when the passage standing for the item did not match', () => {
    expect(
      matchedPassage({
        ...base,
        kind: 'page',
        page: 2,
        fileUrl: 'x',
        _formatted: { text: '…sans…' },
      }),
    ).toBeNull();
    expect(matchedPassage({ ...base, kind: 'item', _formatted: { body: found } })).toEqual({
      excerpt: found,
    });
  });
});
