import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { PostgresCluster } from './postgres-cluster';

const CMS_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Compiles the search package and the CMS once for every test file (each then runs
 * `strapi start` on dist/), and starts one private PostgreSQL cluster when the server
 * binaries are installed. On CI a missing PostgreSQL is an error rather than a silently
 * skipped half of the suite.
 */
export default async function setup(project: TestProject) {
  const require = createRequire(path.join(CMS_DIR, 'package.json'));
  const tsc = require.resolve('typescript/bin/tsc');
  // The CMS loads the search package's build (search/dist) at run time.
  for (const folder of [path.join(CMS_DIR, '..', 'search'), CMS_DIR]) {
    execFileSync(process.execPath, [tsc, '-p', path.join(folder, 'tsconfig.json')], {
      stdio: 'inherit',
    });
  }

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
