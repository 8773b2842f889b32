/** One pending change: "make the index match the CMS for this media document". */
export interface OutboxRow {
  id: number;
  mediaDocumentId: string;
  /** Changed (a new random token) on every change to the same document, so a change made during a sync is not lost. */
  version: number;
  attempts: number;
}

/** The outbox as persisted in the CMS database. */
export interface OutboxStore {
  /** Rows whose next attempt is due, oldest first. */
  due(limit: number, now: Date): Promise<OutboxRow[]>;
  /** Removes rows that were synced, unless a newer change arrived for them meanwhile. */
  done(rows: OutboxRow[]): Promise<void>;
  /** Schedules another attempt for rows whose sync failed. */
  retryLater(rows: OutboxRow[], nextAttemptAt: Date, error: string): Promise<void>;
  /**
   * Keeps rows whose sync is not complete yet (their file's text is being extracted) until
   * `nextAttemptAt`, unless a newer change arrived meanwhile; not counted as a failure.
   */
  defer(rows: OutboxRow[], nextAttemptAt: Date): Promise<void>;
}

export interface DrainerOptions {
  store: OutboxStore;
  /** Syncs these items; those it names as waiting for their text are kept in the outbox. */
  sync(documentIds: string[]): Promise<{ waitingForText?: string[] } | void>;
  batchSize?: number;
  intervalMs?: number;
  log?: { info(message: string): void; warn(message: string): void };
}

const MAX_BACKOFF_MS = 60_000;
/**
 * How long a row waits for its item's text. The extraction asks for a new sync as soon as the
 * text is ready; this is the fallback when that request was lost (the CMS restarted).
 */
export const TEXT_WAIT_MS = 10 * 60_000;

/** Delay before attempt n+1: 1 s, 2 s, 4 s … capped at one minute. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.max(0, attempts));
}

export interface Drainer {
  /** Drains every due row now; resolves when the outbox has nothing due (or a sync failed). */
  drain(): Promise<void>;
  /** Asks for a drain soon, without waiting (after an enqueue). */
  kick(): void;
  stop(): Promise<void>;
}

/**
 * Background worker of the outbox: takes due rows in batches, syncs them, removes them on
 * success and reschedules them with exponential backoff on failure. Runs one drain at a time.
 */
export function startDrainer(options: DrainerOptions): Drainer {
  const batchSize = options.batchSize ?? 100;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let failing = false;

  const drainOnce = async (): Promise<void> => {
    for (;;) {
      const rows = await options.store.due(batchSize, new Date());
      if (rows.length === 0) return;
      try {
        const result = await options.sync([...new Set(rows.map((row) => row.mediaDocumentId))]);
        const waiting = new Set(result?.waitingForText ?? []);
        await options.store.done(rows.filter((row) => !waiting.has(row.mediaDocumentId)));
        const deferred = rows.filter((row) => waiting.has(row.mediaDocumentId));
        if (deferred.length > 0)
          await options.store.defer(deferred, new Date(Date.now() + TEXT_WAIT_MS));
        if (failing) options.log?.info('search sync: Meilisearch reachable again, outbox draining');
        failing = false;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const attempts = Math.max(...rows.map((row) => row.attempts));
        await options.store.retryLater(rows, new Date(Date.now() + backoffMs(attempts)), message);
        if (!failing)
          options.log?.warn(`search sync: ${rows.length} change(s) kept for retry: ${message}`);
        failing = true;
        return;
      }
      if (stopped) return;
    }
  };

  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drainOnce();
        } catch (error) {
          options.log?.warn(`search sync: outbox unreadable: ${(error as Error).message}`);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = setInterval(() => void drain(), options.intervalMs ?? 1000);
  timer.unref();

  return {
    drain,
    kick: () => void drain(),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
