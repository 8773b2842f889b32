// The backup archive: one uncompressed tar holding `manifest.json`, Strapi's export of the
// CMS (content, uploads, settings; already gzipped) and the admin accounts (JSON), both
// encrypted to the operator's public key when one is configured (backup-crypto.ts), with
// `manifest.mac` authenticating the manifest. Archives of format 1 (Strapi's own cipher:
// AES-128-ECB without salt, IV or MAC) can still be read, only when the operator says so.
import { createHash, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import type { Transform } from 'node:stream';
import {
  decryptPayload,
  encryptPayload,
  manifestMac,
  newFileKey,
  sameMac,
  unwrapFileKey,
  type WrappedFileKey,
} from './backup-crypto.ts';

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

export const BACKUP_FORMAT = 'dejala-backup/2';
// Read only: encrypted with Strapi's data-transfer cipher, without authentication.
const LEGACY_FORMAT = 'dejala-backup/1';
export const MANIFEST_NAME = 'manifest.json';
const MAC_NAME = 'manifest.mac';
const PLAIN_EXPORT = 'strapi-export.tar.gz';
const PLAIN_ACCOUNTS = 'admin-accounts.json';
const ENCRYPTED = '.enc';
// The payloads' names in the cipher: a payload decrypts only in its own place.
const PAYLOAD_NAMES: Record<string, string> = {
  [PLAIN_EXPORT]: 'export',
  [PLAIN_ACCOUNTS]: 'accounts',
};

/** A file of the archive, checked against its size and hash before use. */
export interface BackupPayload {
  file: string;
  bytes: number;
  sha256: string;
}

/** What a backup holds, readable without the key. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT | typeof LEGACY_FORMAT;
  createdAt: string;
  strapiVersion: string;
  databaseClient: string;
  encrypted: boolean;
  /** The archive's file key, wrapped for the backup public key (encrypted archives). */
  encryption?: WrappedFileKey;
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

// The longest line summariseExport accepts: one entry of Strapi's export, rich text included.
const MAX_LINE = 32 * 2 ** 20;

/**
 * Counts entries per content type and uploaded files in an unencrypted Strapi export. A line
 * that is not an entry (not JSON, or longer than MAX_LINE: a gzip bomb would be one) stops
 * the reading with a BackupError; memory stays bounded whatever the export holds.
 */
export async function summariseExport(
  file: string,
): Promise<Pick<BackupManifest, 'entries' | 'uploads'>> {
  const entries: Record<string, number> = {};
  const uploads = { files: 0, bytes: 0 };
  const gunzip = createGunzip();
  let failure: BackupError | null = null;
  const fail = (message: string) => {
    failure ??= new BackupError(message);
    gunzip.destroy(failure);
  };
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
      // The unfinished line, in pieces: joined only once its end arrives (no quadratic copy).
      let rest: string[] = [];
      let restLength = 0;
      const count = (line: string) => {
        if (failure || line.trim() === '') return;
        try {
          const type = (JSON.parse(line) as { type: string }).type;
          entries[type] = (entries[type] ?? 0) + 1;
        } catch {
          fail(`${entry.path} holds a line that is not an entry: not a Strapi export`);
        }
      };
      entry.on('data', (chunk: Buffer) => {
        if (failure) return;
        const lines = chunk.toString('utf8').split('\n');
        if (lines.length > 1) {
          lines[0] = rest.join('') + lines[0];
          rest = [];
          restLength = 0;
        }
        const last = lines.pop() ?? '';
        lines.forEach(count);
        rest.push(last);
        restLength += last.length;
        if (restLength > MAX_LINE) {
          rest = [];
          fail(`${entry.path} has a line over ${MAX_LINE / 2 ** 20} MiB: not a Strapi export`);
        }
      });
      entry.on('end', () => count(rest.join('')));
    },
  });
  await pipeline(fs.createReadStream(file), gunzip, parser).catch((error: unknown) => {
    throw failure ?? error;
  });
  if (failure) throw failure;
  return { entries, uploads };
}

/**
 * Moves `plain` into `work` as `name`, or encrypts it there as `name.enc` under the archive's
 * file key, and describes the result for the manifest.
 */
async function sealPayload(
  plain: string,
  work: string,
  name: string,
  fileKey: Buffer | null,
): Promise<BackupPayload> {
  const file = fileKey ? `${name}${ENCRYPTED}` : name;
  const sealed = path.join(work, file);
  if (fileKey) {
    await pipeline(
      fs.createReadStream(plain),
      encryptPayload(fileKey, PAYLOAD_NAMES[name] as string),
      fs.createWriteStream(sealed, { mode: 0o600 }),
    );
    fs.rmSync(plain);
  } else {
    fs.renameSync(plain, sealed);
  }
  return { file, bytes: fs.statSync(sealed).size, sha256: await sha256(sealed) };
}

/**
 * Packs a Strapi export (`strapi export --no-encrypt`, a .tar.gz) and the admin accounts'
 * JSON, both in the private folder `work`, into a backup archive at `out`, encrypting both
 * to `publicKey` when given; plain files are moved or encrypted in place, never copied
 * (uploads can weigh gigabytes), and never written beside `out`. The archive is written as
 * `out.partial` (0600 from its creation), then renamed: an interrupted backup never leaves a
 * file that looks complete.
 */
export async function packBackup(options: {
  plainExport: string;
  plainAccounts: string;
  work: string;
  out: string;
  publicKey?: KeyObject;
  strapiVersion: string;
  databaseClient: string;
}): Promise<BackupManifest> {
  const { out, publicKey } = options;
  const summary = await summariseExport(options.plainExport);
  const accountCount = readAccounts(options.plainAccounts);
  const sealed = fs.mkdtempSync(path.join(options.work, 'sealed-'));
  const encryption = publicKey ? newFileKey(publicKey) : null;
  const fileKey = encryption?.fileKey ?? null;
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    createdAt: new Date().toISOString(),
    strapiVersion: options.strapiVersion,
    databaseClient: options.databaseClient,
    encrypted: Boolean(encryption),
    ...(encryption ? { encryption: encryption.header } : {}),
    export: await sealPayload(options.plainExport, sealed, PLAIN_EXPORT, fileKey),
    accounts: {
      ...(await sealPayload(options.plainAccounts, sealed, PLAIN_ACCOUNTS, fileKey)),
      count: accountCount,
    },
    ...summary,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  fs.writeFileSync(path.join(sealed, MANIFEST_NAME), manifestBytes);
  if (fileKey)
    fs.writeFileSync(path.join(sealed, MAC_NAME), `${manifestMac(fileKey, manifestBytes)}\n`);
  const partial = `${out}.partial`;
  try {
    await pipeline(
      tar.c({ cwd: sealed, portable: true }, fs.readdirSync(sealed).sort()),
      fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
    );
    fs.renameSync(partial, out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return manifest;
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
  if (manifest.format !== BACKUP_FORMAT && manifest.format !== LEGACY_FORMAT) {
    throw new BackupError(
      `its format is "${String(manifest.format)}"; this version reads "${BACKUP_FORMAT}" (and "${LEGACY_FORMAT}")`,
    );
  }
  if (manifest.format === BACKUP_FORMAT && manifest.encrypted !== Boolean(manifest.encryption)) {
    throw new BackupError('its manifest is inconsistent about encryption: the archive was altered');
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

/** How an archive may be opened: the keys at hand, and what the operator accepts. */
export interface OpenOptions {
  /** The backup secret key (BACKUP_SECRET_KEY or --key-file), for archives of format 2. */
  secretKey?: KeyObject;
  /** BACKUP_ENCRYPTION_KEY, for encrypted archives of format 1 only. */
  legacyKey?: string;
  /**
   * Refuse what nothing authenticates (an unencrypted archive, format 1) unless the operator
   * allowed it: set when a backup key is configured.
   */
  requireAuthenticated: boolean;
}

/**
 * Checks a payload of an unpacked archive against the manifest and returns the path of its
 * plain form, decrypted (into `plainName`) when the backup is encrypted: with the archive's
 * file key (format 2), or with Strapi's cipher and BACKUP_ENCRYPTION_KEY (format 1).
 */
async function openPayload(
  dir: string,
  payload: BackupPayload,
  plainName: string,
  keys: { fileKey: Buffer | null; legacyKey?: string },
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
  const plain = path.join(dir, plainName);
  if (keys.fileKey) {
    await pipeline(
      fs.createReadStream(sealed),
      decryptPayload(keys.fileKey, PAYLOAD_NAMES[plainName] as string),
      fs.createWriteStream(plain, { mode: 0o600 }),
    ).catch((error: Error) => {
      throw new BackupError(error.message);
    });
    // Authentic, yet still read through: what Strapi cannot import fails here, not mid-import.
    await readable(plain).catch((error: Error) => {
      throw new BackupError(`${payload.file} cannot be read: ${error.message}`);
    });
    return plain;
  }
  const key = keys.legacyKey;
  if (!key) {
    throw new BackupError(
      'it is encrypted with the former cipher: set BACKUP_ENCRYPTION_KEY to the key it was made with',
    );
  }
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

const ALLOW_HINT = 'pass --allow-unauthenticated to restore it anyway';

/**
 * The archive's file key, once its manifest is proven authentic with the secret key; null
 * for an archive that is not encrypted with one (refused when authentication is required).
 */
function authenticate(dir: string, manifest: BackupManifest, options: OpenOptions): Buffer | null {
  if (!manifest.encryption) {
    if (options.requireAuthenticated) {
      const what =
        manifest.format === LEGACY_FORMAT
          ? 'its format (1) has no authentication'
          : 'it is not encrypted';
      throw new BackupError(`${what}, so nothing proves it was not altered: ${ALLOW_HINT}`);
    }
    return null;
  }
  if (!options.secretKey) {
    throw new BackupError(
      'it is encrypted: give the backup secret key (BACKUP_SECRET_KEY, or --key-file FILE)',
    );
  }
  let fileKey: Buffer;
  try {
    fileKey = unwrapFileKey(manifest.encryption, options.secretKey);
  } catch (error) {
    throw new BackupError((error as Error).message);
  }
  const mac = fs.existsSync(path.join(dir, MAC_NAME))
    ? fs.readFileSync(path.join(dir, MAC_NAME), 'utf8').trim()
    : '';
  if (!sameMac(mac, manifestMac(fileKey, fs.readFileSync(path.join(dir, MANIFEST_NAME))))) {
    throw new BackupError('its manifest failed authentication: the archive was altered');
  }
  return fileKey;
}

/**
 * Unpacks a backup archive into `dir` (private, empty), checks it against its manifest —
 * authenticated and decrypted with the secret key when encrypted — and returns the manifest
 * with the paths of the plain Strapi export and admin accounts (null in backups made before
 * accounts were saved). Everything is verified before anything is returned.
 */
export async function unpackBackup(
  archive: string,
  dir: string,
  options: OpenOptions,
): Promise<{ manifest: BackupManifest; plainExport: string; plainAccounts: string | null }> {
  if (!fs.existsSync(archive)) throw new BackupError(`${archive} does not exist`);
  try {
    await tar.x({ file: archive, cwd: dir, strict: true });
  } catch (error) {
    throw new BackupError(`${archive} is not a readable tar archive (${(error as Error).message})`);
  }
  const manifest = readManifest(path.join(dir, MANIFEST_NAME));
  const keys = { fileKey: authenticate(dir, manifest, options), legacyKey: options.legacyKey };
  const plainExport = await openPayload(dir, manifest.export, PLAIN_EXPORT, keys, summariseExport);
  const plainAccounts = manifest.accounts
    ? await openPayload(dir, manifest.accounts, PLAIN_ACCOUNTS, keys, async (file) =>
        readAccounts(file),
      )
    : null;
  return { manifest, plainExport, plainAccounts };
}
