// Full renders, in a worker thread of the site server (full-render.ts starts it and sends it
// one job at a time): thousands of pages keep a core busy for seconds to minutes, and on the
// server's own thread their turns and their garbage collections delayed every `/_search` and
// page it answered meanwhile. The worker also runs at a lower CPU priority than that thread.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { OnDemandHandler } from './loaded-release.ts';
import {
  ContentStore,
  type ContentSource,
  type StoredEntry,
} from '../src/content/content-store.ts';
import type { CollectionName } from '@dejala/search/content-registry';
import type { ImageRecord } from '../src/content/content-images.ts';
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
  /** The store's encoded images (`ContentStore.images`), as plain data. */
  images: Array<[string, ImageRecord]> | null;
  siteUrl: string;
  targetDir: string;
}

export type RenderWorkerMessage = { log: string } | { rendered: RenderedSite } | { error: string };

// A progress line every so many pages.
const PROGRESS_EVERY = 1000;
// Steps below the server's own priority (on Linux, a thread's nice value is its own).
const LOWER_PRIORITY_BY = 5;

const post = (message: RenderWorkerMessage) => parentPort!.postMessage(message);

// The routes of the code build, loaded by the first job (a worker serves one code build).
let onDemand: Promise<OnDemandHandler> | null = null;

async function renderJob(job: RenderJob): Promise<RenderedSite> {
  onDemand ??= loadOnDemand(job.codeDir).catch((error: Error) => {
    onDemand = null; // tried again by the next job
    throw error;
  });
  const store = ContentStore.fromEntries(job.source, job.entries);
  store.images = job.images && new Map(job.images);
  const render = createRenderer(await onDemand, job.siteUrl);
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

try {
  os.setPriority(Math.min(19, os.getPriority() + LOWER_PRIORITY_BY));
} catch {
  // Not allowed here: renders run at the server's priority.
}
parentPort!.on('message', (job: RenderJob) => {
  renderJob(job).then(
    (rendered) => post({ rendered }),
    (error: Error) => post({ error: error.message }),
  );
});
