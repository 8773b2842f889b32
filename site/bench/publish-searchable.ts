import { mediaItemPath } from '@dejala/search/site-urls';
import { BuildQueue } from '../server/build-queue.ts';
import type { Publisher } from '../server/publisher.ts';
import type { CmsStack } from '../tests/helpers/test-stack';
import { publish } from './publish-live';

/** Asks `/_search` of the site server until `slug` finds its item; resolves when it does. */
async function searchable(siteUrl: string, slug: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const response = await fetch(`${siteUrl}/_search?q=${slug}`);
    const { hits } = (await response.json()) as { hits?: Array<{ url?: string }> };
    if (hits?.some((hit) => hit.url?.endsWith(mediaItemPath(slug)))) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`"${slug}" not searchable after 60 s`);
}

/**
 * Publish → searchable end to end, as a visitor sees it: a publication through the CMS's REST
 * API (whose search sync sends it to Meilisearch), found by `/_search` of the site server —
 * while that server renders: the fast path the same publication asks for, or a full render
 * started just before. One value per sample (ms).
 */
export async function measurePublishToSearchable(options: {
  cms: CmsStack;
  siteUrl: string;
  publisher: Publisher;
  samples: number;
  during: 'fast path' | 'full render';
  debounceMs: number;
}): Promise<number[]> {
  const { cms, siteUrl, publisher } = options;
  const queue = new BuildQueue({
    build: (reasons, changes) =>
      changes ? publisher.update(changes, reasons) : publisher.build(reasons),
    debounceMs: options.debounceMs,
  });
  const latencies: number[] = [];
  // The first publications after the CMS starts take up to 2 s (its first syncs, Meilisearch
  // applying the index settings): measured, but left out of the figures.
  const warmUp = options.during === 'fast path' ? 10 : 0;
  for (let n = 0; n < warmUp + options.samples; n += 1) {
    const word = `repere${Date.now().toString(36)}${n}`;
    if (options.during === 'full render') {
      queue.request('bench: full render');
      // Into the render itself (reading the content takes the first moments).
      await new Promise((resolve) => setTimeout(resolve, options.debounceMs + 1500));
    }
    const started = performance.now();
    const documentId = await publish(cms, word);
    if (options.during === 'fast path')
      queue.request('entry.publish', { collection: 'mediaItems', documentId });
    await searchable(siteUrl, word);
    if (n >= warmUp) latencies.push(performance.now() - started);
    await queue.whenIdle();
  }
  return latencies;
}
