import { caseStudyGuidance } from './case-study';
import { authorGuidance, seoGuidance, sessionGuidance } from './components';
import { mediaItemGuidance } from './media-item';
import { offerGuidance } from './offer';
import { globalGuidance, homePageGuidance, pageGuidance } from './pages';
import { territoryGuidance, themeGuidance } from './taxonomies';
import { trainingGuidance } from './training';
import type { Guidance } from './types';

/** Guidance per content type uid, with the field the admin lists entries by. */
export const CONTENT_TYPE_GUIDANCE: Record<string, { mainField?: string; fields: Guidance }> = {
  'api::offer.offer': { mainField: 'title', fields: offerGuidance },
  'api::training.training': { mainField: 'title', fields: trainingGuidance },
  'api::media-item.media-item': { mainField: 'title', fields: mediaItemGuidance },
  'api::case-study.case-study': { mainField: 'title', fields: caseStudyGuidance },
  'api::theme.theme': { mainField: 'name', fields: themeGuidance },
  'api::territory.territory': { mainField: 'name', fields: territoryGuidance },
  'api::page.page': { mainField: 'title', fields: pageGuidance },
  'api::home-page.home-page': { mainField: 'heroTitle', fields: homePageGuidance },
  'api::global.global': { mainField: 'siteName', fields: globalGuidance },
};

export const COMPONENT_GUIDANCE: Record<string, { mainField?: string; fields: Guidance }> = {
  'shared.seo': { mainField: 'metaTitle', fields: seoGuidance },
  'shared.author': { mainField: 'name', fields: authorGuidance },
  'training.session': { mainField: 'place', fields: sessionGuidance },
};
