import { describe, expect, it } from 'vitest';
import {
  cuePassages,
  formatMoment,
  parseCaptions,
  toWebVtt,
} from '../../src/document-text/captions.js';

const VTT = `WEBVTT - Épisode 1

NOTE Relu par l’équipe

STYLE
::cue { color: yellow }

intro
00:00:01.000 --> 00:00:04.500 align:start position:10%
<v Camille>Bonjour et bienvenue</v> dans <i>Paroles d’acteurs</i>.

00:12:34.250 --> 00:12:38.000
La crue de 2014 &amp; ses suites
<00:12:36.000>ont tout changé.
`;

const SRT = `1
00:00:01,000 --> 00:00:04,500
Bonjour et bienvenue

2
01:02:03,000 --> 01:02:05,000
<i>Fin de l’épisode</i>
`;

describe('captions files', () => {
  it('reads WebVTT cues: identifiers, settings, voices, tags, entities and notes handled', () => {
    expect(parseCaptions(VTT)).toEqual([
      { start: 1, end: 4.5, text: 'Bonjour et bienvenue dans Paroles d’acteurs.' },
      { start: 754.25, end: 758, text: 'La crue de 2014 & ses suites ont tout changé.' },
    ]);
  });

  it('reads SRT cues, with Windows line ends and a byte-order mark', () => {
    expect(parseCaptions(`\uFEFF${SRT.replace(/\n/g, '\r\n')}`)).toEqual([
      { start: 1, end: 4.5, text: 'Bonjour et bienvenue' },
      { start: 3723, end: 3725, text: 'Fin de l’épisode' },
    ]);
  });

  it('skips what is not a cue instead of failing the file', () => {
    expect(parseCaptions('WEBVTT\n\nnot a cue\n\n00:00:xx --> 00:00:02.000\nbroken')).toEqual([]);
    expect(parseCaptions('%PDF-1.7 binary')).toEqual([]);
  });

  it('writes WebVTT that reads back the same, whatever the uploaded format', () => {
    const cues = parseCaptions(SRT);
    expect(toWebVtt(cues)).toMatch(/^WEBVTT\n\n00:00:01\.000 --> 00:00:04\.500\nBonjour/);
    expect(parseCaptions(toWebVtt(cues))).toEqual(cues);
    expect(toWebVtt([{ start: 0, end: 1, text: 'a < b & c' }])).toContain('a &lt; b &amp; c');
  });

  it('makes each cue a passage with its start second, joining cues of the same second', () => {
    const cues = [0, 5.2, 5.7, 21].map((start) => ({ start, end: start + 2, text: `c${start}` }));
    expect(cuePassages(cues)).toEqual([
      { start: 0, text: 'c0' },
      { start: 5, text: 'c5.2 c5.7' },
      { start: 21, text: 'c21' },
    ]);
  });

  it('writes moments as visitors read them', () => {
    expect(formatMoment(754.25)).toBe('12:34');
    expect(formatMoment(3723)).toBe('1:02:03');
    expect(formatMoment(5)).toBe('0:05');
  });
});
