import knex from 'knex';
import type { CmsEnv } from './cms-env';

/**
 * Writes columns of an entry's published row straight into the CMS's database, behind Strapi's
 * back: how an import, a restore or a rule newer than the entry lets in what the CMS would
 * refuse today. `table` and `columns` are Strapi's snake_case names (`media_items`, `body`).
 */
export async function writePublishedRow(
  env: CmsEnv,
  table: string,
  documentId: string,
  columns: Record<string, unknown>,
): Promise<void> {
  const { vars } = env;
  const db =
    vars.DATABASE_CLIENT === 'sqlite'
      ? knex({
          client: 'better-sqlite3',
          connection: { filename: vars.DATABASE_FILENAME! },
          useNullAsDefault: true,
        })
      : knex({
          client: 'pg',
          connection: {
            host: vars.DATABASE_HOST,
            port: Number(vars.DATABASE_PORT),
            user: vars.DATABASE_USERNAME,
            database: vars.DATABASE_NAME,
          },
        });
  try {
    const values = Object.fromEntries(
      Object.entries(columns).map(([name, value]) => [
        name,
        typeof value === 'object' && value !== null ? JSON.stringify(value) : value,
      ]),
    );
    await db(table)
      .where({ document_id: documentId })
      .whereNotNull('published_at')
      .update({ ...values, updated_at: new Date() });
  } finally {
    await db.destroy();
  }
}
