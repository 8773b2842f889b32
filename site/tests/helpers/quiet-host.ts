import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total CPU time of the whole host so far, from Linux's /proc/stat (steal: busy). */
async function cpuTimes(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n', 1)[0]!;
  // cpu user nice system idle iowait irq softirq steal guest guest_nice
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  return { busy: total - fields[3]! - fields[4]!, total };
}

/** The share of the host's CPU (0–1) in use over the next `windowMs`. */
export async function hostBusyShare(windowMs = 500): Promise<number> {
  const before = await cpuTimes();
  await sleep(windowMs);
  const after = await cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/**
 * Waits until the host is nearly idle (at most `maxBusyShare` of its CPU in use over half a
 * second), for `maxWaitMs` at most, and returns the last share measured. A measurement taken while
 * something else runs (a neighbour's build, a database's checkpoint) measures the neighbour.
 */
export async function waitForQuietHost(maxBusyShare = 0.15, maxWaitMs = 30_000): Promise<number> {
  const deadline = Date.now() + maxWaitMs;
  let share = await hostBusyShare();
  while (share > maxBusyShare && Date.now() < deadline) share = await hostBusyShare();
  return share;
}
