// The backup archive: one uncompressed tar holding `manifest.json`, Strapi's export of the
// CMS (content, uploads, settings; already gzipped) and the admin accounts (JSON), both
// encrypted with Strapi's own cipher when a key is given so that `strapi import` could also
// read the export directly.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import type { Transform } from 'node:stream';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Resolved as the CMS resolves them: both are its dependencies.
const cmsRequire = createRequire(path.join(ROOT, 'cms', 'package.json'));
const tar = cmsRequire('tar') as typeof import('tar');
const { utils: strapiTransfer } = cmsRequire('@strapi/data-transfer') as {
  utils: {
    encryption: {
      createEncryptionCipher(key: string): Transform;
      createDecryptionCipher(key: string): Transform;
    };
  };
};

export const BACKUP_FORMAT = 'dejala-backup/1';
export const MANIFEST_NAME = 'manifest.json';
const PLAIN_EXPORT = 'strapi-export.tar.gz';
const PLAIN_ACCOUNTS = 'admin-accounts.json';
const ENCRYPTED = '.enc';

/** A file of the archive, checked against its size and hash before use. */
export interface BackupPayload {
  file: string;
  bytes: number;
  sha256: string;
}

/** What a backup holds, readable without the key. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  strapiVersion: string;
  databaseClient: string;
  encrypted: boolean;
  export: BackupPayload;
  /** The admin accounts (absent from backups made before accounts were saved). */
  accounts?: BackupPayload & { count: number };
  /** Entries per content type (drafts and published versions count separately). */
  entries: Record<string, number>;
  uploads: { files: number; bytes: number };
}

/** A backup that cannot be used, with what is wrong in words an operator can act on. */
export class BackupError extends Error {}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** Counts entries per content type and uploaded files in an unencrypted Strapi export. */
export async function summariseExport(
  file: string,
): Promise<Pick<BackupManifest, 'entries' | 'uploads'>> {
  const entries: Record<string, number> = {};
  const uploads = { files: 0, bytes: 0 };
  const parser = new tar.Parser({
    onReadEntry(entry) {
      if (entry.type === 'File' && entry.path.startsWith('assets/uploads/')) {
        uploads.files += 1;
        uploads.bytes += entry.size;
      }
      if (!/^entities\/.*\.jsonl$/.test(entry.path)) {
        entry.resume();
        return;
      }
      let rest = '';
      const count = (line: string) => {
        if (line.trim() === '') return;
        const type = (JSON.parse(line) as { type: string }).type;
        entries[type] = (entries[type] ?? 0) + 1;
      };
      entry.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        lines.forEach(count);
      });
      entry.on('end', () => count(rest));
    },
  });
  await pipeline(fs.createReadStream(file), createGunzip(), parser);
  return { entries, uploads };
}

/**
 * Moves `plain` into `work` as `name`, or encrypts it there as `name.enc` when `key` is
 * given, and describes the result for the manifest.
 */
async function sealPayload(
  plain: string,
  work: string,
  name: string,
  key: string | undefined,
): Promise<BackupPayload> {
  const file = key ? `${name}${ENCRYPTED}` : name;
  const sealed = path.join(work, file);
  if (key) {
    await pipeline(
      fs.createReadStream(plain),
      strapiTransfer.encryption.createEncryptionCipher(key),
      fs.createWriteStream(sealed, { mode: 0o600 }),
    );
  } else {
    fs.renameSync(plain, sealed);
  }
  return { file, bytes: fs.statSync(sealed).size, sha256: await sha256(sealed) };
}

/**
 * Packs a Strapi export (`strapi export --no-encrypt`, a .tar.gz on the same disk as `out`)
 * and the admin accounts' JSON into a backup archive at `out`, encrypting both when `key` is
 * given; plain files are moved, not copied (uploads can weigh gigabytes). Written beside `out`
 * first, then renamed: an interrupted backup never leaves a file that looks complete.
 */
export async function packBackup(options: {
  plainExport: string;
  plainAccounts: string;
  out: string;
  key?: string;
  strapiVersion: string;
  databaseClient: string;
}): Promise<BackupManifest> {
  const { out, key } = options;
  const summary = await summariseExport(options.plainExport);
  const accountCount = readAccounts(options.plainAccounts);
  const work = fs.mkdtempSync(path.join(path.dirname(out), '.packing-'));
  try {
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      strapiVersion: options.strapiVersion,
      databaseClient: options.databaseClient,
      encrypted: Boolean(key),
      export: await sealPayload(options.plainExport, work, PLAIN_EXPORT, key),
      accounts: {
        ...(await sealPayload(options.plainAccounts, work, PLAIN_ACCOUNTS, key)),
        count: accountCount,
      },
      ...summary,
    };
    fs.writeFileSync(path.join(work, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${out}.partial`;
    try {
      await tar.c({ file: partial, cwd: work, portable: true }, fs.readdirSync(work).sort());
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, out);
    } catch (error) {
      fs.rmSync(partial, { force: true });
      throw error;
    }
    return manifest;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The number of accounts in an admin accounts file; throws when it is not one. */
function readAccounts(file: string): number {
  const accounts = (JSON.parse(fs.readFileSync(file, 'utf8')) as { accounts?: unknown }).accounts;
  if (!Array.isArray(accounts)) throw new Error(`${file} holds no admin accounts`);
  return accounts.length;
}

function readManifest(file: string): BackupManifest {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<BackupManifest>;
  } catch {
    throw new BackupError('its manifest.json is missing or is not JSON: not a Déjà-là backup');
  }
  if (manifest.format !== BACKUP_FORMAT) {
    throw new BackupError(
      `its format is "${String(manifest.format)}"; this version reads "${BACKUP_FORMAT}"`,
    );
  }
  const suffix = manifest.encrypted ? ENCRYPTED : '';
  const expected: Array<[BackupPayload | undefined, string]> = [
    [manifest.export, PLAIN_EXPORT],
    [manifest.accounts, PLAIN_ACCOUNTS],
  ];
  for (const [payload, name] of expected) {
    if (payload && payload.file !== `${name}${suffix}`) {
      throw new BackupError(`its manifest names an unexpected file "${String(payload.file)}"`);
    }
  }
  if (!manifest.export) throw new BackupError('its manifest names no Strapi export');
  return manifest as BackupManifest;
}

/**
 * Checks a payload of an unpacked archive against the manifest and returns the path of its
 * plain form, decrypted with `key` (into `plainName`) when the backup is encrypted.
 */
async function openPayload(
  dir: string,
  payload: BackupPayload,
  plainName: string,
  key: string | undefined,
  readable: (file: string) => Promise<unknown>,
): Promise<string> {
  const sealed = path.join(dir, payload.file);
  if (!fs.existsSync(sealed)) {
    throw new BackupError(`the archive lacks ${payload.file}, which its manifest lists`);
  }
  if (fs.statSync(sealed).size !== payload.bytes || (await sha256(sealed)) !== payload.sha256) {
    throw new BackupError(`${payload.file} does not match its checksum: the archive is damaged`);
  }
  if (payload.file === plainName) return sealed;
  if (!key) {
    throw new BackupError('it is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with');
  }
  const plain = path.join(dir, plainName);
  const wrongKey = () => {
    throw new BackupError('it cannot be decrypted with BACKUP_ENCRYPTION_KEY: wrong key');
  };
  await pipeline(
    fs.createReadStream(sealed),
    strapiTransfer.encryption.createDecryptionCipher(key),
    fs.createWriteStream(plain, { mode: 0o600 }),
  ).catch(wrongKey);
  // A wrong key can also decrypt without a padding error: the content must then be readable.
  await readable(plain).catch(wrongKey);
  return plain;
}

/**
 * Unpacks a backup archive into `dir` (private, empty), checks it against its manifest and
 * returns the manifest with the paths of the plain Strapi export and admin accounts (null in
 * backups made before accounts were saved), decrypted with `key` when encrypted.
 */
export async function unpackBackup(
  archive: string,
  dir: string,
  key?: string,
): Promise<{ manifest: BackupManifest; plainExport: string; plainAccounts: string | null }> {
  if (!fs.existsSync(archive)) throw new BackupError(`${archive} does not exist`);
  try {
    await tar.x({ file: archive, cwd: dir, strict: true });
  } catch (error) {
    throw new BackupError(`${archive} is not a readable tar archive (${(error as Error).message})`);
  }
  const manifest = readManifest(path.join(dir, MANIFEST_NAME));
  const plainExport = await openPayload(dir, manifest.export, PLAIN_EXPORT, key, summariseExport);
  const plainAccounts = manifest.accounts
    ? await openPayload(dir, manifest.accounts, PLAIN_ACCOUNTS, key, async (file) =>
        readAccounts(file),
      )
    : null;
  return { manifest, plainExport, plainAccounts };
}
