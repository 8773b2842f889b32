import type { TestProject } from 'vitest/node';
import { compileSearchAndCms } from '../../../cms/tests/helpers/compile';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: {
      siteUrl: string;
      outDir: string;
      /** Static files of the build (Astro's outDir/client). */
      clientDir: string;
      cmsUrl: string;
      siteToken: string;
      fullToken: string;
      meiliUrl: string;
      masterKey: string;
      searchKey: string;
      buildMs: number;
    };
  }
}

// Items beyond the real content, so that the list has several pages and facets have counts.
const SYNTHETIC_ITEMS = 120;

/** One stack for every browser test: seeded CMS + fixtures, Meilisearch, built site, site server. */
export default async function setup(project: TestProject) {
  compileSearchAndCms();
  // Loaded after compiling: the helpers import the search package's build.
  const { startSiteStack } = await import('../helpers/test-stack');
  const stack = await startSiteStack({
    synthetic: SYNTHETIC_ITEMS,
    fixtures: true,
    log: (message) => console.error(`site e2e setup: ${message}`),
  });
  project.provide('stack', {
    siteUrl: stack.siteUrl,
    outDir: stack.outDir,
    clientDir: stack.clientDir,
    cmsUrl: stack.cms.url,
    siteToken: stack.cms.siteToken,
    fullToken: stack.cms.fullToken,
    meiliUrl: stack.meili.url,
    masterKey: stack.meili.masterKey,
    searchKey: stack.searchKey,
    buildMs: stack.buildMs,
  });
  return () => stack.stop();
}
