import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { devServices } from './src/integrations/dev-services';
import { selfContainedServer } from './src/integrations/self-contained-server';
import { rootEnv } from './src/lib/root-env';

const env = rootEnv();

// `astro build` builds the site's code, not its content: every page is rendered by the site
// server from the published content it holds (site/server/renderer.ts), into a release of
// static files — all pages at a full render, the pages a publication touched on the fast path.
export default defineConfig({
  site: env.SITE_URL || 'http://localhost:4321',
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  outDir: env.SITE_OUT_DIR || './dist',
  cacheDir: env.SITE_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [react(), devServices(), selfContainedServer()],
  devToolbar: { enabled: false },
  // Each page's policy: Astro adds its scripts' and styles' hashes (no 'unsafe-inline'); the
  // middleware adds the uploads' origin and the video players (src/middleware.ts).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  server: { host: '127.0.0.1', port: Number(env.SITE_DEV_PORT || 4322) },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
