// Backup and restore of the CMS (content, uploads, settings) through Strapi's export and
// import, plus its admin accounts, which that export leaves out. Meilisearch and the site's
// releases are not backed up: both are rebuilt from the CMS, so a restore ends with a search
// reindex and a site build.
import fs from 'node:fs';
import path from 'node:path';
import { packBackup, unpackBackup, type BackupManifest } from './backup-archive.ts';
import { ROOT, runAdminAccounts, runSearchCli, runStrapi, strapiVersion } from './cms-commands.ts';

type Log = (message: string) => void;

/** The folder backups are written to: BACKUP_DIR, else `backups/` at the repository root. */
export function backupDir(env: NodeJS.ProcessEnv): string {
  return path.resolve(ROOT, env.BACKUP_DIR || 'backups');
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z').replace('T', '-');
}

/** A private working folder beside the backups (same disk: no copy across file systems). */
function workDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return fs.mkdtempSync(path.join(dir, '.work-'));
}

/**
 * Exports the CMS with Strapi, and its admin accounts, and packs them with a manifest into
 * one archive (encrypted when BACKUP_ENCRYPTION_KEY is set). Returns its path and manifest.
 */
export async function createBackup(
  env: NodeJS.ProcessEnv,
  options: { out?: string; label?: string; log: Log },
): Promise<{ file: string; manifest: BackupManifest }> {
  const dir = backupDir(env);
  const suffix = options.label ? `-${options.label}` : '';
  const file = path.resolve(options.out ?? path.join(dir, `dejala-${timestamp()}${suffix}.tar`));
  if (fs.existsSync(file)) throw new Error(`${file} already exists; not overwriting it.`);
  const work = workDir(path.dirname(file));
  try {
    options.log('backup: exporting the CMS (content, uploads, settings) with strapi export…');
    await runStrapi(['export', '--no-encrypt', '-f', path.join(work, 'export')], env);
    options.log('backup: saving the admin accounts…');
    await runAdminAccounts('export', path.join(work, 'admin-accounts.json'), env);
    options.log(`backup: packing${env.BACKUP_ENCRYPTION_KEY ? ' and encrypting' : ''}…`);
    const manifest = await packBackup({
      plainExport: path.join(work, 'export.tar.gz'),
      plainAccounts: path.join(work, 'admin-accounts.json'),
      out: file,
      key: env.BACKUP_ENCRYPTION_KEY || undefined,
      strapiVersion,
      databaseClient: env.DATABASE_CLIENT || 'sqlite',
    });
    return { file, manifest };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// The names createBackup gives to scheduled backups (labelled ones, such as before-restore,
// are never pruned).
const SCHEDULED_BACKUP = /^dejala-\d{8}-\d{6}Z\.tar$/;

/**
 * Deletes the oldest unlabelled backups in `dir` beyond the `keep` newest (their names sort
 * by date); returns the names deleted. Labelled archives and any other file stay.
 */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep must be 1 or more, not ${keep}`);
  const scheduled = fs
    .readdirSync(dir)
    .filter((name) => SCHEDULED_BACKUP.test(name))
    .sort();
  const removed = scheduled.slice(0, Math.max(0, scheduled.length - keep));
  for (const name of removed) fs.rmSync(path.join(dir, name));
  return removed;
}

/** A manifest in one line for logs: entries per content type, uploads, admin accounts. */
export function describeManifest(manifest: BackupManifest): string {
  const types = Object.entries(manifest.entries)
    .filter(([uid]) => uid.startsWith('api::'))
    .map(([uid, count]) => `${uid.replace(/^api::|\..*$/g, '')} ${count}`)
    .join(', ');
  const megabytes = (manifest.uploads.bytes / 1e6).toFixed(1);
  const accounts = manifest.accounts ? `${manifest.accounts.count}` : 'none saved';
  return `${types || 'no entries'}; uploads ${manifest.uploads.files} files (${megabytes} MB); admin accounts ${accounts}`;
}

/**
 * Checks that an archive can be restored — format, checksums, decryption with
 * BACKUP_ENCRYPTION_KEY, readable export and accounts — without touching the CMS.
 */
export async function checkBackup(
  env: NodeJS.ProcessEnv,
  archive: string,
): Promise<BackupManifest> {
  const work = workDir(backupDir(env));
  try {
    const { manifest } = await unpackBackup(
      path.resolve(archive),
      work,
      env.BACKUP_ENCRYPTION_KEY || undefined,
    );
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export interface RestoreReport {
  manifest: BackupManifest;
  safetyBackup: string | null;
  reindexed: boolean;
  siteRebuildRequested: boolean;
}

/**
 * Replaces the CMS's content, uploads and settings with the archive's and sets its admin
 * accounts back to their state in the archive (accounts created since and API tokens stay
 * as they are), after saving the current state as a backup of its own.
 * Then rebuilds the search index and asks the site server for a build; either follow-up
 * failing is reported, not thrown: the content is restored by then.
 */
export async function restoreBackup(
  env: NodeJS.ProcessEnv,
  archive: string,
  options: { safetyBackup: boolean; log: Log },
): Promise<RestoreReport> {
  const log = options.log;
  const work = workDir(backupDir(env));
  try {
    log(`restore: checking ${archive}…`);
    const { manifest, plainExport, plainAccounts } = await unpackBackup(
      path.resolve(archive),
      work,
      env.BACKUP_ENCRYPTION_KEY || undefined,
    );
    log(`restore: backup of ${manifest.createdAt}: ${describeManifest(manifest)}`);
    let safetyBackup: string | null = null;
    if (options.safetyBackup) {
      log('restore: saving the current content first (a backup labelled before-restore)…');
      safetyBackup = (await createBackup(env, { label: 'before-restore', log })).file;
      log(`restore: current content saved in ${safetyBackup}`);
    }
    log('restore: importing with strapi import (replaces every entry and upload)…');
    await runStrapi(['import', '--force', '-f', plainExport], env);
    if (plainAccounts) {
      log('restore: bringing back the admin accounts…');
      await runAdminAccounts('import', plainAccounts, env).catch((error: Error) => {
        throw new Error(
          `the content and uploads are restored, the admin accounts are NOT (${error.message}); run the restore again`,
        );
      });
    } else {
      log(
        'restore: this backup holds no admin accounts (made before they were saved): accounts stay as they are',
      );
    }

    let reindexed = false;
    try {
      log('restore: rebuilding the search index from the CMS…');
      await runSearchCli(['reindex'], env);
      reindexed = true;
    } catch (error) {
      log(
        `restore: the search index was NOT rebuilt (${(error as Error).message}); once the CMS and Meilisearch are up, run \`npm run reindex\` (in the CMS container: \`node search/dist/cli.js reindex\`).`,
      );
    }
    const siteRebuildRequested = await requestSiteBuild(env, log);
    return { manifest, safetyBackup, reindexed, siteRebuildRequested };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Asks the site server for a build, as the CMS's webhook does after a publish. */
async function requestSiteBuild(env: NodeJS.ProcessEnv, log: Log): Promise<boolean> {
  const url = env.SITE_REBUILD_URL || `http://127.0.0.1:${env.SITE_PORT || 4321}/_hooks/rebuild`;
  const interval = Math.round(Number(env.SITE_RECONCILE_INTERVAL_MS || 300_000) / 60_000);
  try {
    if (!env.REBUILD_SECRET) throw new Error('REBUILD_SECRET is not set');
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${env.REBUILD_SECRET}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ event: 'backup.restore' }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    log(`restore: site build requested (${url})`);
    return true;
  } catch (error) {
    log(
      `restore: could not ask the site server for a build (${(error as Error).message}); it rebuilds on its own within ${interval} min of seeing the change.`,
    );
    return false;
  }
}
