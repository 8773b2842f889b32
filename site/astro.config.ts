import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { searchDevProxy } from './src/dev/search-dev-proxy';

// Values computed here are part of Astro's cache key: read the CMS address and token in the
// loader instead (changing them must not throw away the incremental build cache).
export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  // Pages are prerendered; the few on-demand routes (search results without JavaScript) are
  // rendered by the site server through the adapter's middleware.
  adapter: node({ mode: 'middleware' }),
  // Fixed per deployment (the site server builds into one staging folder, then copies the
  // result into a release): a changing value here would reset the incremental build cache.
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir: process.env.SITE_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    react(),
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/mediatheque/page/') }),
    searchDevProxy(),
  ],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: Number(process.env.SITE_DEV_PORT || 4321) },
  experimental: { incrementalBuild: true },
  vite: {
    build: { assetsInlineLimit: 0 },
    // The server half of a build carries its dependencies, so a build folder runs wherever it
    // is (a release folder outside the project) and keeps working after an upgrade.
    environments: {
      ssr: { resolve: { noExternal: true } },
      prerender: { resolve: { noExternal: true } },
    },
  },
});
