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

interface PendingRender {
  resolve: (rendered: RenderedSite) => void;
  reject: (error: Error) => void;
  log: (message: string) => void;
}

/**
 * The worker thread that runs full renders (render-worker.ts), one at a time, kept from one
 * render to the next of a code build: its compiled code and the build's routes stay loaded.
 * It holds the process open only while it renders.
 */
class RenderWorker {
  #worker: Worker | null = null;
  /** The code build the worker loaded: another one gets a new worker. */
  #codeDir: string | null = null;
  #pending: PendingRender | null = null;

  render(job: RenderJob, log: (message: string) => void): Promise<RenderedSite> {
    if (this.#pending) return Promise.reject(new Error('a full render is already running'));
    if (this.#worker && this.#codeDir !== job.codeDir) {
      void this.#worker.terminate();
      this.#worker = null;
    }
    this.#codeDir = job.codeDir;
    const worker = (this.#worker ??= this.#start());
    worker.ref();
    return new Promise<RenderedSite>((resolve, reject) => {
      this.#pending = { resolve, reject, log };
      worker.postMessage(job);
    });
  }

  #start(): Worker {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url));
    worker.on('message', (message: RenderWorkerMessage) => {
      if ('log' in message) return this.#pending?.log(message.log);
      if ('rendered' in message) this.#settle((pending) => pending.resolve(message.rendered));
      else this.#settle((pending) => pending.reject(new Error(message.error)));
    });
    const lost = (error: Error) => {
      if (this.#worker !== worker) return; // replaced for another code build
      this.#worker = null; // started again for the next render
      this.#settle((pending) => pending.reject(error));
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the render worker stopped (exit code ${code})`)));
    return worker;
  }

  #settle(outcome: (pending: PendingRender) => void): void {
    const pending = this.#pending;
    this.#pending = null;
    this.#worker?.unref();
    if (pending) outcome(pending);
  }
}

const renderWorker = new RenderWorker();

/**
 * Every address of the site rendered from `store` into the empty folder `targetDir`, beside the
 * code build's assets (hard links): the site as files, as a full render puts it live. Rendered
 * in a worker thread: this thread keeps answering while it runs.
 */
export function renderSite(
  code: CodeBuild,
  store: ContentStore,
  siteUrl: string,
  targetDir: string,
  log: (message: string) => void,
): Promise<RenderedSite> {
  return renderWorker.render(
    {
      codeDir: code.dir,
      clientDir: code.clientDir,
      source: store.source,
      entries: store.entries(),
      images: store.images && [...store.images],
      siteUrl,
      targetDir,
    },
    log,
  );
}
