import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseKind } from './databases';
import type { PostgresCluster } from './postgres-cluster';

const secret = (bytes = 16) => randomBytes(bytes).toString('base64');

/** Everything one throwaway CMS instance needs: its environment, folder and credentials. */
export interface CmsEnv {
  database: DatabaseKind;
  dir: string;
  vars: Record<string, string>;
  admin: { email: string; password: string };
  siteToken: string;
  /** The site server's preview token (SITE_PREVIEW_TOKEN): the only one that reads drafts. */
  previewToken: string;
}

/**
 * Creates a fresh, empty database (a SQLite file or a new PostgreSQL database in the
 * run's cluster) and the environment of a CMS using it, with secrets made for this test.
 */
export async function createCmsEnv(
  database: DatabaseKind,
  cluster?: PostgresCluster,
): Promise<CmsEnv> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-cms-'));
  fs.mkdirSync(path.join(dir, 'public', 'uploads'), { recursive: true });
  const admin = { email: 'admin@example.org', password: `Adm1n-${randomBytes(6).toString('hex')}` };
  const siteToken = randomBytes(32).toString('hex');
  const previewToken = randomBytes(32).toString('hex');
  const vars: Record<string, string> = {
    HOST: '127.0.0.1',
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    ENCRYPTION_KEY: secret(24),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    SITE_API_TOKEN: siteToken,
    SITE_PREVIEW_TOKEN: previewToken,
    SERVE_ADMIN_PANEL: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_STARTUP_BANNER: 'false',
    // Never inherit a developer's real services from the shell: a test opts in explicitly.
    MEILI_URL: '',
    MEILI_MASTER_KEY: '',
    DATABASE_URL: '',
    CMS_PUBLIC_URL: '',
    // Uploads of this instance only (never the repository's cms/public/uploads).
    CMS_PUBLIC_DIR: path.join(dir, 'public'),
    DOCUMENT_TEXT_DIR: path.join(dir, 'document-text'),
  };
  if (database === 'sqlite') {
    vars.DATABASE_CLIENT = 'sqlite';
    vars.DATABASE_FILENAME = path.join(dir, 'data.db');
  } else {
    if (!cluster)
      throw new Error('createCmsEnv: a PostgreSQL cluster is needed for a postgres database');
    const name = `cms_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({
      host: cluster.host,
      port: cluster.port,
      user: cluster.user,
      database: 'postgres',
    });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    Object.assign(vars, {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: cluster.host,
      DATABASE_PORT: String(cluster.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: cluster.user,
      DATABASE_PASSWORD: '',
    });
  }
  return { database, dir, vars, admin, siteToken, previewToken };
}

export function removeCmsEnv(env: CmsEnv): void {
  fs.rmSync(env.dir, { recursive: true, force: true });
}
