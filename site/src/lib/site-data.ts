import { getCollection, getEntry } from 'astro:content';
import type { Global } from '@dejala/search/schemas/global';
import type { HomePage } from '@dejala/search/schemas/home-page';

/** The `global` single type: every page needs it, so a missing one stops the build. */
export async function getGlobal(): Promise<Global> {
  const entry = await getEntry('global', 'global');
  if (!entry)
    throw new Error('CMS single type "global" is missing: fill "Paramètres du site" in the admin.');
  return entry.data;
}

export async function getHomePage(): Promise<HomePage> {
  const entry = await getEntry('homePage', 'home-page');
  if (!entry)
    throw new Error(
      'CMS single type "home-page" is not published: publish "Page d’accueil" in the admin.',
    );
  return entry.data;
}

/** Entries of a collection by title, French collation (accents, case). */
export async function sortedByTitle<C extends 'offers' | 'trainings' | 'caseStudies' | 'pages'>(
  collection: C,
) {
  const entries = await getCollection(collection);
  return entries.map((entry) => entry.data).sort((a, b) => a.title.localeCompare(b.title, 'fr'));
}
