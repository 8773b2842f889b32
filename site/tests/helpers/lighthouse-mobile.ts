import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import { waitForQuietHost } from './quiet-host';

/**
 * Lighthouse's CPU slowdown for a host of this benchmark index: its default 4× turns a host of
 * index ~1,500 into its reference phone (a Moto G Power); on a slower host, 4× simulates a
 * phone slower still. The anchors are those of Lighthouse's throttling documentation
 * (docs/throttling.md, "calibrating multipliers"): 150 → 1×, 800 → 2×, 1,300 → 3×, 1,533 → 4×,
 * 2,000 → 6×, linear between them.
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  const anchors = [
    [150, 1],
    [800, 2],
    [1300, 3],
    [1533, 4],
    [2000, 6],
  ] as const;
  if (benchmarkIndex <= anchors[0][0]) return 1;
  // The segment the index falls in; past 2,000, the last one extended.
  let upper = anchors.findIndex(([index]) => index >= benchmarkIndex);
  if (upper === -1) upper = anchors.length - 1;
  const [x0, y0] = anchors[upper - 1]!;
  const [x1, y1] = anchors[upper]!;
  return y0 + ((benchmarkIndex - x0) * (y1 - y0)) / (x1 - x0);
}

export interface MobileConfig {
  config: { extends: 'lighthouse:default'; settings: object };
  slowdown: number;
  /** How the host was measured, for the log. */
  said: string;
}

/**
 * Lighthouse's mobile configuration, its CPU slowdown calibrated on this host: its speed as
 * Lighthouse measures it at each run, the best of `runs`, since anything else running at that
 * moment only lowers it (1,000–1,200 idle here; 731 seen once while a stack was still
 * settling, which would have eased the audits). `url`: any page, to measure with.
 */
export async function calibratedMobileConfig(
  url: string,
  chromePort: number,
  runs = 3,
): Promise<MobileConfig> {
  const indexes: number[] = [];
  for (let n = 0; n < runs; n += 1) {
    await waitForQuietHost();
    const result = await lighthouse(url, {
      port: chromePort,
      onlyAudits: ['first-contentful-paint'],
      logLevel: 'error',
    });
    indexes.push(result!.lhr.environment.benchmarkIndex);
  }
  const benchmarkIndex = Math.max(...indexes);
  const slowdown = calibratedSlowdown(benchmarkIndex);
  return {
    config: {
      extends: 'lighthouse:default',
      settings: { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: slowdown } },
    },
    slowdown,
    said: `host benchmark index ${benchmarkIndex} (of ${indexes.join(', ')}), mobile CPU slowdown ×${slowdown.toFixed(2)}`,
  };
}
