// `npm run build-site`: the whole site rendered from the running CMS into SITE_OUT_DIR
// (default site/dist/) as plain files — what the site server puts live, the images its pages
// show under `_images/` — to look at, or to serve from elsewhere. The code build and the
// encoded images are kept in SITE_CACHE_DIR (default site/node_modules/.astro): the code is
// built again only when it changes, an image encoded only once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsConnectionFromEnv } from '@dejala/search/cms/cms-connection';
import { describeInvalidEntry } from '@dejala/search/site-status';
import { IMAGES_PATH } from '@dejala/search/site-urls';
import { imagesOfStore } from '../src/content/content-images.ts';
import { readAllContent } from '../src/content/read-content.ts';
import { rootEnv } from '../src/lib/root-env.ts';
import { CodeBuilds } from './code-build.ts';
import { SITE_CODE_INPUTS } from './code-inputs.ts';
import { renderSite } from './full-render.ts';
import { ImageCache } from './image-cache.ts';

const SITE_DIR = fileURLToPath(new URL('..', import.meta.url));
const env = rootEnv();
const log = (message: string) => console.log(message);
const siteUrl = env.SITE_URL || `http://localhost:${env.SITE_PORT || 4321}`;
const outDir = path.resolve(SITE_DIR, env.SITE_OUT_DIR || 'dist');
const cacheDir = path.resolve(SITE_DIR, env.SITE_CACHE_DIR || 'node_modules/.astro');

const code = await new CodeBuilds({
  codeDir: path.join(cacheDir, 'code-builds'),
  inputs: SITE_CODE_INPUTS,
  buildEnv: { SITE_URL: siteUrl },
  log,
}).current();
const cms = cmsConnectionFromEnv(env);
log(`site: reading the published content from ${cms.url}`);
const { store, exceptions } = await readAllContent(cms, undefined, (collection, count) =>
  log(`site: ${collection}: ${count} entries read`),
);
for (const entry of exceptions) log(`${describeInvalidEntry(entry)}: left out`);
const images = new ImageCache(path.join(cacheDir, 'images'), cms.url, log);
store.images = (await images.prepare(imagesOfStore(store))).index;
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const { files } = await renderSite(code, store, siteUrl, outDir, log);
const encoded = [...store.images].filter(([, variants]) => variants !== 'unreadable');
for (const [key] of encoded)
  fs.cpSync(path.join(images.dir, key), path.join(outDir, IMAGES_PATH, key), { recursive: true });
log(`site: ${files.size} files and ${encoded.length} images written to ${outDir}`);
