import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@dejala/search/child-process';

/** Where a private PostgreSQL cluster for the test run listens. */
export interface PostgresCluster {
  host: string;
  port: number;
  user: string;
  dataDir: string;
}

/** The newest Debian PostgreSQL server binaries, or undefined when none is installed. */
export function findPostgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

// runuser lives in sbin, which a CI shell's PATH may leave out.
const RUNUSER =
  ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((file) => fs.existsSync(file)) ??
  'runuser';

// initdb refuses to run as root: run the server binaries as the postgres system user.
function asPostgres(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, fileArgs] = asRoot
    ? [RUNUSER, ['-u', 'postgres', '--', command, ...args]]
    : [command, args];
  const result = spawnSync(file, fileArgs, { encoding: 'utf8' });
  if (result.error) throw new Error(`${file} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
}

/** Creates and starts a throwaway cluster on 127.0.0.1 with trust authentication. */
export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
  const port = await freePort();
  asPostgres(path.join(binDir, 'initdb'), [
    '-D',
    path.join(dataDir, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  asPostgres(path.join(binDir, 'pg_ctl'), [
    '-D',
    path.join(dataDir, 'data'),
    '-l',
    path.join(dataDir, 'server.log'),
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${dataDir} -c fsync=off -c full_page_writes=off`,
    '-w',
    'start',
  ]);
  return { host: '127.0.0.1', port, user: 'postgres', dataDir };
}

export function stopPostgresCluster(binDir: string, cluster: PostgresCluster): void {
  asPostgres(path.join(binDir, 'pg_ctl'), [
    '-D',
    path.join(cluster.dataDir, 'data'),
    '-m',
    'fast',
    '-w',
    'stop',
  ]);
  fs.rmSync(cluster.dataDir, { recursive: true, force: true });
}
