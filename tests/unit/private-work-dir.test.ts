import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrivateWorkDir, sweepLeftovers } from '../../scripts/private-work-dir.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let root: string;

beforeAll(() => {
  root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-work-test-')), 'work');
});
afterAll(() => fs.rmSync(path.dirname(root), { recursive: true, force: true }));

describe('the private work folder of backup and restore', () => {
  it('is readable by its owner only, and gone once removed', () => {
    const work = createPrivateWorkDir({ BACKUP_WORK_DIR: root });
    expect(fs.statSync(root).mode & 0o777).toBe(0o700);
    expect(fs.statSync(work.dir).mode & 0o777).toBe(0o700);
    fs.writeFileSync(path.join(work.dir, 'export.tar.gz'), 'plain');
    work.remove();
    expect(fs.existsSync(work.dir)).toBe(false);
  });

  it('sweeps what a killed run left behind, and nothing of a live one', () => {
    fs.mkdirSync(root, { recursive: true });
    // A pid that cannot be running (above the kernel's maximum), and this live process.
    fs.mkdirSync(path.join(root, '4194999-abcdef'));
    fs.mkdirSync(path.join(root, `${process.ppid}-live`));
    expect(sweepLeftovers(root)).toBe(1);
    expect(fs.readdirSync(root)).toEqual([`${process.ppid}-live`]);
  });

  it('is removed when the run is stopped with SIGTERM', async () => {
    const script = `
      import { createPrivateWorkDir } from ${JSON.stringify(path.join(ROOT, 'scripts', 'private-work-dir.ts'))};
      const work = createPrivateWorkDir({ BACKUP_WORK_DIR: ${JSON.stringify(root)} });
      console.log(work.dir);
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const dir = await new Promise<string>((resolve) =>
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
    );
    expect(fs.existsSync(dir)).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(fs.existsSync(dir)).toBe(false);
  });
});
