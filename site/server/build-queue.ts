import type { BuildRecord, BuildState } from '@dejala/search/site-status';
import type { ChangedEntry } from '../src/content/content-changes.ts';

export interface BuildQueueOptions {
  /**
   * Renders, checks and switches a release — the fast path for `changes`, a full render when
   * null; throws when the live site must stay as it is. Returns the entries the release could
   * not render, if any, and the path that put it live.
   */
  build: (
    reasons: string[],
    changes: ChangedEntry[] | null,
  ) => Promise<Partial<Pick<BuildRecord, 'exceptions' | 'warnings' | 'path'>> | void>;
  /** Quiet time after the last request before a build starts: bursts become one build. */
  debounceMs: number;
  onFinished?: (record: BuildRecord) => void;
}

/**
 * The rebuild policy: requests arriving close together are coalesced into one build (after
 * `debounceMs` of quiet), one build runs at a time, and requests arriving during a build
 * cause exactly one follow-up build once it ends — so the last change is always built.
 */
export class BuildQueue {
  #state: BuildState = 'idle';
  #reasons: string[] = [];
  /** The entries named since the last build; null when one request needs a full render. */
  #changes: ChangedEntry[] | null = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #last: BuildRecord | null = null;
  #count = 0;
  #idleWaiters: Array<() => void> = [];
  readonly #options: BuildQueueOptions;

  constructor(options: BuildQueueOptions) {
    this.#options = options;
  }

  get state(): BuildState {
    return this.#state;
  }

  get lastBuild(): BuildRecord | null {
    return this.#last;
  }

  /** Builds started since this queue was created. */
  get buildCount(): number {
    return this.#count;
  }

  /** Asks for a build — of what touches `change`, or full without one; returns at once. */
  request(reason: string, change?: ChangedEntry): void {
    this.#reasons.push(reason);
    if (!change) this.#changes = null;
    else this.#changes?.push(change);
    if (this.#state === 'building') return; // followed up when the running build ends
    this.#state = 'queued';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), this.#options.debounceMs);
  }

  /** Resolves once nothing is queued or building. */
  whenIdle(): Promise<void> {
    if (this.#state === 'idle') return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Drops a queued build (at shutdown); a running build finishes. */
  cancelQueued(): void {
    clearTimeout(this.#timer);
    if (this.#state === 'queued') this.#settle();
  }

  async #run(): Promise<void> {
    const reasons = [...new Set(this.#reasons)];
    const changes = this.#changes;
    this.#reasons = [];
    this.#changes = [];
    this.#state = 'building';
    this.#count += 1;
    const started = new Date();
    let error: string | undefined;
    let result: Awaited<ReturnType<BuildQueueOptions['build']>> = undefined;
    try {
      result = await this.#options.build(reasons, changes);
    } catch (failure) {
      error = (failure as Error).message;
    }
    const finished = new Date();
    this.#last = {
      ok: error === undefined,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      ...(error === undefined ? {} : { error }),
      ...(result?.exceptions?.length ? { exceptions: result.exceptions } : {}),
      ...(result?.warnings?.length ? { warnings: result.warnings } : {}),
      ...(result?.path ? { path: result.path } : {}),
      reasons,
    };
    this.#options.onFinished?.(this.#last);
    if (this.#reasons.length > 0) {
      // Changes arrived during the build: exactly one follow-up, after the same quiet time.
      this.#state = 'queued';
      this.#timer = setTimeout(() => void this.#run(), this.#options.debounceMs);
    } else {
      this.#settle();
    }
  }

  #settle(): void {
    this.#state = 'idle';
    for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }
}
