import type { Page } from 'playwright-core';

/**
 * Time from the last keystroke of a query to its results on screen: the field is given the
 * query minus its last character (and left to settle), then the last key is pressed; the
 * clock starts at that `keydown` in the page and stops at the first frame painted after the
 * status element shows `doneText`.
 */
export async function keystrokeToResults(
  page: Page,
  inputSelector: string,
  statusSelector: string,
  query: string,
  doneText: string,
): Promise<number> {
  const input = page.locator(inputSelector);
  await input.fill(query.slice(0, -1));
  await page.waitForTimeout(400);
  await page.evaluate(
    ([selector, expected]) => {
      const state = window as unknown as { __measure: Promise<number> };
      state.__measure = new Promise<number>((resolve) => {
        const status = document.querySelector(selector)!;
        let keyAt = 0;
        document.addEventListener('keydown', () => (keyAt = performance.now()), {
          once: true,
          capture: true,
        });
        const observer = new MutationObserver(() => {
          if (!keyAt || !status.textContent?.includes(expected)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - keyAt));
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        // A query whose results never show is reported as NaN rather than hanging the run.
        setTimeout(() => resolve(Number.NaN), 10_000);
      });
    },
    [statusSelector, doneText] as const,
  );
  await input.press(query.slice(-1));
  return page.evaluate(() => (window as unknown as { __measure: Promise<number> }).__measure);
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
