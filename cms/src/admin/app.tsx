import type { StrapiApp } from '@strapi/strapi/admin';
import { DocumentTextPanel } from './document-text/DocumentTextPanel';
import { SiteStatusPanel } from './site-status/SiteStatusPanel';
import { ADMIN_FR } from './translations/admin-fr';
import { keepDesignSystemLabelsInFrench } from './translations/design-system-labels';

// Strapi keeps the chosen interface language under this key; French unless a user picked another.
const LANGUAGE_KEY = 'strapi-admin-language';
// The guided tour exists only in English: editors would meet it on every first visit.
const GUIDED_TOUR_KEY = 'STRAPI_GUIDED_TOUR';
// Strapi's English "new Media Library" banner, dismissed per project scope; with telemetry
// off the admin's scope uuid is `false`.
const MEDIA_LIBRARY_BANNER_KEY = 'STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_false:false';

export default {
  config: {
    locales: ['fr'],
    notifications: { releases: false },
    tutorials: false,
    // What Strapi ships in English only, in the screens editors use.
    translations: { fr: ADMIN_FR },
  },
  bootstrap(app: StrapiApp) {
    // Every edit view tells editors whether their publication is on the public site yet, and
    // a médiathèque item's what the search made of its file.
    const contentManager = app.getPlugin('content-manager') as unknown as {
      apis: { addEditViewSidePanel(panels: unknown[]): void };
    };
    contentManager.apis.addEditViewSidePanel([SiteStatusPanel, DocumentTextPanel]);
    if (!window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'fr');
    }
    if (!window.localStorage.getItem(GUIDED_TOUR_KEY)) {
      window.localStorage.setItem(GUIDED_TOUR_KEY, JSON.stringify({ enabled: false }));
    }
    if (window.localStorage.getItem(MEDIA_LIBRARY_BANNER_KEY) !== 'true') {
      window.localStorage.setItem(MEDIA_LIBRARY_BANNER_KEY, 'true');
    }
    keepDesignSystemLabelsInFrench();
  },
};
