import { randomInt } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { OutboxRow, OutboxStore } from '@dejala/search/outbox-drainer';

const OUTBOX = 'api::search-outbox.search-outbox';

/**
 * Records that the index must be brought in line with these media documents. Called inside
 * the transaction of the change itself, so a committed publish always has its outbox row.
 * Update-then-insert, never read-then-write: a row the drainer deletes concurrently cannot
 * swallow the change (PostgreSQL re-checks the row once the other transaction commits). Two
 * concurrent first changes may leave two rows for one document: both are drained, harmlessly.
 */
export async function enqueueMediaSync(
  strapi: Core.Strapi,
  documentIds: Iterable<string>,
): Promise<void> {
  const now = new Date();
  for (const mediaDocumentId of new Set(documentIds)) {
    // A new token tells the drainer that this row changed while it was being synced.
    const data = { version: randomInt(1, 2 ** 31 - 1), attempts: 0, nextAttemptAt: now };
    const { count } = await strapi.db
      .query(OUTBOX)
      .updateMany({ where: { mediaDocumentId }, data });
    if (count === 0) await strapi.db.query(OUTBOX).create({ data: { mediaDocumentId, ...data } });
  }
}

/**
 * The outbox drained by the search sync, over the CMS database. Rows are matched on their
 * version with `deleteMany`/`updateMany`, one statement each: Strapi's `delete`/`update` read
 * the row first and then write it by id, so a change committed between the two (a new version,
 * read by no sync yet) would be deleted or deferred with the row it replaced.
 */
export function createOutboxStore(strapi: Core.Strapi): OutboxStore {
  return {
    async due(limit, now) {
      return strapi.db.query(OUTBOX).findMany({
        where: { nextAttemptAt: { $lte: now } },
        orderBy: { nextAttemptAt: 'asc' },
        limit,
        select: ['id', 'mediaDocumentId', 'version', 'attempts'],
      }) as Promise<OutboxRow[]>;
    },
    async done(rows) {
      for (const row of rows) {
        // A newer change bumped the version meanwhile: keep the row for the next round.
        await strapi.db.query(OUTBOX).deleteMany({ where: { id: row.id, version: row.version } });
      }
    },
    async retryLater(rows, nextAttemptAt, error) {
      for (const row of rows) {
        // Not matched on the version: a change made meanwhile waits for the retry with it.
        await strapi.db.query(OUTBOX).updateMany({
          where: { id: row.id },
          data: { attempts: row.attempts + 1, nextAttemptAt, lastError: error.slice(0, 2000) },
        });
      }
    },
    async defer(rows, nextAttemptAt) {
      for (const row of rows) {
        // Matched on the version too: a row changed meanwhile stays due.
        await strapi.db
          .query(OUTBOX)
          .updateMany({ where: { id: row.id, version: row.version }, data: { nextAttemptAt } });
      }
    },
  };
}
