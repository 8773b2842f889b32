// `npm run setup`: prepares `.env` for the production stack (docker-compose.yml).
// Generates every missing secret, fills the public addresses and the first admin's email
// from the options when they are missing, and never overwrites a value already there.
// Exits 1 while something only the operator can give is still missing.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { searchKeyValue } from '../search/src/search-key-value.ts';
import { generateBackupKeyPair } from './backup-crypto.ts';
import { ensureEnvFile, PRODUCTION_SECRETS, restrictEnvFile, type Generator } from './env-file.ts';
import { envFilePath, loadEnvFile } from '../search/src/platform-env.ts';

const USAGE = `Usage: npm run setup [-- --site-url URL --cms-url URL --admin-email EMAIL] [--env-path FILE]

Writes the production stack's secrets into .env (never overwriting a value), then:
--site-url URL       the site's public address, e.g. https://www.deja-la.fr (SITE_URL)
--cms-url URL        the back office's public address, e.g. https://cms.deja-la.fr (CMS_PUBLIC_URL)
--admin-email EMAIL  the first administrator's email (ADMIN_EMAIL)
--env-path FILE      another file than .env at the repository root`;

/** Values only the operator knows, with the option that sets each one. */
const OPERATOR_VALUES = [
  { name: 'SITE_URL', option: 'site-url', check: publicUrl },
  { name: 'CMS_PUBLIC_URL', option: 'cms-url', check: publicUrl },
  { name: 'ADMIN_EMAIL', option: 'admin-email', check: email },
] as const;

function publicUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (url.pathname !== '/' || url.search || url.hash) return 'must be an origin, without a path';
  return null;
}

function email(value: string): string | null {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'is not an email address';
}

function main(): number {
  const { values: options } = parseArgs({
    options: {
      'site-url': { type: 'string' },
      'cms-url': { type: 'string' },
      'admin-email': { type: 'string' },
      'env-path': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const file = path.resolve(options['env-path'] ?? envFilePath());

  const given: Record<string, Generator> = {};
  for (const { name, option, check } of OPERATOR_VALUES) {
    const value = options[option];
    if (value === undefined) continue;
    // An origin is kept without its trailing slash, as the stack joins paths to it.
    const normalised = option === 'admin-email' ? value.trim() : value.trim().replace(/\/$/, '');
    const problem = check(normalised);
    if (problem) throw new Error(`--${option} "${value}" ${problem}.`);
    given[name] = () => normalised;
  }

  const narrowed = restrictEnvFile(file);
  if (narrowed !== null) {
    console.log(`setup: ${file} was readable by others (${narrowed.toString(8)}); now 600.`);
  }
  const generated = ensureEnvFile(file, { ...PRODUCTION_SECRETS, ...given }, '`npm run setup`');
  // The site server gets the search-only key, derived from the master key, and never the latter.
  const masterKey = loadEnvFile(file).MEILI_MASTER_KEY ?? '';
  generated.push(
    ...ensureEnvFile(
      file,
      { MEILI_SEARCH_KEY: () => searchKeyValue(masterKey) },
      '`npm run setup`',
    ),
  );
  // Backups are encrypted to a public key; its secret half is shown once and never stored here.
  const backupKeys = generateBackupKeyPair();
  generated.push(
    ...ensureEnvFile(file, { BACKUP_PUBLIC_KEY: () => backupKeys.publicKey }, '`npm run setup`'),
  );
  const env = loadEnvFile(file);
  if (env.MEILI_SEARCH_KEY !== searchKeyValue(env.MEILI_MASTER_KEY ?? '')) {
    throw new Error(
      `MEILI_SEARCH_KEY in ${file} does not belong to MEILI_MASTER_KEY (changed since?): delete the MEILI_SEARCH_KEY line and run setup again.`,
    );
  }
  for (const name of Object.keys(given)) {
    if (!generated.includes(name) && env[name] !== given[name]?.()) {
      console.log(`setup: ${name} is already set to "${env[name]}"; left as it is.`);
    }
  }
  console.log(
    generated.length > 0
      ? `setup: wrote ${generated.join(', ')} into ${file}`
      : `setup: ${file} already holds every secret; nothing changed.`,
  );
  if (generated.includes('ADMIN_PASSWORD')) {
    console.log('');
    console.log(
      '  Password of the first administrator (shown once, kept in .env as ADMIN_PASSWORD):',
    );
    console.log(`    ${env.ADMIN_PASSWORD}`);
    console.log('');
  }

  if (generated.includes('BACKUP_PUBLIC_KEY')) {
    console.log(
      '  Backup secret key (shown once, NOT kept on this server). Store it somewhere else',
    );
    console.log(
      '  (a password manager): without it no backup can be restored. Restores ask for it',
    );
    console.log('  with --key-file FILE.');
    console.log(`    ${backupKeys.secretKey}`);
    console.log('');
  }

  const missing = OPERATOR_VALUES.filter(({ name }) => !env[name]);
  if (missing.length > 0) {
    console.log('setup: still to set before `docker compose up -d`:');
    for (const { name, option } of missing) {
      console.log(`  ${name}  (npm run setup -- --${option} …, or edit ${file})`);
    }
    return 1;
  }
  console.log('setup: ready. Next: docker compose up -d');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  // One line: Node's parseArgs explains some mistakes over several.
  console.error(`setup: ${message.replace(/\s*\n\s*/g, ' ')}`);
  process.exitCode = 1;
}
