// The README's promise: on a fresh clone, `npm start` runs the stack with nothing typed
// before it — Node 22 and the dependencies come by themselves. The clone is of the committed
// tree (`git clone` of this repository), run as a person's shell would: PATH and HOME only,
// plus the env file that places ports and data in a throwaway folder.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@dejala/search/child-process';
import { eventually } from '../../cms/tests/helpers/eventually';
import { interruptGroup } from '../helpers/process-group';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('a fresh clone', () => {
  let dir: string;
  let clone: string;
  let stack: ChildProcess;
  let output = '';
  let siteUrl: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-fresh-clone-'));
    clone = path.join(dir, 'platform');
    execFileSync('git', ['clone', '--quiet', ROOT, clone]);
    expect(fs.existsSync(path.join(clone, 'node_modules'))).toBe(false);
    const [cmsPort, meiliPort, sitePort] = [await freePort(), await freePort(), await freePort()];
    siteUrl = `http://127.0.0.1:${sitePort}`;
    const envFile = path.join(dir, '.env');
    fs.writeFileSync(
      envFile,
      [
        `CMS_PORT=${cmsPort}`,
        `MEILI_PORT=${meiliPort}`,
        `SITE_PORT=${sitePort}`,
        // The admin panel's build is `npm start`'s own business, tested beside the stack.
        'SERVE_ADMIN_PANEL=false',
        '',
      ].join('\n'),
    );
    stack = spawn('npm', ['start'], {
      cwd: clone,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DEJALA_ENV_FILE: envFile },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    stack.stdout?.on('data', (chunk) => (output += chunk));
    stack.stderr?.on('data', (chunk) => (output += chunk));
  });

  afterAll(async () => {
    await interruptGroup(stack);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers with the site after `npm start` alone', async () => {
    // Fails as soon as `npm start` gives up, with its output, rather than at the timeout.
    const exited = new Promise<never>((_, reject) =>
      stack.once('exit', (code) =>
        reject(new Error(`npm start exited (${code}):\n${output.slice(-4000)}`)),
      ),
    );
    exited.catch(() => {});
    await Promise.race([
      exited,
      eventually(
        async () => {
          expect(output).toContain('Ctrl-C stops everything.');
          const home = await fetch(`${siteUrl}/`);
          expect(home.status).toBe(200);
          expect(await home.text()).toContain('Déjà-là');
        },
        900_000,
        1000,
      ),
    ]);
    expect(output).toContain('with-node22: installing the dependencies');
    expect(fs.existsSync(path.join(clone, 'node_modules', '.package-lock.json'))).toBe(true);
  }, 960_000);
});
