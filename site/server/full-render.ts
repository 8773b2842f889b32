import type { ContentStore } from '../src/content/content-store.ts';
import { SiteContent } from '../src/content/site-content.ts';
import { releaseFileOf, sitePaths } from '../src/content/site-paths.ts';
import type { CodeBuild } from './code-build.ts';
import { linkFiles, readReleaseFiles, writeAddress } from './release-files.ts';
import { createRenderer } from './renderer.ts';

export interface RenderedSite {
  /** Every file of the folder: the code build's assets and the rendered addresses. */
  files: Map<string, string>;
  /** The addresses that have a file (the others answered 404). */
  addresses: Set<string>;
  /** Every address of the site (those that answered 404 too) → what its page read. */
  reads: Map<string, string[]>;
}

// A progress line every so many pages.
const PROGRESS_EVERY = 1000;

/**
 * Every address of the site rendered from `store` into the empty folder `targetDir`, beside the
 * code build's assets (hard links): the site as files, as a full render puts it live.
 */
export async function renderSite(
  code: CodeBuild,
  store: ContentStore,
  siteUrl: string,
  targetDir: string,
  log: (message: string) => void,
): Promise<RenderedSite> {
  const files = linkFiles(readReleaseFiles(code.clientDir), targetDir);
  const render = createRenderer(code.onDemand, siteUrl);
  const reads = new Map<string, string[]>();
  const addresses = new Set<string>();
  const paths = sitePaths(new SiteContent(store));
  const started = performance.now();
  for (const [index, { path: address }] of paths.entries()) {
    // Between two pages, whatever else this server has to answer (`/_search`, pages) goes first.
    await new Promise((resolve) => setImmediate(resolve));
    const rendered = await render(address, store);
    reads.set(address, rendered.reads);
    if (rendered.body) {
      files.set(releaseFileOf(address), writeAddress(targetDir, address, rendered.body));
      addresses.add(address);
    }
    if ((index + 1) % PROGRESS_EVERY === 0)
      log(`site: rendered ${index + 1}/${paths.length} addresses`);
  }
  log(`site: ${addresses.size} files rendered in ${Math.round(performance.now() - started)} ms`);
  return { files, addresses, reads };
}
