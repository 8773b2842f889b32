import { Worker } from 'node:worker_threads';
import type { ContentStore } from '../src/content/content-store.ts';
import type { CodeBuild } from './code-build.ts';
import type { RenderJob, RenderWorkerMessage } from './render-worker.ts';

export interface RenderedSite {
  /** Every file of the folder: the code build's assets and the rendered addresses. */
  files: Map<string, string>;
  /** The addresses that have a file (the others answered 404). */
  addresses: Set<string>;
  /** Every address of the site (those that answered 404 too) → what its page read. */
  reads: Map<string, string[]>;
}

/**
 * Every address of the site rendered from `store` into the empty folder `targetDir`, beside the
 * code build's assets (hard links): the site as files, as a full render puts it live. Rendered
 * in a worker thread (render-worker.ts): this thread keeps answering while it runs.
 */
export function renderSite(
  code: CodeBuild,
  store: ContentStore,
  siteUrl: string,
  targetDir: string,
  log: (message: string) => void,
): Promise<RenderedSite> {
  const job: RenderJob = {
    codeDir: code.dir,
    clientDir: code.clientDir,
    source: store.source,
    entries: store.entries(),
    siteUrl,
    targetDir,
  };
  const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: job });
  return new Promise<RenderedSite>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
      // Astro's handler may hold timers: the worker is stopped, not waited for.
      void worker.terminate();
    };
    worker.on('message', (message: RenderWorkerMessage) => {
      if ('log' in message) log(message.log);
      else if ('rendered' in message) settle(() => resolve(message.rendered));
      else settle(() => reject(new Error(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (exitCode) =>
      settle(() => reject(new Error(`the render worker stopped (exit code ${exitCode})`))),
    );
  });
}
