import type { CollectionName } from '@dejala/search/content-registry';
import CaseStudyView from './CaseStudyView.astro';
import MediaItemView from './MediaItemView.astro';
import OfferView from './OfferView.astro';
import PageView from './PageView.astro';
import TrainingView from './TrainingView.astro';

/**
 * The view of each public type with a page of its own (the registry's types with a `path`):
 * its static page and its preview render it with the entry as `entry`.
 */
export const ENTRY_VIEWS = {
  offers: OfferView,
  trainings: TrainingView,
  mediaItems: MediaItemView,
  caseStudies: CaseStudyView,
  pages: PageView,
} satisfies Partial<Record<CollectionName, unknown>>;
