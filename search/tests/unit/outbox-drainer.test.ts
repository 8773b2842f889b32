import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  startDrainer,
  type OutboxRow,
  type OutboxStore,
} from '../../src/outbox-drainer.js';

/** An in-memory outbox with the same contract as the CMS one. */
function memoryStore(rows: OutboxRow[]) {
  const retries: Array<{ ids: number[]; error: string }> = [];
  const store: OutboxStore = {
    async due(limit, now) {
      return rows
        .filter(
          (row) =>
            (row as OutboxRow & { next?: number }).next === undefined ||
            (row as OutboxRow & { next: number }).next <= now.getTime(),
        )
        .slice(0, limit);
    },
    async done(done) {
      for (const row of done) {
        const index = rows.findIndex(
          (candidate) => candidate.id === row.id && candidate.version === row.version,
        );
        if (index >= 0) rows.splice(index, 1);
      }
    },
    async retryLater(failed, nextAttemptAt, error) {
      retries.push({ ids: failed.map((row) => row.id), error });
      for (const row of failed)
        Object.assign(row, { attempts: row.attempts + 1, next: nextAttemptAt.getTime() });
    },
    async defer(waiting, nextAttemptAt) {
      for (const row of waiting) Object.assign(row, { next: nextAttemptAt.getTime() });
    },
  };
  return { store, rows, retries };
}

const row = (id: number, mediaDocumentId: string): OutboxRow => ({
  id,
  mediaDocumentId,
  version: 1,
  attempts: 0,
});

describe('outbox drainer', () => {
  it('syncs due rows in batches and removes them', async () => {
    const { store, rows } = memoryStore([row(1, 'a'), row(2, 'b'), row(3, 'c')]);
    const synced: string[][] = [];
    const drainer = startDrainer({
      store,
      batchSize: 2,
      intervalMs: 60_000,
      sync: async (ids) => {
        synced.push(ids);
      },
    });
    await drainer.drain();
    await drainer.stop();
    expect(synced).toEqual([['a', 'b'], ['c']]);
    expect(rows).toEqual([]);
  });

  it('keeps rows and backs off when the sync fails', async () => {
    const { store, rows, retries } = memoryStore([row(1, 'a')]);
    const drainer = startDrainer({
      store,
      intervalMs: 60_000,
      sync: async () => Promise.reject(new Error('connect ECONNREFUSED')),
    });
    await drainer.drain();
    await drainer.stop();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.attempts).toBe(1);
    expect(retries).toEqual([{ ids: [1], error: 'connect ECONNREFUSED' }]);
  });

  it('keeps a row changed again while it was being synced', async () => {
    const { store, rows } = memoryStore([row(1, 'a')]);
    const drainer = startDrainer({
      store,
      intervalMs: 60_000,
      sync: async () => {
        const pending = rows[0];
        if (pending && pending.version === 1) pending.version = 2;
      },
    });
    await drainer.drain();
    await drainer.stop();
    // Version 1 was synced and version 2 arrived meanwhile: the second pass synced and removed it.
    expect(rows).toEqual([]);
  });

  it('backs off exponentially up to a minute', () => {
    expect([0, 1, 2, 3].map(backoffMs)).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(30)).toBe(60_000);
  });
});
