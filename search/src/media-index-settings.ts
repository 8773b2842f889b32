import type { Settings } from 'meilisearch';
import { FRENCH_STOP_WORDS, FRENCH_SYNONYMS } from './french.js';

/** Attributes a search request may filter or facet on. */
export const FILTERABLE_ATTRIBUTES = ['type', 'themes', 'territories', 'year'] as const;
/** Attributes the sync filters on to replace or remove an item's passages (never visitors). */
const SYNC_FILTER_ATTRIBUTES = ['itemId', 'kind', 'textKey'];
/** Attributes a search request may sort on. */
export const SORTABLE_ATTRIBUTES = ['publishedAt', 'title'] as const;

/**
 * Settings of the `media` index, applied idempotently at start-up and by the CLI. Order of
 * searchable attributes is relevance order: a match in the title outranks one in the body,
 * which outranks one in the file's text. One hit per item (`distinctAttribute`): totals,
 * pages and facet counts count items, never passages.
 */
export const MEDIA_INDEX_SETTINGS: Settings = {
  searchableAttributes: ['title', 'summary', 'authors', 'themes', 'territories', 'body', 'text'],
  distinctAttribute: 'itemId',
  filterableAttributes: [...FILTERABLE_ATTRIBUTES, ...SYNC_FILTER_ATTRIBUTES],
  sortableAttributes: [...SORTABLE_ATTRIBUTES],
  displayedAttributes: [
    'id',
    'itemId',
    'kind',
    'title',
    'slug',
    'url',
    'type',
    'typeLabel',
    'summary',
    'body',
    'authors',
    'themes',
    'themeSlugs',
    'territories',
    'territorySlugs',
    'year',
    'publishedAt',
    'coverKey',
    'coverAlt',
    'durationMinutes',
    'fileUrl',
    'player',
    'textKey',
    'passageCount',
    'page',
    'start',
    'text',
  ],
  stopWords: FRENCH_STOP_WORDS,
  synonyms: FRENCH_SYNONYMS,
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
    // Years and slugs must match exactly.
    disableOnAttributes: [],
    disableOnNumbers: true,
  },
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
  faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
  // Totals and facet counts stay exact up to this many items.
  pagination: { maxTotalHits: 100_000 },
};
