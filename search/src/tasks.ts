import type { EnqueuedTaskPromise, Task } from 'meilisearch';

/** A Meilisearch task that ended without succeeding; `code` is Meilisearch's error code. */
export class MeiliTaskError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'MeiliTaskError';
  }
}

/**
 * How often a task is asked after: the client's default (50 ms) was most of publish →
 * searchable once a one-document task took ~10 ms, and each sync waits for two tasks.
 */
const POLL_INTERVAL_MS = 10;

/**
 * Waits for a Meilisearch task and throws when it did not succeed: the client resolves
 * failed tasks instead of rejecting, which would otherwise pass silently.
 */
export async function succeeded(task: EnqueuedTaskPromise, timeout = 60_000): Promise<Task> {
  const done = await task.waitTask({ timeout, interval: POLL_INTERVAL_MS });
  if (done.status !== 'succeeded') {
    const reason = done.error ? `${done.error.code}: ${done.error.message}` : done.status;
    throw new MeiliTaskError(
      `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${reason}`,
      done.error?.code,
    );
  }
  return done;
}
