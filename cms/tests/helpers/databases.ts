import { inject } from 'vitest';
import type { PostgresCluster } from './postgres-cluster';

export type DatabaseKind = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresCluster | null;
  }
}

/**
 * The databases the suites that run on either test against. Locally SQLite, and PostgreSQL
 * too when the setup started it. On CI PostgreSQL alone, production's database, which halves
 * those suites' time (some 15 minutes of an hour-long run): SQLite, `npm start`'s database,
 * stays tested on CI by the suites that only run on it — the documented commands, the start
 * script, the fresh clone, the admin walk, the uploads, the site's browser tests.
 * TEST_DATABASES=both runs both on CI too.
 */
export function testDatabases(): DatabaseKind[] {
  if (!inject('postgres')) return ['sqlite'];
  const both = process.env.TEST_DATABASES === 'both' || !process.env.CI;
  return both ? ['sqlite', 'postgres'] : ['postgres'];
}

export function postgresCluster(): PostgresCluster {
  const cluster = inject('postgres');
  if (!cluster) throw new Error('PostgreSQL cluster not started by the global setup');
  return cluster;
}
