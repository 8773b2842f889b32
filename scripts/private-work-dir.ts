// Where backup and restore unpack plain exports: never in the backups folder (which gets
// copied off the server), but in a folder only this user can enter, cleaned on exit and on
// SIGTERM/SIGINT, and swept of what a killed run left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** BACKUP_WORK_DIR, else a folder of this user's in the system's temporary folder. */
export function workRoot(env: NodeJS.ProcessEnv): string {
  const user = typeof process.getuid === 'function' ? process.getuid() : os.userInfo().username;
  return path.resolve(env.BACKUP_WORK_DIR || path.join(os.tmpdir(), `dejala-backup-work-${user}`));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the work folders of runs that no longer exist; returns how many. */
export function sweepLeftovers(root: string): number {
  let swept = 0;
  for (const name of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
      swept += 1;
    }
  }
  return swept;
}

/**
 * A new private work folder (0700, inside a 0700 root owned by this user) for this process,
 * removed by `remove()`, on SIGTERM/SIGINT (then the process exits), and swept by a later run
 * if the process is killed outright.
 */
export function createPrivateWorkDir(
  env: NodeJS.ProcessEnv,
  log: (message: string) => void = () => {},
): { dir: string; remove(): void } {
  const root = workRoot(env);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const stat = fs.statSync(root);
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new Error(`${root} belongs to another user: set BACKUP_WORK_DIR to a folder of yours`);
  }
  fs.chmodSync(root, 0o700);
  const swept = sweepLeftovers(root);
  if (swept > 0) log(`backup: removed ${swept} work folder(s) left by an interrupted run`);
  const dir = fs.mkdtempSync(path.join(root, `${process.pid}-`));
  fs.chmodSync(dir, 0o700);
  const remove = () => {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.off(signal, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, onSignal);
  return { dir, remove };
}
