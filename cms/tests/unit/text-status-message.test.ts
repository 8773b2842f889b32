import { describe, expect, it } from 'vitest';
import { textStatusMessage } from '../../src/admin/document-text/text-status-message';
import type { DocumentTextStatus } from '../../src/search-sync/document-text-status';

const limits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxPages: 2000,
  maxCharacters: 4_000_000,
  timeoutMs: 120_000,
  maxCaptionsBytes: 5 * 1024 * 1024,
};
const done = (result: DocumentTextStatus['result']): DocumentTextStatus => ({
  state: 'done',
  fileName: 'rapport.pdf',
  result,
  limits,
});

describe('what the edit view says about the search and the item’s file', () => {
  it('counts the pages indexed', () => {
    expect(textStatusMessage(done({ status: 'indexed', pageCount: 52, indexedPages: 48 }))).toEqual(
      { tone: 'success', text: 'Texte du document indexé (48 pages).', advice: undefined },
    );
    expect(
      textStatusMessage({ ...done({ status: 'indexed', indexedPages: 1 }), state: 'indexing' })
        .text,
    ).toBe('Texte du document indexé (1 page) (en cours d’indexation).');
  });

  it('names the limit that stopped the reading, with its value', () => {
    const message = textStatusMessage(
      done({
        status: 'indexed',
        pageCount: 5000,
        indexedPages: 2000,
        stoppedAt: { limit: 'pages', lastPage: 2000 },
      }),
    );
    expect(message.tone).toBe('warning');
    expect(message.text).toBe('Texte indexé jusqu’à la page 2\u202f000 sur 5\u202f000.');
    expect(message.advice).toContain('au plus 2\u202f000 pages par document');
  });

  it.each([
    ['no-text', /^PDF sans texte \(document scanné \?\)/],
    ['password', /^PDF protégé par mot de passe/],
    ['unreadable', /^Fichier illisible/],
    ['too-large', /^Fichier trop volumineux pour la recherche \(limite 100 Mo\)/],
    ['too-complex', /\(limite 120 secondes\)/],
  ] as const)('explains a %s file in French, and says the item stays published', (status, text) => {
    const message = textStatusMessage(done({ status }));
    expect(message.tone).toBe('warning');
    expect(message.text).toMatch(text);
    expect(message.advice).toMatch(/^L’élément reste publié/);
  });

  it('speaks of captions as captions', () => {
    expect(
      textStatusMessage(done({ status: 'indexed', format: 'captions', cueCount: 312 })).text,
    ).toBe('Sous-titres indexés (312 répliques).');
    expect(textStatusMessage(done({ status: 'unreadable', format: 'captions' })).text).toMatch(
      /^Sous-titres illisibles/,
    );
    expect(textStatusMessage(done({ status: 'too-large', format: 'captions' })).text).toBe(
      'Fichier de sous-titres trop volumineux (limite 5 Mo).',
    );
  });

  it('says a draft’s new file is read once published', () => {
    const message = textStatusMessage({
      ...done({ status: 'indexed', indexedPages: 3 }),
      draftFileDiffers: true,
    });
    expect(message.advice).toBe('Le fichier du brouillon sera lu à sa publication.');
  });

  it('tells a file being read, a file not read and no file apart', () => {
    expect(textStatusMessage({ state: 'pending', limits }).text).toBe(
      'Lecture du texte du document en cours…',
    );
    expect(textStatusMessage({ state: 'not-read', fileName: 'son.mp3', limits }).text).toMatch(
      /ce fichier-ci n’est pas lu/,
    );
    expect(textStatusMessage({ state: 'no-file', limits }).text).toBe('Aucun fichier joint.');
  });
});
