import path from 'path';
import type { Core } from '@strapi/strapi';

/** better-sqlite3's connection, as knex hands it to the pool. */
interface SqliteConnection {
  pragma(statement: string): unknown;
  prepare(sql: string): unknown;
}

/** SQLite (embedded, the default for local use and tests) or PostgreSQL (production). */
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const pool = { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) };

  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          connectionString: env('DATABASE_URL'),
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'strapi'),
          password: env('DATABASE_PASSWORD', ''),
          ssl: env.bool('DATABASE_SSL', false) && {
            rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
          },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool,
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }
  if (client !== 'sqlite') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" or "postgres".`);
  }
  // dist/config → the cms folder; an absolute DATABASE_FILENAME is kept as is.
  const cmsDir = path.join(__dirname, '..', '..');
  const busyTimeout = env.int('DATABASE_BUSY_TIMEOUT', 15000);
  return {
    connection: {
      client: 'sqlite',
      connection: { filename: path.resolve(cmsDir, env('DATABASE_FILENAME', '.tmp/data.db')) },
      useNullAsDefault: true,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      // Another process may write the same file (`npm run seed` beside the running CMS):
      // WAL lets readers go on while one writes, and a writer waits for the lock instead of
      // failing at once ("database is locked").
      pool: {
        afterCreate(connection: unknown, done: (error?: Error, connection?: unknown) => void) {
          try {
            const sqlite = connection as SqliteConnection;
            sqlite.pragma('journal_mode = WAL');
            sqlite.pragma(`busy_timeout = ${busyTimeout}`);
            // knex opens transactions with a deferred BEGIN: one that has read and then
            // writes fails at once, without waiting, when the other process committed in
            // between. Taking the write lock at BEGIN makes it wait its turn instead.
            const prepare = sqlite.prepare.bind(sqlite);
            sqlite.prepare = (sql: string) => prepare(sql === 'BEGIN;' ? 'BEGIN IMMEDIATE;' : sql);
            done(undefined, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
    },
  };
};

export default config;
