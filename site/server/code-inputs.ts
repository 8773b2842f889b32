import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the site's code build is made of: its sources and the shared package's build. */
export const SITE_CODE_INPUTS = [
  'site/src',
  'site/astro.config.ts',
  'site/package.json',
  'search/dist',
  'package-lock.json',
].map((input) => path.join(ROOT, input));
