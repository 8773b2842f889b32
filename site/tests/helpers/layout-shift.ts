import type { BrowserContext, Page } from 'playwright-core';

/** How late the font files come: past the browser's wait for them before it paints text. */
const FONT_DELAY_MS = 400;
/** How long shifts are counted after the page's load: the late fonts have arrived by then. */
const WATCH_MS = FONT_DELAY_MS + 600;

/** Counts the page's layout shifts from its first paint on (call before it loads). */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as { __layoutShift: number };
    record.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>)
        record.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The sum of the layout shifts counted so far (watchLayoutShift). */
export const layoutShiftSoFar = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);

/**
 * The page's cumulative layout shift (the sum of its `layout-shift` entries, as Chromium's
 * PerformanceObserver reports them) at `width`, when its font files arrive FONT_DELAY_MS
 * late, as on a slow connection. `context` must not cache them (a routed context does not).
 */
export async function layoutShiftWhileFontsArriveLate(
  context: BrowserContext,
  url: string,
  width: number,
): Promise<number> {
  const page = await context.newPage();
  await page.route('**/*.woff2', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, FONT_DELAY_MS));
    await route.fallback();
  });
  try {
    await page.setViewportSize({ width, height: 900 });
    await watchLayoutShift(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(WATCH_MS);
    return await layoutShiftSoFar(page);
  } finally {
    await page.close();
  }
}
