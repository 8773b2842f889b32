// `npm run backup [-- --out FILE]`: one archive with the CMS's content, uploads and settings
// (Strapi's export, encrypted when BACKUP_ENCRYPTION_KEY is set) and a manifest.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackup, describeManifest } from './backups.ts';
import { ROOT } from './cms-commands.ts';
import { loadEnvFile } from './env-file.ts';

const USAGE = `Usage: npm run backup [-- --out FILE]

Writes BACKUP_DIR/dejala-<date>-<time>Z.tar (BACKUP_DIR defaults to backups/): the CMS's
content, uploads and settings and its admin accounts (password hashes, roles), encrypted
when BACKUP_ENCRYPTION_KEY is set, with a manifest. API tokens are not in it; the search
index and the site are rebuilt from the CMS after a restore.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = loadEnvFile(process.env.DEJALA_ENV_FILE || path.join(ROOT, '.env'));
  const startedAt = Date.now();
  const { file, manifest } = await createBackup(env, { out: values.out, log: console.log });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`backup: ${describeManifest(manifest)}`);
  console.log(
    `backup: wrote ${file} (${(manifest.export.bytes / 1e6).toFixed(1)} MB, ${manifest.encrypted ? 'encrypted' : 'NOT encrypted: set BACKUP_ENCRYPTION_KEY to encrypt'}) in ${seconds} s`,
  );
}

main().catch((error: unknown) => {
  console.error(`backup: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
