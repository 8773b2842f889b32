import type { ChildProcess } from 'node:child_process';

/** Signals a detached child's whole process group; a group already gone is not an error. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Stops `npm start` run detached, as Ctrl-C in its terminal does (SIGINT to the whole group:
 * npm, its shells and scripts/start.ts, which stops what it started); killed after a minute.
 */
export async function interruptGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child.pid!, 'SIGINT');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  if (child.exitCode === null) signalGroup(child.pid!, 'SIGKILL');
}
