import { describe, expect, it } from 'vitest';
import { BuildQueue } from '../../server/build-queue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A queue whose builds take `buildMs` and record what they were asked for. */
function queue(buildMs: number, fail = false) {
  const builds: string[][] = [];
  let running = 0;
  let overlapped = false;
  const built = new BuildQueue({
    debounceMs: 30,
    build: async (reasons) => {
      running += 1;
      if (running > 1) overlapped = true;
      builds.push(reasons);
      await sleep(buildMs);
      running -= 1;
      if (fail) throw new Error('CMS unreachable');
    },
  });
  return { built, builds, overlapped: () => overlapped };
}

describe('BuildQueue', () => {
  it('coalesces a burst into one build', async () => {
    const { built, builds } = queue(20);
    for (let n = 0; n < 30; n += 1) built.request(`publish ${n}`);
    expect(built.state).toBe('queued');
    await built.whenIdle();
    expect(builds).toHaveLength(1);
    expect(builds[0]).toHaveLength(30);
    expect(built.lastBuild).toMatchObject({ ok: true });
  });

  it('runs exactly one follow-up for everything that arrived during a build, never two at once', async () => {
    const { built, builds, overlapped } = queue(120);
    built.request('first');
    await sleep(60); // debounce over: building
    expect(built.state).toBe('building');
    for (let n = 0; n < 10; n += 1) built.request(`during ${n}`);
    await built.whenIdle();
    expect(builds.map((reasons) => reasons.length)).toEqual([1, 10]);
    expect(overlapped()).toBe(false);
  });

  it('records a failed build with its error and goes back to idle', async () => {
    const { built } = queue(5, true);
    built.request('publish');
    await built.whenIdle();
    expect(built.state).toBe('idle');
    expect(built.lastBuild).toMatchObject({
      ok: false,
      error: 'CMS unreachable',
      reasons: ['publish'],
    });
    expect(built.lastBuild!.durationMs).toBeGreaterThanOrEqual(0);
  });
});
