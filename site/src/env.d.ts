/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the site server for every render: the published content, recording what is read. */
    content?: import('./content/site-content').SiteContent;
    /** Set by the site server once a preview link's signature is checked: what to read, and how. */
    preview?: {
      cms: import('@dejala/search/cms/cms-connection').CmsConnection;
      status: 'draft' | 'published';
    };
    /** Set by the site server on on-demand routes: runs a médiathèque search with its search-only key. */
    searchMedia?: (
      params: URLSearchParams,
    ) => Promise<import('@dejala/search/media-search').MediaSearchOutcome>;
  }
}

// Plain `tsc` does not read .astro files (the Astro language tools do): type their default export.
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
