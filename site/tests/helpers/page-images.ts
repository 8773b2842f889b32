import type { BrowserContext } from 'playwright-core';
import { layoutShiftSoFar, watchLayoutShift } from './layout-shift';

export interface ShownImage {
  currentSrc: string;
  naturalWidth: number;
  /** Its width on the page, in CSS pixels. */
  shownWidth: number;
  /** The widths its `srcset` offers (none for a thumbnail's single candidate). */
  offered: number[];
  srcset: string[];
  /** The width of the candidate the browser picked (0 for a thumbnail's single candidate). */
  chosenWidth: number;
}

export interface PageResponse {
  url: string;
  /** What the browser asked for: 'image', 'document', 'stylesheet', 'script', 'font'… */
  kind: string;
  status: number;
  type: string;
  /** Its body's bytes as they came over the network (compressed, for text). */
  bytes: number;
}

/**
 * A page as Chromium shows it, scrolled to its end so that every lazy image loads: its images,
 * every response it took, and its cumulative layout shift.
 */
export async function pageAsShown(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const responses: Array<Promise<PageResponse>> = [];
  page.on('response', (response) => {
    responses.push(
      response
        .request()
        .sizes()
        .then((sizes) => ({
          url: response.url(),
          kind: response.request().resourceType(),
          status: response.status(),
          type: response.headers()['content-type'] ?? '',
          bytes: sizes.responseBodySize,
        })),
    );
  });
  await watchLayoutShift(page);
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
        scrollTo(0, y);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    await page.waitForFunction(() => [...document.images].every((image) => image.complete));
    // Read in the page as it is; worked out here (a helper declared in the page's function
    // would not exist there under tsx, which names functions through a helper of its own).
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('picture img')].map((element) => {
        const image = element as HTMLImageElement;
        return {
          currentSrc: image.currentSrc,
          naturalWidth: image.naturalWidth,
          shownWidth: image.getBoundingClientRect().width,
          srcset: image.parentElement?.querySelector('source')?.srcset ?? '',
        };
      }),
    );
    const widthOf = (candidate: string) => Number(/ (\d+)w$/.exec(candidate)?.[1] ?? 0);
    const images: ShownImage[] = shown.map(({ srcset, ...image }) => {
      const candidates = srcset
        .split(',')
        .map((candidate) => candidate.trim())
        .filter(Boolean);
      const chosen = candidates.find(
        (candidate) => new URL(candidate.split(' ')[0]!, url).href === image.currentSrc,
      );
      return {
        ...image,
        offered: candidates.map(widthOf).filter((width) => width > 0),
        srcset: candidates.map((candidate) => candidate.split(' ')[0]!),
        chosenWidth: chosen ? widthOf(chosen) : 0,
      };
    });
    const layoutShift = await layoutShiftSoFar(page);
    return { images, layoutShift, responses: await Promise.all(responses) };
  } finally {
    await page.close();
  }
}
