/**
 * Run by tsx against a PostgreSQL CMS database (search-outbox.test.ts): a change bumps an
 * outbox row's version in a transaction still open while the sync records the old version as
 * done; the change commits once `done` waits on its lock. Prints the row as it is afterwards.
 */
import type { Knex } from 'knex';
import { closeStrapi, loadStrapi } from '../../scripts/load-strapi';
import { createOutboxStore, enqueueMediaSync } from '../../src/search-sync/outbox-store';

const TABLE = 'search_outbox';

/** Resolves once another session of this database waits on a row lock. */
async function someoneWaitsOnALock(knex: Knex): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const { rows } = await knex.raw(
      `select 1 from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no session waited on the change’s lock within 5 s');
}

async function main(): Promise<void> {
  const strapi = await loadStrapi();
  try {
    const knex = strapi.db.connection;
    const store = createOutboxStore(strapi);
    await enqueueMediaSync(strapi, ['race-document']);
    const [synced] = await store.due(10, new Date());
    if (!synced) throw new Error('the outbox row was not due');

    const change = await knex.transaction();
    await change(TABLE)
      .where({ id: synced.id })
      .update({ version: synced.version + 1 });
    const done = store.done([synced]);
    await someoneWaitsOnALock(knex);
    await change.commit();
    await done;

    const row = await knex(TABLE).where({ id: synced.id }).first();
    console.log(
      JSON.stringify({ syncedVersion: synced.version, versionAfter: row?.version ?? null }),
    );
  } finally {
    await closeStrapi(strapi);
  }
}

void main();
