import type { CollectionStep } from './import';
import { caseStudies } from './content/case-studies';
import { mediaItems } from './content/media-items';
import { offers } from './content/offers';
import { pages } from './content/pages';
import { global, homePage } from './content/singletons';
import { territories, themes } from './content/taxonomies';
import { trainings } from './content/trainings';

export const TAXONOMY_STEPS: CollectionStep[] = [
  { uid: 'api::theme.theme', entries: themes },
  { uid: 'api::territory.territory', entries: territories },
];

/** The organisation's real content, in dependency order (a relation's target comes first). */
export const REAL_CONTENT_STEPS: CollectionStep[] = [
  ...TAXONOMY_STEPS,
  { uid: 'api::media-item.media-item', entries: mediaItems },
  { uid: 'api::case-study.case-study', entries: caseStudies },
  { uid: 'api::offer.offer', entries: offers },
  { uid: 'api::training.training', entries: trainings },
  { uid: 'api::page.page', entries: pages },
];

export const REAL_SINGLE_TYPES = [
  { uid: 'api::home-page.home-page' as const, entry: homePage },
  { uid: 'api::global.global' as const, entry: global },
];
