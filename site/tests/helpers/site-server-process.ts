import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, stopChild } from '@dejala/search/child-process';

const SITE_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface SiteServerProcess {
  url: string;
  dataDir: string;
  /** Everything the server printed so far. */
  log(): string;
  stop(): Promise<void>;
  /** Kills it at once (SIGKILL), as a crash or a power cut would; resolves once it is gone. */
  crash(): Promise<void>;
}

/**
 * The site server as it runs in production (`node server/main.ts`), on a port of its own,
 * configured only by `env` (a missing env file, so a developer's .env never leaks in).
 */
export async function startSiteServer(
  env: Record<string, string>,
  dataDir: string,
  port?: number,
): Promise<SiteServerProcess> {
  port ??= await freePort();
  const logFile = path.join(dataDir, `site-server-${port}.log`);
  fs.mkdirSync(dataDir, { recursive: true });
  const out = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: SITE_DIR,
    env: {
      ...process.env,
      DEJALA_ENV_FILE: path.join(dataDir, 'no-such.env'),
      SITE_PORT: String(port),
      SITE_URL: `http://127.0.0.1:${port}`,
      SITE_DATA_DIR: dataDir,
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  const log = () => fs.readFileSync(logFile, 'utf8');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`site server exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/_health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`site server did not start:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const crash = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  return { url, dataDir, log, stop: () => stopChild(child), crash };
}
