import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../helpers/browser';
import { TEMPLATES } from '../helpers/templates';

const stack = inject('stack');

// Lighthouse's own Chromium (it drives it through the DevTools protocol, not Playwright).
let chrome: chromeLauncher.LaunchedChrome;
beforeAll(async () => {
  chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
});
afterAll(() => chrome?.kill());

// Lighthouse scores no page answered with an error status: the 404 is left out.
const SCORED = TEMPLATES.filter(({ name }) => name !== 'not-found');

describe.each(SCORED)('Lighthouse on template $name ($path)', ({ path: urlPath }) => {
  it.each([
    ['mobile', undefined],
    ['desktop', desktopConfig],
  ] as const)('scores ≥ 95 in performance on %s, without layout shift', async (_form, config) => {
    const result = await lighthouse(
      `${stack.siteUrl}${urlPath}`,
      { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' },
      config,
    );
    const { categories, audits } = result!.lhr;
    expect(audits['cumulative-layout-shift']!.numericValue).toBeLessThanOrEqual(0.02);
    expect(categories.performance!.score! * 100).toBeGreaterThanOrEqual(95);
  });
});
