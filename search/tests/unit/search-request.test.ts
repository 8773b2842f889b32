import { describe, expect, it } from 'vitest';
import {
  parseSearchRequest,
  quoteFilterValue,
  SearchRequestError,
  toMeiliSearchParams,
} from '../../src/search-request.js';

const parse = (query: string) => parseSearchRequest(new URLSearchParams(query));

describe('parseSearchRequest', () => {
  it('reads a full request', () => {
    expect(
      parse(
        'q=rivière&type=rapport&theme=Eau&theme=Forêt&territory=Gard&year=2022&sort=recent&page=2&hitsPerPage=10',
      ),
    ).toEqual({
      q: 'rivière',
      type: ['rapport'],
      themes: ['Eau', 'Forêt'],
      territories: ['Gard'],
      years: [2022],
      sort: 'recent',
      page: 2,
      hitsPerPage: 10,
    });
  });

  it('defaults to the first page by relevance', () => {
    expect(parse('')).toMatchObject({ q: '', sort: 'pertinence', page: 1, hitsPerPage: 20 });
  });

  it.each([
    ['filter=type%20%3D%20x', 'filter'],
    ['q=' + 'a'.repeat(201), 'q'],
    ['sort=title:asc', 'sort'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=1&page=2', 'page'],
    ['year=22', 'year'],
    ['hitsPerPage=1000', 'hitsPerPage'],
    ['theme=' + 'x'.repeat(121), 'theme'],
    [Array.from({ length: 21 }, (_, n) => `theme=t${n}`).join('&'), 'theme'],
  ])('refuses %s, naming %s', (query, parameter) => {
    try {
      parse(query);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SearchRequestError);
      expect((error as SearchRequestError).parameter).toBe(parameter);
      expect((error as SearchRequestError).status).toBe(400);
      expect((error as SearchRequestError).messageFr).toMatch(/./);
    }
  });
});

describe('toMeiliSearchParams', () => {
  it('quotes every value and groups values of one facet with OR', () => {
    const params = toMeiliSearchParams(parse('theme=Eau&theme=Forêt&year=2021&sort=recent'));
    expect(params.filter).toEqual(['themes = "Eau" OR themes = "Forêt"', 'year = 2021']);
    expect(params.sort).toEqual(['publishedAt:desc']);
  });

  it('escapes quotes and backslashes inside values', () => {
    expect(quoteFilterValue('Eau" OR type = "article')).toBe('"Eau\\" OR type = \\"article"');
    expect(quoteFilterValue('a\\"b')).toBe('"a\\\\\\"b"');
  });
});
