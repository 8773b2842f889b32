import type { StrapiApp } from '@strapi/strapi/admin';

// Strapi keeps the chosen interface language under this key; French unless a user picked another.
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['fr'],
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {
    if (!window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'fr');
    }
  },
};
