// `npm run bench` (backup part). On a real Strapi seeded with the real content and 1,000 and
// 10,000 synthetic médiathèque items (PostgreSQL when installed, as in production; else
// SQLite): `npm run backup` against its baseline, a bare `strapi export`; `npm run restore`
// (without its safety backup) against a bare `strapi import`, the difference being the
// archive checks and the search reindex. Writes bench-results/backup.json.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileSearchAndCms } from '../cms/tests/helpers/compile';
import { createCmsEnv, removeCmsEnv } from '../cms/tests/helpers/cms-env';
import { runSeed, startCmsServer } from '../cms/tests/helpers/cms-process';
import { generateBackupKeyPair } from '../scripts/backup-crypto.ts';
import { STRAPI_BIN } from '../scripts/cms-commands.ts';
import { QUICK } from '../search/bench/bench-report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_BACKUP_SIZES ?? (QUICK ? '20' : '1000,10000'))
  .split(',')
  .map(Number);

/** Runs a Node program to its end and returns its duration in seconds. */
function timed(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = ROOT,
  acceptedCodes = [0],
): Promise<number> {
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('exit', (code) =>
      acceptedCodes.includes(code ?? -1)
        ? resolve((performance.now() - startedAt) / 1000)
        : reject(new Error(`${args.join(' ')} exited with ${code}:\n${stderr.slice(-2000)}`)),
    );
  });
}

const round = (value: number) => Math.round(value * 10) / 10;

async function main(): Promise<void> {
  compileSearchAndCms();
  const { findPostgresBin, startPostgresCluster, stopPostgresCluster } =
    await import('../cms/tests/helpers/postgres-cluster');
  const { startTestMeili } = await import('../site/tests/helpers/test-stack');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-bench-backup-'));
  const postgresBin = findPostgresBin();
  const cluster = postgresBin ? await startPostgresCluster(postgresBin) : undefined;
  const meili = await startTestMeili(path.join(dir, 'meili'));
  const results: Array<Record<string, number | string>> = [];
  try {
    for (const size of SIZES) {
      const env = await createCmsEnv(cluster ? 'postgres' : 'sqlite', cluster);
      const server = await startCmsServer(env);
      try {
        console.error(`bench backup: seeding ${size} synthetic items (${env.database})…`);
        await runSeed(env);
        await runSeed(env, ['--synthetic', String(size)]);
        const scriptEnv = {
          ...process.env,
          ...env.vars,
          CMS_URL: server.url,
          MEILI_URL: meili.url,
          MEILI_MASTER_KEY: meili.masterKey,
          BACKUP_DIR: path.join(dir, `backups-${size}`),
          BACKUP_PUBLIC_KEY: '',
          BACKUP_ENCRYPTION_KEY: '',
          DEJALA_ENV_FILE: path.join(dir, 'no-such.env'),
        };
        const cmsDir = path.join(ROOT, 'cms');
        const rawExport = path.join(dir, `raw-${size}`);
        const exportSeconds = await timed(
          [STRAPI_BIN, 'export', '--no-encrypt', '-f', rawExport],
          scriptEnv,
          cmsDir,
        );
        const backupSeconds = await timed([path.join(ROOT, 'scripts/backup.ts')], scriptEnv);
        const encryptedSeconds = await timed([path.join(ROOT, 'scripts/backup.ts')], {
          ...scriptEnv,
          BACKUP_PUBLIC_KEY: generateBackupKeyPair().publicKey,
        });
        const archive = fs
          .readdirSync(scriptEnv.BACKUP_DIR)
          .map((name) => path.join(scriptEnv.BACKUP_DIR, name))
          .sort()[0] as string;
        const importSeconds = await timed(
          [STRAPI_BIN, 'import', '--force', '-f', `${rawExport}.tar.gz`],
          scriptEnv,
          cmsDir,
        );
        // Exit code 2: no site server here to ask for a build; everything else ran.
        const restoreSeconds = await timed(
          [path.join(ROOT, 'scripts/restore.ts'), archive, '--yes', '--no-safety-backup'],
          { ...scriptEnv, SITE_REBUILD_URL: 'http://127.0.0.1:9/_hooks/rebuild' },
          ROOT,
          [0, 2],
        );
        results.push({
          items: size,
          database: env.database,
          strapiExportSeconds: round(exportSeconds),
          backupSeconds: round(backupSeconds),
          backupOverExport: round(backupSeconds / exportSeconds),
          encryptedBackupSeconds: round(encryptedSeconds),
          archiveMegabytes: round(fs.statSync(archive).size / 1e6),
          strapiImportSeconds: round(importSeconds),
          restoreSeconds: round(restoreSeconds),
          restoreOverImport: round(restoreSeconds / importSeconds),
        });
        console.error(`bench backup: ${JSON.stringify(results.at(-1))}`);
      } finally {
        await server.stop();
        removeCmsEnv(env);
      }
    }
  } finally {
    await meili.stop();
    if (postgresBin && cluster) stopPostgresCluster(postgresBin, cluster);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const report = {
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    results,
  };
  fs.mkdirSync(path.join(ROOT, 'bench-results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench-results', 'backup.json'),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  console.table(results);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
