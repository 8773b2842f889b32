import type { SearchParams } from 'meilisearch';

/** A visitor's médiathèque search, validated: what the site sends to `/_search`. */
export interface MediaSearchQuery {
  q: string;
  type: string[];
  themes: string[];
  territories: string[];
  years: number[];
  sort: 'pertinence' | 'recent';
  page: number;
  hitsPerPage: number;
}

/** A 400 for the client: `message` for logs (English), `messageFr` for visitors. */
export class SearchRequestError extends Error {
  readonly status = 400;
  readonly messageFr: string;
  readonly parameter: string;

  constructor(parameter: string, message: string, messageFr: string) {
    super(message);
    this.name = 'SearchRequestError';
    this.parameter = parameter;
    this.messageFr = messageFr;
  }
}

export const MAX_QUERY_LENGTH = 200;

/**
 * Highlight markers: private-use characters rather than HTML tags, so the page splits
 * highlighted text into text nodes and never parses content as HTML.
 */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';
const MAX_VALUE_LENGTH = 120;
const MAX_VALUES_PER_FACET = 20;
const MAX_PAGE = 1000;
const HITS_PER_PAGE = [10, 20, 50];
const SORTS = ['pertinence', 'recent'] as const;

// Query parameter → facet attribute of the index.
const FACET_PARAMETERS = {
  type: 'type',
  theme: 'themes',
  territory: 'territories',
  year: 'year',
} as const;
const KNOWN_PARAMETERS = new Set([
  'q',
  'sort',
  'page',
  'hitsPerPage',
  ...Object.keys(FACET_PARAMETERS),
]);

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) {
    throw new SearchRequestError(
      name,
      `parameter "${name}" given more than once`,
      `Le paramètre « ${name} » est répété.`,
    );
  }
  return values[0];
}

function integer(
  params: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = single(params, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new SearchRequestError(
      name,
      `"${name}" must be a whole number from ${min} to ${max}`,
      `« ${name} » doit être un nombre entier entre ${min} et ${max}.`,
    );
  }
  return value;
}

function facetValues(params: URLSearchParams, name: string): string[] {
  const values = params
    .getAll(name)
    .map((value) => value.trim())
    .filter(Boolean);
  if (values.length > MAX_VALUES_PER_FACET) {
    throw new SearchRequestError(
      name,
      `at most ${MAX_VALUES_PER_FACET} values for "${name}"`,
      `Trop de valeurs pour « ${name} ».`,
    );
  }
  for (const value of values) {
    if (value.length > MAX_VALUE_LENGTH) {
      throw new SearchRequestError(
        name,
        `a "${name}" value is longer than ${MAX_VALUE_LENGTH} characters`,
        `Une valeur de « ${name} » est trop longue.`,
      );
    }
  }
  return [...new Set(values)];
}

/** Validates the query string of a médiathèque search; throws SearchRequestError on bad input. */
export function parseSearchRequest(params: URLSearchParams): MediaSearchQuery {
  for (const name of new Set(params.keys())) {
    if (!KNOWN_PARAMETERS.has(name)) {
      throw new SearchRequestError(
        name,
        `unknown parameter "${name}"`,
        `Paramètre de recherche inconnu : « ${name} ».`,
      );
    }
  }
  const q = (single(params, 'q') ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH) {
    throw new SearchRequestError(
      'q',
      `query longer than ${MAX_QUERY_LENGTH} characters`,
      `La recherche est trop longue (${MAX_QUERY_LENGTH} caractères au plus).`,
    );
  }
  const sort = single(params, 'sort') ?? 'pertinence';
  if (!(SORTS as readonly string[]).includes(sort)) {
    throw new SearchRequestError('sort', `unknown sort "${sort}"`, `Tri inconnu : « ${sort} ».`);
  }
  const years = facetValues(params, 'year').map((value) => {
    if (!/^\d{4}$/.test(value))
      throw new SearchRequestError(
        'year',
        `invalid year "${value}"`,
        `Année invalide : « ${value} ».`,
      );
    return Number(value);
  });
  const hitsPerPage = integer(params, 'hitsPerPage', 20, 1, 50);
  if (!HITS_PER_PAGE.includes(hitsPerPage)) {
    throw new SearchRequestError(
      'hitsPerPage',
      `hitsPerPage must be one of ${HITS_PER_PAGE.join(', ')}`,
      `Nombre de résultats par page invalide.`,
    );
  }
  return {
    q,
    type: facetValues(params, 'type'),
    themes: facetValues(params, 'theme'),
    territories: facetValues(params, 'territory'),
    years,
    sort: sort as MediaSearchQuery['sort'],
    page: integer(params, 'page', 1, 1, MAX_PAGE),
    hitsPerPage,
  };
}

/** The fields of an item that a result shows (the médiathèque's static list shows the same). */
export const RESULT_FIELDS = [
  'id',
  'title',
  'url',
  'type',
  'typeLabel',
  'summary',
  'authors',
  'themes',
  'territories',
  'year',
  'durationMinutes',
  'coverKey',
  'coverAlt',
] as const;

/** A filter value inside double quotes, with `\` and `"` escaped: never raw concatenation. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** One OR-group per facet (values of one facet widen, facets narrow each other). */
function facetFilter(attribute: string, values: Array<string | number>): string[] {
  if (values.length === 0) return [];
  return [
    values
      .map(
        (value) => `${attribute} = ${typeof value === 'number' ? value : quoteFilterValue(value)}`,
      )
      .join(' OR '),
  ];
}

/** Meilisearch parameters of a validated query: filters in array form, highlight and crop for snippets. */
export function toMeiliSearchParams(query: MediaSearchQuery): SearchParams {
  return {
    q: query.q,
    filter: [
      ...facetFilter(FACET_PARAMETERS.type, query.type),
      ...facetFilter(FACET_PARAMETERS.theme, query.themes),
      ...facetFilter(FACET_PARAMETERS.territory, query.territories),
      ...facetFilter(FACET_PARAMETERS.year, query.years),
    ],
    sort: query.sort === 'recent' ? ['publishedAt:desc'] : undefined,
    page: query.page,
    hitsPerPage: query.hitsPerPage,
    facets: Object.values(FACET_PARAMETERS),
    attributesToRetrieve: [
      ...RESULT_FIELDS,
      // Which passage stood for the item: a page of its file, or the item itself.
      'itemId',
      'kind',
      'page',
      'start',
      'fileUrl',
      'player',
    ],
    // Excerpts around the words found in the editor's text or in a page of the file.
    attributesToHighlight: ['title', 'summary', 'body', 'text'],
    attributesToCrop: ['body', 'text'],
    cropLength: 30,
    highlightPreTag: HIGHLIGHT_START,
    highlightPostTag: HIGHLIGHT_END,
  };
}
