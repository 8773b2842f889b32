import { FACET_PARAMS, type MediaSearchState } from './media-search-types';

export const EMPTY_SEARCH: MediaSearchState = {
  q: '',
  type: [],
  theme: [],
  territory: [],
  year: [],
  sort: 'pertinence',
  page: 1,
};

/** Reads a search from a query string; unknown or malformed values fall back to defaults. */
export function searchFromQuery(query: string): MediaSearchState {
  const params = new URLSearchParams(query);
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    type: params.getAll('type'),
    theme: params.getAll('theme'),
    territory: params.getAll('territory'),
    year: params.getAll('year').filter((year) => /^\d{4}$/.test(year)),
    sort: params.get('sort') === 'recent' ? 'recent' : 'pertinence',
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** The query string of a search, defaults left out so URLs stay short and shareable. */
export function queryFromSearch(state: MediaSearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FACET_PARAMS) state[name].forEach((value) => params.append(name, value));
  if (state.sort !== 'pertinence') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  return params.toString();
}

export function isEmptySearch(state: MediaSearchState): boolean {
  return queryFromSearch(state) === '';
}
