// `node scripts/admin-accounts.ts export|import FILE`, run by the backup and restore scripts in
// the folder Strapi's commands run in. Strapi's export leaves the admin accounts out; without
// them, staff could not log in after a total loss. Accounts travel with their password hashes
// and roles (by role code: roles themselves are made by Strapi and by the CMS's bootstrap).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CMS_DIR, STRAPI_APP_DIR } from './cms-commands.ts';

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
 * by email; accounts created since the backup are kept untouched.
 */
async function importAccounts(strapi: LoadedStrapi, file: string): Promise<void> {
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
  const kept = (await users.count()) - content.accounts.length;
  console.log(
    `restore: admin accounts: ${recreated} recreated, ${reset} set back to their state in the backup, ${kept} created since then kept`,
  );
}

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'export' && command !== 'import') || !file) {
    throw new Error('usage: node scripts/admin-accounts.ts export|import FILE');
  }
  const strapi = await loadStrapi();
  try {
    await (command === 'export' ? exportAccounts : importAccounts)(strapi, path.resolve(file));
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
