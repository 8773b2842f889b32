import { describe, expect, it } from 'vitest';
import { parseSearchRequest } from '@dejala/search/search-request';
import { EMPTY_SEARCH, queryFromSearch, searchFromQuery } from '../../src/media-search/search-url';

describe('search state in the URL', () => {
  it('round-trips a search through its query string', () => {
    const state = {
      q: 'l’eau & la forêt',
      type: ['rapport', 'vidéo'],
      theme: ['Eau'],
      territory: ['Gard'],
      year: ['2022'],
      sort: 'recent' as const,
      page: 3,
    };
    expect(searchFromQuery(queryFromSearch(state))).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(queryFromSearch(EMPTY_SEARCH)).toBe('');
    expect(queryFromSearch({ ...EMPTY_SEARCH, q: 'eau' })).toBe('q=eau');
  });

  it('falls back to defaults on malformed values rather than failing', () => {
    expect(searchFromQuery('page=-2&sort=worst&year=20x2')).toEqual(EMPTY_SEARCH);
  });

  it('writes only parameters that /_search accepts', () => {
    const query = queryFromSearch({
      q: 'eau',
      type: ['rapport'],
      theme: ['Eau'],
      territory: ['Gard'],
      year: ['2022'],
      sort: 'recent',
      page: 2,
    });
    expect(() => parseSearchRequest(new URLSearchParams(query))).not.toThrow();
  });
});
