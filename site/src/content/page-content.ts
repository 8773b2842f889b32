import type { EntryOf } from './content-store.ts';
import type { SiteContent } from './site-content.ts';

/**
 * The content a page renders from: set by the site server for every render (and by the dev
 * server's middleware under `astro dev`). A page reads content only through it, so the site
 * server knows what each page read.
 */
export function pageContent(locals: App.Locals): SiteContent {
  if (!locals.content)
    throw new Error('no content to render from: pages are rendered by the site server');
  return locals.content;
}

/** The collections whose entries have a page of their own (the registry's types with a `path`). */
export type PagedCollection = 'offers' | 'trainings' | 'mediaItems' | 'caseStudies' | 'pages';

/** The entry an entry page shows: the one published at the route's `slug`, if any. */
export function entryAt<C extends PagedCollection>(
  astro: { locals: App.Locals; params: Record<string, string | undefined> },
  collection: C,
): EntryOf<C> | undefined {
  const slug = astro.params.slug;
  return slug === undefined ? undefined : pageContent(astro.locals).bySlug(collection, slug);
}

/** What an entry page answers when nothing is published at its address. */
export const notFound = () => new Response(null, { status: 404 });
