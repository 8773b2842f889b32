// Backup and restore of the CMS (content, uploads, settings) through Strapi's export and
// import, plus its admin accounts, which that export leaves out. Meilisearch and the site's
// releases are not backed up: both are rebuilt from the CMS, so a restore ends with a search
// reindex and a site build.
import fs from 'node:fs';
import path from 'node:path';
import {
  packBackup,
  unpackBackup,
  type BackupManifest,
  type OpenOptions,
} from './backup-archive.ts';
import { parsePublicKey, parseSecretKey } from './backup-crypto.ts';
import { ROOT, runAdminAccounts, runSearchCli, runStrapi, strapiVersion } from './cms-commands.ts';
import { createPrivateWorkDir } from './private-work-dir.ts';
import { required } from '../search/src/platform-env.ts';

type Log = (message: string) => void;

/** The folder backups are written to: BACKUP_DIR, else `backups/` at the repository root. */
export function backupDir(env: NodeJS.ProcessEnv): string {
  return path.resolve(ROOT, env.BACKUP_DIR || 'backups');
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, 'Z').replace('T', '-');
}

/**
 * The key backups are encrypted to: BACKUP_PUBLIC_KEY (`npm run setup` makes the pair). A
 * BACKUP_ENCRYPTION_KEY alone (the former passphrase) is refused rather than silently
 * writing unencrypted backups.
 */
export function backupPublicKey(env: NodeJS.ProcessEnv) {
  if (env.BACKUP_PUBLIC_KEY) return parsePublicKey(env.BACKUP_PUBLIC_KEY);
  if (env.BACKUP_ENCRYPTION_KEY) {
    throw new Error(
      'BACKUP_ENCRYPTION_KEY no longer encrypts backups (it stays only to read older ones): run `npm run setup` to create the backup key pair (BACKUP_PUBLIC_KEY), or remove BACKUP_ENCRYPTION_KEY to write unencrypted backups.',
    );
  }
  return undefined;
}

/**
 * How archives are opened: the secret key from `keyFile` or BACKUP_SECRET_KEY, the former
 * passphrase for old archives, and whether unauthenticated archives are refused (they are
 * whenever a backup key is configured, unless the operator allows them).
 */
export function openOptions(
  env: NodeJS.ProcessEnv,
  options: { keyFile?: string; allowUnauthenticated?: boolean } = {},
): OpenOptions {
  const text = options.keyFile ? fs.readFileSync(options.keyFile, 'utf8') : env.BACKUP_SECRET_KEY;
  const secretKey = text ? parseSecretKey(text) : undefined;
  return {
    secretKey,
    legacyKey: env.BACKUP_ENCRYPTION_KEY || undefined,
    requireAuthenticated:
      !options.allowUnauthenticated && Boolean(env.BACKUP_PUBLIC_KEY || secretKey),
  };
}

/**
 * Exports the CMS with Strapi, and its admin accounts, and packs them with a manifest into
 * one archive (encrypted to BACKUP_PUBLIC_KEY when set). The plain export stays in a private
 * work folder outside the backups folder. Returns the archive's path and manifest.
 */
export async function createBackup(
  env: NodeJS.ProcessEnv,
  options: { out?: string; label?: string; log: Log },
): Promise<{ file: string; manifest: BackupManifest }> {
  const publicKey = backupPublicKey(env);
  const dir = backupDir(env);
  const suffix = options.label ? `-${options.label}` : '';
  const file = path.resolve(options.out ?? path.join(dir, `dejala-${timestamp()}${suffix}.tar`));
  if (fs.existsSync(file)) throw new Error(`${file} already exists; not overwriting it.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const work = createPrivateWorkDir(env, options.log);
  try {
    options.log('backup: exporting the CMS (content, uploads, settings) with strapi export…');
    await runStrapi(['export', '--no-encrypt', '-f', path.join(work.dir, 'export')], env);
    options.log('backup: saving the admin accounts…');
    await runAdminAccounts(['export', path.join(work.dir, 'admin-accounts.json')], env);
    options.log(`backup: packing${publicKey ? ' and encrypting' : ''}…`);
    const manifest = await packBackup({
      plainExport: path.join(work.dir, 'export.tar.gz'),
      plainAccounts: path.join(work.dir, 'admin-accounts.json'),
      work: work.dir,
      out: file,
      publicKey,
      strapiVersion,
      databaseClient: env.DATABASE_CLIENT || 'sqlite',
    });
    return { file, manifest };
  } finally {
    work.remove();
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
 * Checks that an archive can be restored — format, checksums, authentication and decryption
 * with the secret key, readable export and accounts — without touching the CMS.
 */
export async function checkBackup(
  env: NodeJS.ProcessEnv,
  archive: string,
  open: OpenOptions,
): Promise<BackupManifest> {
  const work = createPrivateWorkDir(env);
  try {
    return (await unpackBackup(path.resolve(archive), work.dir, open)).manifest;
  } finally {
    work.remove();
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
  options: { safetyBackup: boolean; removeNewerAccess: boolean; open: OpenOptions; log: Log },
): Promise<RestoreReport> {
  const log = options.log;
  const work = createPrivateWorkDir(env, log);
  try {
    log(`restore: checking ${archive}…`);
    const { manifest, plainExport, plainAccounts } = await unpackBackup(
      path.resolve(archive),
      work.dir,
      options.open,
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
      const accountArgs = ['import', plainAccounts, '--since', manifest.createdAt];
      if (options.removeNewerAccess) accountArgs.push('--remove-newer');
      await runAdminAccounts(accountArgs, env).catch((error: Error) => {
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
    work.remove();
  }
}

/** Asks the site server for a build, as the CMS's webhook does after a publish. */
async function requestSiteBuild(env: NodeJS.ProcessEnv, log: Log): Promise<boolean> {
  const url = env.SITE_REBUILD_URL || `http://127.0.0.1:${env.SITE_PORT || 4321}/_hooks/rebuild`;
  const interval = Math.round(Number(env.SITE_RECONCILE_INTERVAL_MS || 300_000) / 60_000);
  try {
    const secret = required(env, 'REBUILD_SECRET');
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${secret}`,
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
