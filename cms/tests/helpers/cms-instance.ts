import { afterAll, beforeAll } from 'vitest';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from './cms-env';
import { startCmsServer, type CmsServer } from './cms-process';
import { postgresCluster, type DatabaseKind } from './databases';

export interface CmsInstance {
  env: CmsEnv;
  server: CmsServer;
  url: string;
  /** Stops the server and starts it again on the same database (bootstrap runs again). */
  restart(): Promise<void>;
}

/**
 * Registers hooks that boot a CMS on a fresh database before the suite's tests and stop it
 * after; the returned object is filled once `beforeAll` has run.
 */
export function useCmsInstance(
  database: DatabaseKind,
  /** More environment for the CMS, read when it starts (after earlier `beforeAll` hooks). */
  extraVars: () => Record<string, string> = () => ({}),
): CmsInstance {
  const instance = {
    async restart() {
      await instance.server.stop();
      instance.server = await startCmsServer(instance.env);
      instance.url = instance.server.url;
    },
  } as CmsInstance;
  beforeAll(async () => {
    instance.env = await createCmsEnv(
      database,
      database === 'postgres' ? postgresCluster() : undefined,
    );
    Object.assign(instance.env.vars, extraVars());
    instance.server = await startCmsServer(instance.env);
    instance.url = instance.server.url;
  });
  afterAll(async () => {
    await instance.server?.stop();
    if (instance.env) removeCmsEnv(instance.env);
  });
  return instance;
}
