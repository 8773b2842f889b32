import { getCollection } from 'astro:content';
import { pageCacheKey } from './page-cache-key';
import { getGlobal } from './site-data';

/** The collections whose entries have a page of their own (the registry's types with a `path`). */
type PagedCollection = 'offers' | 'trainings' | 'mediaItems' | 'caseStudies' | 'pages';

/**
 * `getStaticPaths` of an entry page: one page per entry at its slug, with the entry as
 * `entry`, re-rendered when the entry or the site-wide data it shows change.
 */
export async function entryPages<C extends PagedCollection>(collection: C) {
  const global = await getGlobal();
  return (await getCollection(collection)).map(({ data }) => ({
    params: { slug: data.slug },
    props: { entry: data },
    cacheKey: pageCacheKey(data, global),
  }));
}
