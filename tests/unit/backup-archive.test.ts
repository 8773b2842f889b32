// The archive format on small real files (a Strapi-shaped export, an accounts file): what an
// operator's key opens, and every alteration refused before a restore would touch anything.
import { createHash, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packBackup, unpackBackup, type OpenOptions } from '../../scripts/backup-archive.ts';
import {
  generateBackupKeyPair,
  parsePublicKey,
  parseSecretKey,
} from '../../scripts/backup-crypto.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tar = createRequire(path.join(ROOT, 'cms', 'package.json'))('tar') as typeof import('tar');

let dir: string;
const pair = generateBackupKeyPair();
const publicKey = parsePublicKey(pair.publicKey);
const secretKey = parseSecretKey(pair.secretKey);
const withKey: OpenOptions = { secretKey, requireAuthenticated: true };

/** A file tree as Strapi's export lays it out, gzipped. */
async function exportFile(name: string, lines: string[]): Promise<string> {
  const tree = fs.mkdtempSync(path.join(dir, 'tree-'));
  fs.mkdirSync(path.join(tree, 'entities'));
  fs.mkdirSync(path.join(tree, 'assets', 'uploads'), { recursive: true });
  fs.writeFileSync(path.join(tree, 'entities', 'entities_00001.jsonl'), `${lines.join('\n')}\n`);
  fs.writeFileSync(path.join(tree, 'assets', 'uploads', 'rapport.pdf'), 'PDF-1.7 contenu');
  const file = path.join(dir, name);
  await tar.c({ file, gzip: true, cwd: tree }, ['entities', 'assets']);
  return file;
}

async function makeArchive(name: string, key: KeyObject | null = publicKey) {
  const work = fs.mkdtempSync(path.join(dir, 'work-'));
  const plainExport = path.join(work, 'export.tar.gz');
  fs.copyFileSync(
    await exportFile(`${name}-export.tar.gz`, [
      JSON.stringify({ type: 'api::offer.offer', data: { title: 'Culture de dialogue' } }),
      JSON.stringify({ type: 'api::offer.offer', data: { title: 'Atelier' } }),
    ]),
    plainExport,
  );
  const plainAccounts = path.join(work, 'admin-accounts.json');
  const accounts = [{ email: `${name}@example.org`, password: '$2a$10$hash', roles: [] }];
  fs.writeFileSync(plainAccounts, JSON.stringify({ format: 'x', accounts }));
  const outDir = fs.mkdtempSync(path.join(dir, 'backups-'));
  const out = path.join(outDir, `${name}.tar`);
  const manifest = await packBackup({
    plainExport,
    plainAccounts,
    work,
    out,
    publicKey: key ?? undefined,
    strapiVersion: '5.54.0',
    databaseClient: 'sqlite',
  });
  return { out, outDir, manifest };
}

/** Unpacks an archive into a folder, lets `change` alter it, and packs it again. */
async function altered(archive: string, change: (folder: string) => void): Promise<string> {
  const folder = fs.mkdtempSync(path.join(dir, 'alter-'));
  await tar.x({ file: archive, cwd: folder });
  change(folder);
  const out = path.join(dir, `altered-${path.basename(folder)}.tar`);
  await tar.c({ file: out, cwd: folder }, fs.readdirSync(folder).sort());
  return out;
}

function editManifest(folder: string, edit: (manifest: any) => void): void {
  const file = path.join(folder, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  edit(manifest);
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

const open = (archive: string, options: OpenOptions = withKey) =>
  unpackBackup(archive, fs.mkdtempSync(path.join(dir, 'open-')), options);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-archive-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup archives', () => {
  let archive: Awaited<ReturnType<typeof makeArchive>>;
  let other: Awaited<ReturnType<typeof makeArchive>>;

  beforeAll(async () => {
    archive = await makeArchive('premier');
    other = await makeArchive('second');
  });

  it('opens with the secret key, and holds nothing readable without it', async () => {
    const { manifest, plainExport, plainAccounts } = await open(archive.out);
    expect(manifest.entries['api::offer.offer']).toBe(2);
    expect(manifest.uploads.files).toBe(1);
    expect(manifest.encryption?.recipient).toBe(pair.publicKey);
    expect(fs.readFileSync(plainAccounts!, 'utf8')).toContain('premier@example.org');
    expect(fs.statSync(plainExport).size).toBeGreaterThan(0);
    const bytes = fs.readFileSync(archive.out);
    expect(bytes.includes('premier@example.org')).toBe(false);
    expect(bytes.includes(pair.secretKey.split(':')[1]!)).toBe(false);
  });

  it('leaves only the finished archive, private, in the backups folder', () => {
    expect(fs.readdirSync(archive.outDir)).toEqual(['premier.tar']);
    expect(fs.statSync(archive.out).mode & 0o777).toBe(0o600);
  });

  it('asks for the secret key, and refuses another one', async () => {
    await expect(open(archive.out, { requireAuthenticated: true })).rejects.toThrow(
      /encrypted: give the backup secret key/,
    );
    const stranger = parseSecretKey(generateBackupKeyPair().secretKey);
    await expect(
      open(archive.out, { secretKey: stranger, requireAuthenticated: true }),
    ).rejects.toThrow(/encrypted for another key/);
  });

  it('refuses a flipped byte, whether or not the manifest was edited to match', async () => {
    const flip = (folder: string) => {
      const file = path.join(folder, 'strapi-export.tar.gz.enc');
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)]! ^= 1;
      fs.writeFileSync(file, bytes);
      return bytes;
    };
    await expect(open(await altered(archive.out, flip))).rejects.toThrow(/checksum/);
    const forged = await altered(archive.out, (folder) => {
      const bytes = flip(folder);
      editManifest(folder, (manifest) => {
        manifest.export.sha256 = createHash('sha256').update(bytes).digest('hex');
      });
    });
    await expect(open(forged)).rejects.toThrow(/manifest failed authentication/);
  });

  it('refuses an accounts file swapped in from another archive, however it is done', async () => {
    const swapAccounts = (folder: string) =>
      fs.copyFileSync(
        path.join(other.outDir, 'unpacked-accounts'),
        path.join(folder, 'admin-accounts.json.enc'),
      );
    const otherFolder = path.join(other.outDir, 'unpacked');
    fs.mkdirSync(otherFolder);
    await tar.x({ file: other.out, cwd: otherFolder });
    fs.copyFileSync(
      path.join(otherFolder, 'admin-accounts.json.enc'),
      path.join(other.outDir, 'unpacked-accounts'),
    );
    // The file alone: its checksum differs.
    await expect(open(await altered(archive.out, swapAccounts))).rejects.toThrow(/checksum/);
    // With the manifest edited to match: the manifest's authentication fails.
    const withManifest = await altered(archive.out, (folder) => {
      swapAccounts(folder);
      editManifest(folder, (manifest) => {
        manifest.accounts = { ...other.manifest.accounts };
      });
    });
    await expect(open(withManifest)).rejects.toThrow(/manifest failed authentication/);
    // With the other archive's manifest and its code: the export no longer decrypts.
    const wholesale = await altered(archive.out, (folder) => {
      for (const name of ['admin-accounts.json.enc', 'manifest.json', 'manifest.mac']) {
        fs.copyFileSync(path.join(otherFolder, name), path.join(folder, name));
      }
      editManifest(folder, (manifest) => {
        manifest.export = { ...archive.manifest.export };
      });
    });
    await expect(open(wholesale)).rejects.toThrow(/failed authentication/);
    // A payload moved into the other payload's place does not decrypt either.
    const moved = await altered(archive.out, (folder) => {
      fs.copyFileSync(
        path.join(folder, 'strapi-export.tar.gz.enc'),
        path.join(folder, 'admin-accounts.json.enc'),
      );
    });
    await expect(open(moved)).rejects.toThrow(/checksum|failed authentication/);
  });

  it('refuses an unencrypted archive when a key is configured, unless allowed', async () => {
    const plain = await makeArchive('clair', null);
    expect(plain.manifest.encrypted).toBe(false);
    await expect(open(plain.out)).rejects.toThrow(/not encrypted.*--allow-unauthenticated/);
    const allowed = await open(plain.out, { requireAuthenticated: false });
    expect(allowed.manifest.entries['api::offer.offer']).toBe(2);
    // Nor can an encrypted archive be passed off as a plain one.
    const stripped = await altered(archive.out, (folder) => {
      fs.rmSync(path.join(folder, 'manifest.mac'));
      editManifest(folder, (manifest) => {
        delete manifest.encryption;
      });
    });
    await expect(open(stripped, { requireAuthenticated: false })).rejects.toThrow(
      /inconsistent about encryption/,
    );
  });

  it('refuses an export with an endless line (a gzip bomb) without holding it in memory', async () => {
    const { summariseExport } = await import('../../scripts/backup-archive.ts');
    const tree = fs.mkdtempSync(path.join(dir, 'bomb-'));
    fs.mkdirSync(path.join(tree, 'entities'));
    fs.writeFileSync(path.join(tree, 'entities', 'entities_00001.jsonl'), 'a'.repeat(40 * 2 ** 20));
    const file = path.join(dir, 'bomb.tar.gz');
    await tar.c({ file, gzip: true, cwd: tree }, ['entities']);
    expect(fs.statSync(file).size).toBeLessThan(2 ** 20);
    await expect(summariseExport(file)).rejects.toThrow(/line over 32 MiB/);
  });
});
