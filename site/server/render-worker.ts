// A full render, in a worker thread of the site server (full-render.ts starts it): thousands of
// pages keep a core busy for seconds to minutes, and on the server's own thread their turns
// and their garbage collections delayed every `/_search` and page it answered meanwhile. The
// worker also runs at a lower CPU priority than the server's thread.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import {
  ContentStore,
  type ContentSource,
  type StoredEntry,
} from '../src/content/content-store.ts';
import type { CollectionName } from '@dejala/search/content-registry';
import { SiteContent } from '../src/content/site-content.ts';
import { releaseFileOf, sitePaths } from '../src/content/site-paths.ts';
import { loadOnDemand } from './code-build.ts';
import type { RenderedSite } from './full-render.ts';
import { linkFiles, readReleaseFiles, writeAddress } from './release-files.ts';
import { createRenderer } from './renderer.ts';

/** What the worker is given: the code build, the content (as plain data), where to write. */
export interface RenderJob {
  codeDir: string;
  clientDir: string;
  source: ContentSource;
  entries: Array<[CollectionName, string, StoredEntry]>;
  siteUrl: string;
  targetDir: string;
}

export type RenderWorkerMessage = { log: string } | { rendered: RenderedSite } | { error: string };

// A progress line every so many pages.
const PROGRESS_EVERY = 1000;
// Steps below the server's own priority (on Linux, a thread's nice value is its own).
const LOWER_PRIORITY_BY = 5;

async function render(job: RenderJob): Promise<RenderedSite> {
  const post = (message: RenderWorkerMessage) => parentPort!.postMessage(message);
  try {
    os.setPriority(Math.min(19, os.getPriority() + LOWER_PRIORITY_BY));
  } catch {
    // Not allowed here: the render runs at the server's priority.
  }
  const store = ContentStore.fromEntries(job.source, job.entries);
  const render = createRenderer(await loadOnDemand(job.codeDir), job.siteUrl);
  const files = linkFiles(readReleaseFiles(job.clientDir), job.targetDir);
  const reads = new Map<string, string[]>();
  const addresses = new Set<string>();
  const paths = sitePaths(new SiteContent(store));
  const started = performance.now();
  for (const [index, { path: address }] of paths.entries()) {
    const rendered = await render(address, store);
    reads.set(address, rendered.reads);
    if (rendered.body) {
      files.set(releaseFileOf(address), writeAddress(job.targetDir, address, rendered.body));
      addresses.add(address);
    }
    if ((index + 1) % PROGRESS_EVERY === 0)
      post({ log: `site: rendered ${index + 1}/${paths.length} addresses` });
  }
  post({
    log: `site: ${addresses.size} files rendered in ${Math.round(performance.now() - started)} ms`,
  });
  return { files, addresses, reads };
}

render(workerData as RenderJob).then(
  (rendered) => parentPort!.postMessage({ rendered } satisfies RenderWorkerMessage),
  (error: Error) => parentPort!.postMessage({ error: error.message } satisfies RenderWorkerMessage),
);
