import path from 'node:path';
import { compileStrapi, createStrapi, type Core } from '@strapi/strapi';

export const CMS_DIR = path.resolve(__dirname, '..');

/**
 * Compiles the CMS and loads it in this process without opening the HTTP server, for scripts
 * that work through the Document Service. Bootstrap (permissions, roles, token) runs as usual.
 */
export async function loadStrapi(logLevel = 'warn'): Promise<Core.Strapi> {
  const appContext = await compileStrapi({ appDir: CMS_DIR, ignoreDiagnostics: false });
  const strapi = createStrapi(appContext);
  strapi.log.level = logLevel;
  return strapi.load();
}

interface KnexPool {
  numUsed(): number;
  numPendingAcquires(): number;
}

/**
 * Stops Strapi once the work it defers until after commit (history versions, lifecycle
 * events) has drained: destroying the pool while such a query waits aborts the process.
 */
export async function closeStrapi(strapi: Core.Strapi, timeoutMs = 30_000): Promise<void> {
  const pool = (strapi.db.connection.client as { pool?: KnexPool }).pool;
  const deadline = Date.now() + timeoutMs;
  let quietChecks = 0;
  while (pool && quietChecks < 3 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    quietChecks = pool.numUsed() + pool.numPendingAcquires() === 0 ? quietChecks + 1 : 0;
  }
  await strapi.destroy();
}
