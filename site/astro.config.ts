import node from '@astrojs/node';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { searchDevServices } from './src/integrations/search-dev-services';
import { selfContainedServer } from './src/integrations/self-contained-server';
import { rootEnv } from './src/lib/root-env';

const env = rootEnv();

// Values computed here are part of Astro's cache key: read the CMS address and token in the
// loader instead (changing them must not throw away the incremental build cache).
export default defineConfig({
  site: env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  // Pages are prerendered; the few on-demand routes (search results without JavaScript) are
  // rendered by the site server through the adapter's middleware.
  adapter: node({ mode: 'middleware' }),
  // Fixed per deployment (the site server builds into one staging folder, then copies the
  // result into a release): a changing value here would reset the incremental build cache.
  outDir: env.SITE_OUT_DIR || './dist',
  cacheDir: env.SITE_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    react(),
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/mediatheque/page/') }),
    searchDevServices(),
    selfContainedServer(),
  ],
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: Number(env.SITE_DEV_PORT || 4322) },
  experimental: { incrementalBuild: true },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
