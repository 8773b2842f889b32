// The médiathèque's types, once: what each is called for visitors, its schema.org type, and
// how it is consulted. The CMS's content type keeps its own enumeration (Strapi's schema);
// tests/unit/media-types.test.ts checks that both list the same values.

export interface MediaType {
  /** French label shown to visitors. */
  label: string;
  /** schema.org type of the item page's structured data. */
  schemaOrg: string;
  /** How it is consulted: read (a document), watched, listened to or looked at. */
  consulted: 'read' | 'watched' | 'listened' | 'looked';
}

export const MEDIA_TYPES = {
  vidéo: { label: 'Vidéo', schemaOrg: 'VideoObject', consulted: 'watched' },
  article: { label: 'Article', schemaOrg: 'Article', consulted: 'read' },
  rapport: { label: 'Rapport', schemaOrg: 'Report', consulted: 'read' },
  podcast: { label: 'Podcast', schemaOrg: 'PodcastEpisode', consulted: 'listened' },
  photo: { label: 'Photo', schemaOrg: 'Photograph', consulted: 'looked' },
  publication: { label: 'Publication', schemaOrg: 'CreativeWork', consulted: 'read' },
} as const satisfies Record<string, MediaType>;

export type MediaTypeValue = keyof typeof MEDIA_TYPES;

/** The types' values, in the CMS's order. */
export const MEDIA_TYPE_VALUES = Object.keys(MEDIA_TYPES) as [MediaTypeValue, ...MediaTypeValue[]];

/** French label of each type, as shown to visitors (facets, results, item pages). */
export const TYPE_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(MEDIA_TYPES).map(([value, type]) => [value, type.label]),
);

/** The type of a value, or undefined for one the médiathèque does not know. */
export const mediaType = (value: string): MediaType | undefined =>
  (MEDIA_TYPES as Record<string, MediaType>)[value];
