/** Content types readable by the public (and the site build), by API id. */
export const PUBLIC_COLLECTION_TYPES = [
  'api::offer.offer',
  'api::training.training',
  'api::media-item.media-item',
  'api::case-study.case-study',
  'api::theme.theme',
  'api::territory.territory',
  'api::page.page',
] as const;

export const PUBLIC_SINGLE_TYPES = ['api::home-page.home-page', 'api::global.global'] as const;

/** Every type staff edit in the admin; the Éditeur role gets full content rights on these. */
export const EDITORIAL_TYPES = [...PUBLIC_COLLECTION_TYPES, ...PUBLIC_SINGLE_TYPES] as const;

/** Collection types whose `slug` is derived from a source field when a client leaves it out. */
export const SLUG_SOURCES: Readonly<Record<string, string>> = {
  'api::offer.offer': 'title',
  'api::training.training': 'title',
  'api::media-item.media-item': 'title',
  'api::case-study.case-study': 'title',
  'api::page.page': 'title',
  'api::theme.theme': 'name',
  'api::territory.territory': 'name',
};
