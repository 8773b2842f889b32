import type { TestProject } from 'vitest/node';
import { compileSearchAndCms } from './compile';
import type { PostgresCluster } from './postgres-cluster';

/**
 * Compiles the search package and the CMS once for every test file (each then runs
 * `strapi start` on dist/), and starts one private PostgreSQL cluster when the server
 * binaries are installed. On CI a missing PostgreSQL is an error rather than a silently
 * skipped half of the suite.
 */
export default async function setup(project: TestProject) {
  compileSearchAndCms();

  // Loaded once search/dist exists: the cluster helper uses the search package's process tools.
  const { findPostgresBin, startPostgresCluster, stopPostgresCluster } =
    await import('./postgres-cluster');
  const wanted = process.env.TEST_POSTGRES ?? (process.env.CI ? 'required' : 'auto');
  const binDir = wanted === 'off' ? undefined : findPostgresBin();
  if (!binDir && wanted === 'required') {
    throw new Error(
      'PostgreSQL server binaries not found (apt-get install postgresql): required on CI.',
    );
  }
  let cluster: PostgresCluster | null = null;
  if (binDir) cluster = await startPostgresCluster(binDir);
  project.provide('postgres', cluster);

  return () => {
    if (binDir && cluster) stopPostgresCluster(binDir, cluster);
  };
}
