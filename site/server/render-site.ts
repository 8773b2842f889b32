// `npm run build-site`: the whole site rendered from the running CMS into SITE_OUT_DIR
// (default site/dist/) as plain files — what the site server puts live — to look at, or to
// serve from elsewhere. The code build is kept in SITE_CACHE_DIR (default
// site/node_modules/.astro) and made again only when the code changes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cmsConnectionFromEnv } from '@dejala/search/cms/cms-connection';
import { describeInvalidEntry } from '@dejala/search/site-status';
import { readAllContent } from '../src/content/read-content.ts';
import { rootEnv } from '../src/lib/root-env.ts';
import { CodeBuilds } from './code-build.ts';
import { SITE_CODE_INPUTS } from './code-inputs.ts';
import { renderSite } from './full-render.ts';

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
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const { files } = await renderSite(code, store, siteUrl, outDir, log);
log(`site: ${files.size} files written to ${outDir}`);
