import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { throttling } from 'lighthouse/core/config/constants.js';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser';
import { waitForQuietHost } from '../helpers/quiet-host';
import { TEMPLATES } from '../helpers/templates';

const stack = inject('stack');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1]!;

/**
 * Lighthouse's CPU slowdown for a host of this benchmark index: its default 4× turns a host of
 * index ~1,500 into its reference phone (a Moto G Power); on a slower host, 4× simulates a
 * phone slower still. The anchors are those of Lighthouse's throttling documentation
 * (docs/throttling.md, "calibrating multipliers"): 150 → 1×, 800 → 2×, 1,300 → 3×, 1,533 → 4×,
 * 2,000 → 6×, linear between them.
 */
function calibratedSlowdown(benchmarkIndex: number): number {
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

// Lighthouse's own Chromium (it drives it through the DevTools protocol, not Playwright).
let chrome: chromeLauncher.LaunchedChrome;
let mobileConfig: { extends: 'lighthouse:default'; settings: object };
let slowdown: number;
beforeAll(async () => {
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  // The host's speed, as Lighthouse measures it at each run: the best of three, since anything
  // else running at that moment only lowers it (1,000–1,200 idle here; 731 seen once while
  // the stack was still settling, which would have eased the audits).
  const indexes: number[] = [];
  for (let n = 0; n < 3; n += 1) {
    await waitForQuietHost();
    const result = await lighthouse(`${stack.siteUrl}/`, {
      port: chrome.port,
      onlyAudits: ['first-contentful-paint'],
      logLevel: 'error',
    });
    indexes.push(result!.lhr.environment.benchmarkIndex);
  }
  const benchmarkIndex = Math.max(...indexes);
  slowdown = calibratedSlowdown(benchmarkIndex);
  console.log(
    `lighthouse: host benchmark index ${benchmarkIndex} (of ${indexes.join(', ')}), mobile CPU slowdown ×${slowdown.toFixed(2)}`,
  );
  mobileConfig = {
    extends: 'lighthouse:default',
    settings: { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: slowdown } },
  };
}, 120_000);
afterAll(() => chrome?.kill());

// Lighthouse scores no page answered with an error status: the 404 is left out.
const SCORED = TEMPLATES.filter(({ name }) => name !== 'not-found');
const MIN_SCORE = 95;
const MAX_LAYOUT_SHIFT = 0.02;

interface Run {
  score: number;
  layoutShift: number;
  /** What the score weighs (ms), what shifted, and the host's CPU in use (%) just before the
   * run: printed when the page fails. */
  metrics: Record<string, number>;
  shifted: string[];
  hostBusyPercent: number;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'speed-index',
] as const;

async function run(url: string, config: object, attempt = 1): Promise<Run> {
  // Lighthouse times the main thread's tasks and scales them by the slowdown: whatever else
  // runs on the host lengthens them too (a page without script once blocked 616 ms on CI).
  const hostBusy = await waitForQuietHost();
  const result = await lighthouse(
    url,
    { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' },
    config,
  );
  const { categories, audits, runtimeError } = result!.lhr;
  // A trace Lighthouse failed to record (NO_NAVSTART…): it asks to be run again.
  if (runtimeError && attempt < 3) return run(url, config, attempt + 1);
  if (runtimeError) throw new Error(`Lighthouse: ${runtimeError.code} ${runtimeError.message}`);
  const shifts = audits['layout-shifts']?.details;
  const shifted =
    shifts?.type === 'table'
      ? shifts.items.map((item) => JSON.stringify(item.node ?? item).slice(0, 300))
      : [];
  return {
    score: categories.performance!.score! * 100,
    layoutShift: audits['cumulative-layout-shift']!.numericValue!,
    metrics: Object.fromEntries(
      METRICS.map((metric) => [metric, Math.round(audits[metric]?.numericValue ?? NaN)]),
    ),
    shifted,
    hostBusyPercent: Math.round(hostBusy * 100),
  };
}

describe.each(SCORED)('Lighthouse on template $name ($path)', ({ path: urlPath }) => {
  it.each(['mobile', 'desktop'] as const)(
    `scores ≥ ${MIN_SCORE} in performance on %s, without layout shift`,
    async (form) => {
      const url = `${stack.siteUrl}${urlPath}`;
      const config = form === 'mobile' ? mobileConfig : desktopConfig;
      const runs = [await run(url, config)];
      // Scores still vary from run to run (Lighthouse's advice: judge the median of five): a
      // page that misses once is run four more times and judged on the medians.
      const passes = ({ score, layoutShift }: Run) =>
        score >= MIN_SCORE && layoutShift <= MAX_LAYOUT_SHIFT;
      if (!passes(runs[0]!)) for (let n = 0; n < 4; n += 1) runs.push(await run(url, config));
      const said = `${form}, CPU slowdown ×${slowdown.toFixed(2)}: ${JSON.stringify(runs)}`;
      expect(median(runs.map((r) => r.layoutShift)), said).toBeLessThanOrEqual(MAX_LAYOUT_SHIFT);
      expect(median(runs.map((r) => r.score)), said).toBeGreaterThanOrEqual(MIN_SCORE);
    },
    420_000,
  );
});
