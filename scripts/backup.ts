// `npm run backup [-- --out FILE --keep N]`: one archive with the CMS's content, uploads,
// settings (Strapi's export) and admin accounts, encrypted to BACKUP_PUBLIC_KEY when it is
// set, and a manifest; --keep then prunes the older dated backups.
import { parseArgs } from 'node:util';
import { backupDir, createBackup, describeManifest, pruneBackups } from './backup-operations.ts';
import { platformEnv } from '../search/src/platform-env.ts';

const USAGE = `Usage: npm run backup [-- [--out FILE] [--keep N]]

Writes BACKUP_DIR/dejala-<date>-<time>Z.tar (BACKUP_DIR defaults to backups/): the CMS's
content, uploads and settings and its admin accounts (password hashes, roles), encrypted
to BACKUP_PUBLIC_KEY when it is set (only the secret key, kept off the server, reads it),
with a manifest. API tokens are not in it; the search
index and the site are rebuilt from the CMS after a restore.

--keep N then deletes the older dated backups of BACKUP_DIR beyond the N newest (archives
with a label, such as before-restore ones, are kept).`;

async function main(): Promise<void> {
  // Everything this run and its children write (exports, work files) is private.
  process.umask(0o077);
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      keep: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const keep = values.keep === undefined ? undefined : Number(values.keep);
  if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1)) {
    throw new Error(`--keep takes a number of backups, 1 or more (got "${values.keep}").`);
  }
  const env = platformEnv();
  const startedAt = Date.now();
  const { file, manifest } = await createBackup(env, { out: values.out, log: console.log });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`backup: ${describeManifest(manifest)}`);
  console.log(
    `backup: wrote ${file} (${(manifest.export.bytes / 1e6).toFixed(1)} MB, ${manifest.encrypted ? 'encrypted' : 'NOT encrypted: run npm run setup for a backup key pair'}) in ${seconds} s`,
  );
  if (keep !== undefined) {
    const removed = pruneBackups(backupDir(env), keep);
    console.log(
      `backup: ${removed.length} older backup(s) deleted, the ${keep} newest kept${removed.length ? `: ${removed.join(', ')}` : ''}`,
    );
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  // One line: Node's parseArgs explains some mistakes over several.
  console.error(`backup: failed: ${message.replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
});
