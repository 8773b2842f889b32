/** The Meilisearch index holding one document per published médiathèque item. */
export const MEDIA_INDEX_UID = 'media';
