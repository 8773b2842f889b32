// `npm run restore -- <archive> --yes`: brings back a backup's content, uploads and settings,
// then rebuilds the search index and asks the site server for a build.
import { parseArgs } from 'node:util';
import { BackupError } from './backup-archive.ts';
import { BackupKeyError } from './backup-crypto.ts';
import { checkBackup, describeManifest, openOptions, restoreBackup } from './backup-operations.ts';
import { platformEnv } from '../search/src/platform-env.ts';

const USAGE = `Usage: npm run restore -- <archive.tar> --yes [--key-file FILE] [--no-safety-backup]
                                         [--remove-newer-access] [--allow-unauthenticated]
       npm run restore -- <archive.tar> --check [--key-file FILE]

Replaces every entry, upload and content setting of the CMS with the archive's, and sets
the archive's admin accounts back as they were (password, roles). The current content is
first saved as a backup labelled "before-restore" (unless --no-safety-backup). Then the
search index is rebuilt and the site server asked for a build: run it while the stack is up
(exit code 2 when the content is restored but one of these could not run).

An encrypted backup needs the backup secret key: --key-file FILE, or BACKUP_SECRET_KEY.
Every archive is checked in full (authenticity, checksums, readable content) before anything
is touched. When a backup key is configured, an archive that nothing authenticates (not
encrypted, or made before the current format) is refused unless --allow-unauthenticated.

Admin accounts and API tokens created since the backup are listed and kept; after a
compromise, --remove-newer-access deletes them.

--check only proves that the archive can be restored and says what it holds; it changes
nothing.`;

async function main(): Promise<void> {
  // Everything this run and its children write (exports, work files) is private.
  process.umask(0o077);
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      yes: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'no-safety-backup': { type: 'boolean', default: false },
      'key-file': { type: 'string' },
      'allow-unauthenticated': { type: 'boolean', default: false },
      'remove-newer-access': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length !== 1) {
    throw new Error('name one archive to restore (npm run restore -- --help)');
  }
  const archive = positionals[0] as string;
  const env = platformEnv();
  const open = openOptions(env, {
    keyFile: values['key-file'],
    allowUnauthenticated: values['allow-unauthenticated'],
  });
  if (values.check) {
    const manifest = await checkBackup(env, archive, open);
    console.log(
      `restore: ${archive} can be restored: backup of ${manifest.createdAt}, ${describeManifest(manifest)}`,
    );
    return;
  }
  if (!values.yes) {
    throw new Error(
      'a restore replaces all the content of the CMS: run it again with --yes to go ahead.',
    );
  }
  const startedAt = Date.now();
  const report = await restoreBackup(env, archive, {
    safetyBackup: !values['no-safety-backup'],
    removeNewerAccess: values['remove-newer-access'],
    open,
    log: console.log,
  });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`restore: content restored in ${seconds} s`);
  if (!report.reindexed || !report.siteRebuildRequested) process.exitCode = 2;
}

main().catch((error: unknown) => {
  const reason =
    error instanceof BackupError || error instanceof BackupKeyError
      ? `this backup cannot be restored: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  // One line: Node's parseArgs explains some mistakes over several.
  console.error(`restore: failed: ${reason.replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
});
