// `node scripts/admin-accounts.ts export FILE | import FILE [--since DATE] [--remove-newer]`,
// run by the backup and restore scripts in
// the folder Strapi's commands run in. Strapi's export leaves the admin accounts out; without
// them, staff could not log in after a total loss. Accounts travel with their password hashes
// and roles (by role code: roles themselves are made by Strapi and by the CMS's bootstrap).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CMS_DIR, STRAPI_APP_DIR } from './cms-commands.ts';

// API tokens the CMS itself makes again at every start from the environment (site-tokens.ts).
const PLATFORM_TOKENS = new Set(['site-build', 'site-preview']);

const ACCOUNTS_FORMAT = 'dejala-admin-accounts/1';

/** One admin account as a backup holds it. */
interface AdminAccount {
  email: string;
  firstname: string | null;
  lastname: string | null;
  username: string | null;
  /** Strapi's bcrypt hash, never a password. */
  password: string | null;
  /** Set while an invited account has not chosen its password yet. */
  registrationToken: string | null;
  isActive: boolean;
  blocked: boolean;
  preferedLanguage: string | null;
  roles: string[];
}

interface AccountsFile {
  format: typeof ACCOUNTS_FORMAT;
  accounts: AdminAccount[];
}

const ACCOUNT_FIELDS = [
  'email',
  'firstname',
  'lastname',
  'username',
  'password',
  'registrationToken',
  'isActive',
  'blocked',
  'preferedLanguage',
] as const;

interface Query {
  findMany(params?: unknown): Promise<Array<Record<string, unknown>>>;
  findOne(params: unknown): Promise<Record<string, unknown> | null>;
  create(params: unknown): Promise<unknown>;
  update(params: unknown): Promise<unknown>;
  delete(params: unknown): Promise<unknown>;
  deleteMany(params: unknown): Promise<unknown>;
  count(params?: unknown): Promise<number>;
}
interface LoadedStrapi {
  log: { level: string };
  db: { query(uid: string): Query };
  load(): Promise<LoadedStrapi>;
  destroy(): Promise<void>;
}

/**
 * Loads the built CMS without its HTTP server. Always run right after `strapi export` or
 * `strapi import`, which compile the sources (when there are any) into cms/dist.
 */
async function loadStrapi(): Promise<LoadedStrapi> {
  const { createStrapi } = createRequire(path.join(CMS_DIR, 'package.json'))('@strapi/strapi') as {
    createStrapi(context: { appDir: string; distDir: string }): LoadedStrapi;
  };
  const strapi = createStrapi({ appDir: STRAPI_APP_DIR, distDir: path.join(CMS_DIR, 'dist') });
  strapi.log.level = 'warn';
  return strapi.load();
}

async function exportAccounts(strapi: LoadedStrapi, file: string): Promise<void> {
  const users = await strapi.db
    .query('admin::user')
    .findMany({ select: [...ACCOUNT_FIELDS], populate: { roles: { select: ['code'] } } });
  const accounts = users.map((user): AdminAccount => ({
    ...(Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, user[field] ?? null])) as Omit<
      AdminAccount,
      'roles'
    >),
    isActive: Boolean(user.isActive),
    blocked: Boolean(user.blocked),
    roles: (user.roles as Array<{ code: string }>).map((role) => role.code),
  }));
  const content: AccountsFile = { format: ACCOUNTS_FORMAT, accounts };
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  console.log(`backup: ${accounts.length} admin account(s) saved`);
}

/**
 * Brings each account of the backup back as it was then (password, roles, state), matched
 * by email. Accounts created since the backup, and API tokens created after `since` (the
 * backup's date), are listed — after a compromise they may be the intruder's — and deleted
 * with `removeNewer`; otherwise they are kept.
 */
async function importAccounts(
  strapi: LoadedStrapi,
  file: string,
  options: { since?: string; removeNewer: boolean },
): Promise<void> {
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<AccountsFile>;
  if (content.format !== ACCOUNTS_FORMAT || !Array.isArray(content.accounts)) {
    throw new Error(`${path.basename(file)} is not a "${ACCOUNTS_FORMAT}" file`);
  }
  const users = strapi.db.query('admin::user');
  const roleIds = new Map(
    (await strapi.db.query('admin::role').findMany({ select: ['id', 'code'] })).map((role) => [
      role.code as string,
      role.id as number,
    ]),
  );
  let recreated = 0;
  let reset = 0;
  for (const account of content.accounts) {
    const missing = account.roles.filter((code) => !roleIds.has(code));
    if (missing.length > 0) {
      console.log(
        `restore: role(s) ${missing.join(', ')} of ${account.email} no longer exist; the account comes back without them`,
      );
    }
    const data = {
      ...Object.fromEntries(ACCOUNT_FIELDS.map((field) => [field, account[field]])),
      email: account.email.toLowerCase(),
      roles: account.roles.flatMap((code) => roleIds.get(code) ?? []),
    };
    const existing = await users.findOne({ where: { email: data.email }, select: ['id'] });
    if (existing) {
      await users.update({ where: { id: existing.id }, data });
      reset += 1;
    } else {
      await users.create({ data });
      recreated += 1;
    }
  }
  const archived = new Set(content.accounts.map((account) => account.email.toLowerCase()));
  const newer = (await users.findMany({ select: ['id', 'email'] })).filter(
    (user) => !archived.has(String(user.email).toLowerCase()),
  );
  const tokens = strapi.db.query('admin::api-token');
  const newerTokens = options.since
    ? (
        await tokens.findMany({
          select: ['id', 'name', 'createdAt'],
          where: { createdAt: { $gt: options.since } },
        })
      ).filter((token) => !PLATFORM_TOKENS.has(String(token.name)))
    : [];
  if (options.removeNewer) {
    for (const user of newer) await users.delete({ where: { id: user.id } });
    for (const token of newerTokens) {
      await strapi.db
        .query('admin::api-token-permission')
        .deleteMany({ where: { token: { id: token.id } } });
      await tokens.delete({ where: { id: token.id } });
    }
  }
  const fate = options.removeNewer ? 'removed' : 'kept';
  console.log(
    `restore: admin accounts: ${recreated} recreated, ${reset} set back to their state in the backup, ${newer.length} created since then ${fate}`,
  );
  for (const user of newer)
    console.log(`restore:   account created since the backup (${fate}): ${String(user.email)}`);
  if (options.since) {
    console.log(`restore: API tokens created since the backup: ${newerTokens.length} ${fate}`);
    for (const token of newerTokens) {
      console.log(
        `restore:   API token "${String(token.name)}" of ${String(token.createdAt)} (${fate})`,
      );
    }
  }
  if (!options.removeNewer && newer.length + newerTokens.length > 0) {
    console.log(
      'restore: after a compromise, run the restore again with --remove-newer-access to delete them',
    );
  }
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { since: { type: 'string' }, 'remove-newer': { type: 'boolean', default: false } },
  });
  const [command, file] = positionals;
  if ((command !== 'export' && command !== 'import') || !file) {
    throw new Error(
      'usage: node scripts/admin-accounts.ts export FILE | import FILE [--since DATE] [--remove-newer]',
    );
  }
  const strapi = await loadStrapi();
  try {
    if (command === 'export') await exportAccounts(strapi, path.resolve(file));
    else {
      await importAccounts(strapi, path.resolve(file), {
        since: values.since,
        removeNewer: values['remove-newer'],
      });
    }
  } finally {
    await strapi.destroy();
  }
}

main().then(
  // Strapi can leave timers behind after destroy(): the work is done, end the process.
  () => process.exit(0),
  (error: unknown) => {
    console.error(`admin accounts: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
