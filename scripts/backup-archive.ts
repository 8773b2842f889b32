// The backup archive: one uncompressed tar holding `manifest.json` and Strapi's export of the
// CMS (content, uploads, settings; already gzipped), encrypted with Strapi's own cipher when
// a key is given so that `strapi import` could also read it directly.
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
const ENCRYPTED_EXPORT = `${PLAIN_EXPORT}.enc`;

/** What a backup holds, readable without the key. */
export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  strapiVersion: string;
  databaseClient: string;
  encrypted: boolean;
  export: { file: string; bytes: number; sha256: string };
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
 * Packs a Strapi export (`strapi export --no-encrypt`, a .tar.gz on the same disk as `out`)
 * into a backup archive at `out`, encrypting it when `key` is given; the plain export is
 * moved, not copied (uploads can weigh gigabytes). Written beside `out` first, then renamed:
 * an interrupted backup never leaves a file that looks complete.
 */
export async function packBackup(options: {
  plainExport: string;
  out: string;
  key?: string;
  strapiVersion: string;
  databaseClient: string;
}): Promise<BackupManifest> {
  const { plainExport, out, key } = options;
  const summary = await summariseExport(plainExport);
  const work = fs.mkdtempSync(path.join(path.dirname(out), '.packing-'));
  try {
    const exportName = key ? ENCRYPTED_EXPORT : PLAIN_EXPORT;
    const exportFile = path.join(work, exportName);
    if (key) {
      await pipeline(
        fs.createReadStream(plainExport),
        strapiTransfer.encryption.createEncryptionCipher(key),
        fs.createWriteStream(exportFile, { mode: 0o600 }),
      );
    } else {
      fs.renameSync(plainExport, exportFile);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      strapiVersion: options.strapiVersion,
      databaseClient: options.databaseClient,
      encrypted: Boolean(key),
      export: {
        file: exportName,
        bytes: fs.statSync(exportFile).size,
        sha256: await sha256(exportFile),
      },
      ...summary,
    };
    fs.writeFileSync(path.join(work, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${out}.partial`;
    try {
      await tar.c({ file: partial, cwd: work, portable: true }, [MANIFEST_NAME, exportName]);
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
  const name = manifest.export?.file;
  if (name !== PLAIN_EXPORT && name !== ENCRYPTED_EXPORT) {
    throw new BackupError(`its manifest names an unexpected export file "${String(name)}"`);
  }
  return manifest as BackupManifest;
}

/**
 * Unpacks a backup archive into `dir` (private, empty), checks it against its manifest and
 * returns the manifest with the path of the plain Strapi export, decrypted with `key` when
 * the backup is encrypted.
 */
export async function unpackBackup(
  archive: string,
  dir: string,
  key?: string,
): Promise<{ manifest: BackupManifest; plainExport: string }> {
  if (!fs.existsSync(archive)) throw new BackupError(`${archive} does not exist`);
  try {
    await tar.x({ file: archive, cwd: dir, strict: true });
  } catch (error) {
    throw new BackupError(`${archive} is not a readable tar archive (${(error as Error).message})`);
  }
  const manifest = readManifest(path.join(dir, MANIFEST_NAME));
  const exportFile = path.join(dir, manifest.export.file);
  if (!fs.existsSync(exportFile)) {
    throw new BackupError(`the archive lacks ${manifest.export.file}, which its manifest lists`);
  }
  if (
    fs.statSync(exportFile).size !== manifest.export.bytes ||
    (await sha256(exportFile)) !== manifest.export.sha256
  ) {
    throw new BackupError(
      `${manifest.export.file} does not match its checksum: the archive is damaged`,
    );
  }
  if (!manifest.encrypted) return { manifest, plainExport: exportFile };
  if (!key) {
    throw new BackupError('it is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with');
  }
  const plainExport = path.join(dir, PLAIN_EXPORT);
  await pipeline(
    fs.createReadStream(exportFile),
    strapiTransfer.encryption.createDecryptionCipher(key),
    fs.createWriteStream(plainExport, { mode: 0o600 }),
  ).catch(() => {
    throw new BackupError('it cannot be decrypted with BACKUP_ENCRYPTION_KEY: wrong key');
  });
  // A wrong key can also decrypt without a padding error: the content must then be readable.
  try {
    await summariseExport(plainExport);
  } catch {
    throw new BackupError('it cannot be decrypted with BACKUP_ENCRYPTION_KEY: wrong key');
  }
  return { manifest, plainExport };
}
