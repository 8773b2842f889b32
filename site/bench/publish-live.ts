import fs from 'node:fs';
import path from 'node:path';
import { mediaItemPath } from '@dejala/search/site-urls';
import { releaseFileOf } from '../src/content/site-paths.ts';
import { BuildQueue } from '../server/build-queue.ts';
import { readReleaseFiles, releaseChain } from '../server/release-files.ts';
import type { Publisher } from '../server/publisher.ts';
import type { CmsStack } from '../tests/helpers/test-stack';

export interface PublishLiveFigures {
  /** Publish (REST) → its page served by the live release, one value per sample (ms). */
  latencies: number[];
  /** CPU time of this process per publication (ms): rendering, reading, writing the release. */
  cpuPerPublish: number[];
  /** Layers under the live release at the end: bounded by merges, however fast publications come. */
  layers: number;
  /** Renders the site server ran for a burst of 30 publishes (null when not measured). */
  rendersForBurst: number | null;
}

/**
 * Publishes a new médiathèque item through the REST API, dated today as an editor's new item
 * is (it then heads the list, before every older item), with `fields` besides (a cover's
 * upload id…); returns its documentId.
 */
export async function publish(
  cms: CmsStack,
  slug: string,
  fields: Record<string, unknown> = {},
  retried = false,
): Promise<string> {
  const response = await fetch(`${cms.url}/api/media-items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cms.fullToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      data: {
        title: `Publication ${slug}`,
        slug,
        type: 'article',
        summary: 'Mesure de mise en ligne.',
        publicationDate: new Date().toISOString().slice(0, 10),
        ...fields,
      },
    }),
  }).catch((error: Error & { cause?: { code?: string } }) => {
    // A kept-alive connection the CMS closed while a full render ran (Node closes idle ones
    // after 5 s): the request never reached it, send it once more on a new one.
    if (retried || error.cause?.code !== 'UND_ERR_SOCKET') throw error;
    return null;
  });
  if (!response) return publish(cms, slug, fields, true);
  if (!response.ok) throw new Error(`publish ${slug}: ${response.status}`);
  return ((await response.json()) as { data: { documentId: string } }).data.documentId;
}

/**
 * The site server's own pipeline (debounce, render, checks, atomic switch), run in this
 * process on a publisher that has made its first full render; the webhook's HTTP hop (a few
 * ms) is left out. `path` chooses what a publication asks for: the fast path for the entry
 * (what the CMS's webhook names), or a full render.
 */
export async function measurePublishToLive(options: {
  cms: CmsStack;
  publisher: Publisher;
  dataDir: string;
  path: 'fast' | 'full';
  samples: number;
  burst: boolean;
  debounceMs: number;
  /** Each sample's item gets a cover of its own: this uploads it (not timed) and gives its id. */
  uploadCover?: () => Promise<number>;
}): Promise<PublishLiveFigures> {
  const { cms, publisher, dataDir } = options;
  const queue = new BuildQueue({
    build: (reasons, changes) =>
      changes ? publisher.update(changes, reasons) : publisher.build(reasons),
    debounceMs: options.debounceMs,
  });
  // What the live release serves, read from disk as a restart would (layer by layer).
  const live = (slug: string) =>
    readReleaseFiles(fs.realpathSync(path.join(dataDir, 'current'))).has(
      releaseFileOf(mediaItemPath(slug)),
    );
  const ask = (documentId: string) =>
    options.path === 'fast'
      ? queue.request('entry.publish', { collection: 'mediaItems', documentId })
      : queue.request('entry.publish');
  const latencies: number[] = [];
  const cpuPerPublish: number[] = [];
  for (let n = 0; n < options.samples; n += 1) {
    const slug = `mesure-${options.path}-${Date.now()}-${n}`;
    const fields = options.uploadCover ? { cover: await options.uploadCover() } : {};
    const started = performance.now();
    const cpu = process.cpuUsage();
    ask(await publish(cms, slug, fields));
    await queue.whenIdle();
    latencies.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuPerPublish.push((used.user + used.system) / 1000);
    if (!queue.lastBuild?.ok || !live(slug)) throw new Error(`not live: ${queue.lastBuild?.error}`);
  }
  let rendersForBurst: number | null = null;
  if (options.burst) {
    const before = queue.buildCount;
    const slugs = Array.from({ length: 30 }, (_, n) => `rafale-${Date.now()}-${n}`);
    for (const slug of slugs) ask(await publish(cms, slug));
    await queue.whenIdle();
    if (!slugs.every(live)) throw new Error('burst: some publications are not live');
    rendersForBurst = queue.buildCount - before;
  }
  const layers = releaseChain(fs.realpathSync(path.join(dataDir, 'current'))).length - 1;
  return { latencies, cpuPerPublish, layers, rendersForBurst };
}
