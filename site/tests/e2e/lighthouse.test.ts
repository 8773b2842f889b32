import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser';
import { calibratedMobileConfig, type MobileConfig } from '../helpers/lighthouse-mobile';
import { waitForQuietHost } from '../helpers/quiet-host';
import { TEMPLATES } from '../helpers/templates';

const stack = inject('stack');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1]!;

// Lighthouse's own Chromium (it drives it through the DevTools protocol, not Playwright).
let chrome: chromeLauncher.LaunchedChrome;
let mobile: MobileConfig;
beforeAll(async () => {
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  mobile = await calibratedMobileConfig(`${stack.siteUrl}/`, chrome.port);
  console.log(`lighthouse: ${mobile.said}`);
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
      const config = form === 'mobile' ? mobile.config : desktopConfig;
      const runs = [await run(url, config)];
      // Scores still vary from run to run (Lighthouse's advice: judge the median of five): a
      // page that misses once is run four more times and judged on the medians.
      const passes = ({ score, layoutShift }: Run) =>
        score >= MIN_SCORE && layoutShift <= MAX_LAYOUT_SHIFT;
      if (!passes(runs[0]!)) for (let n = 0; n < 4; n += 1) runs.push(await run(url, config));
      const said = `${form}, CPU slowdown ×${mobile.slowdown.toFixed(2)}: ${JSON.stringify(runs)}`;
      expect(median(runs.map((r) => r.layoutShift)), said).toBeLessThanOrEqual(MAX_LAYOUT_SHIFT);
      expect(median(runs.map((r) => r.score)), said).toBeGreaterThanOrEqual(MIN_SCORE);
    },
    420_000,
  );
});
