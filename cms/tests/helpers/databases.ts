import { inject } from 'vitest';
import type { PostgresCluster } from './postgres-cluster';

export type DatabaseKind = 'sqlite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresCluster | null;
  }
}

/** The databases this run tests against: SQLite always, PostgreSQL when the setup started it. */
export function testDatabases(): DatabaseKind[] {
  return inject('postgres') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export function postgresCluster(): PostgresCluster {
  const cluster = inject('postgres');
  if (!cluster) throw new Error('PostgreSQL cluster not started by the global setup');
  return cluster;
}
