/** REST endpoints of the public collection types, as fixed by the API contract. */
export const COLLECTION_ENDPOINTS = [
  'offers',
  'trainings',
  'media-items',
  'case-studies',
  'themes',
  'territories',
  'pages',
];

/** REST endpoints of the public single types. */
export const SINGLE_ENDPOINTS = ['home-page', 'global'];
