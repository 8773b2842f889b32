import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pruneBackups } from '../../scripts/backup-operations.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('pruneBackups', () => {
  let dir: string;
  const files = [
    'dejala-20270101-020000Z.tar',
    'dejala-20270102-020000Z.tar',
    'dejala-20270103-020000Z.tar',
    'dejala-20270104-020000Z.tar',
    'dejala-20270101-030000Z-before-restore.tar',
    'dejala-20270105-020000Z.tar.partial',
    'notes.txt',
  ];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-prune-'));
    // Written newest first: the order on disk must not matter, only the dates in the names.
    for (const name of [...files].reverse()) fs.writeFileSync(path.join(dir, name), name);
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('deletes the oldest dated backups beyond the newest N, and nothing else', () => {
    expect(pruneBackups(dir, 2)).toEqual([
      'dejala-20270101-020000Z.tar',
      'dejala-20270102-020000Z.tar',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [
        'dejala-20270103-020000Z.tar',
        'dejala-20270104-020000Z.tar',
        'dejala-20270101-030000Z-before-restore.tar',
        'dejala-20270105-020000Z.tar.partial',
        'notes.txt',
      ].sort(),
    );
    expect(pruneBackups(dir, 2)).toEqual([]);
  });

  it('refuses to keep fewer than one', () => {
    expect(() => pruneBackups(dir, 0)).toThrow(/1 or more/);
    expect(fs.readdirSync(dir)).toHaveLength(files.length);
  });

  it('is refused by npm run backup with a bad --keep before anything runs', () => {
    const run = spawnSync(process.execPath, ['scripts/backup.ts', '--keep', 'all'], {
      cwd: ROOT,
      env: { ...process.env, BACKUP_DIR: dir, DEJALA_ENV_FILE: path.join(dir, 'no.env') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--keep takes a number of backups, 1 or more (got "all")');
    expect(fs.readdirSync(dir)).toHaveLength(files.length);
  });
});
