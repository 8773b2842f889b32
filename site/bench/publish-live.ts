import fs from 'node:fs';
import path from 'node:path';
import { BuildQueue } from '../server/build-queue.ts';
import { Publisher } from '../server/publisher.ts';
import type { CmsStack } from '../tests/helpers/test-stack';

export interface PublishLiveFigures {
  /** Publish (REST) → its page served by the live release, one value per sample (ms). */
  latencies: number[];
  /** Builds the site server ran for a burst of 30 publishes (null when not measured). */
  buildsForBurst: number | null;
}

async function publish(cms: CmsStack, slug: string): Promise<void> {
  const response = await fetch(`${cms.url}/api/media-items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${cms.fullToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      data: {
        title: `Publication ${slug}`,
        slug,
        type: 'article',
        summary: 'Mesure de mise en ligne.',
      },
    }),
  });
  if (!response.ok) throw new Error(`publish ${slug}: ${response.status}`);
}

/**
 * The site server's own pipeline (debounce, build into a release, checks, atomic switch), run
 * in this process; the webhook's HTTP hop (a few ms) is left out. The first build fills the
 * caches and is not timed: each sample is then a warm, incremental build.
 */
export async function measurePublishToLive(options: {
  cms: CmsStack;
  dataDir: string;
  siteUrl: string;
  samples: number;
  burst: boolean;
}): Promise<PublishLiveFigures> {
  const { cms, dataDir } = options;
  const publisher = new Publisher({
    dataDir,
    cms: { url: cms.url, token: cms.siteToken, publicUrl: cms.url },
    buildEnv: { SITE_URL: options.siteUrl, CMS_PUBLIC_URL: cms.url },
    secrets: [cms.siteToken, cms.fullToken],
    onLive: () => {},
    log: () => {},
  });
  const queue = new BuildQueue({ build: (reasons) => publisher.build(reasons), debounceMs: 1000 });
  await publisher.build(['bench: first build']);
  const live = (slug: string) =>
    fs.existsSync(path.join(dataDir, 'current', 'client', 'mediatheque', slug, 'index.html'));
  const latencies: number[] = [];
  for (let n = 0; n < options.samples; n += 1) {
    const slug = `mesure-${Date.now()}-${n}`;
    const started = performance.now();
    await publish(cms, slug);
    queue.request('entry.publish');
    await queue.whenIdle();
    if (!queue.lastBuild?.ok || !live(slug)) throw new Error(`not live: ${queue.lastBuild?.error}`);
    latencies.push(performance.now() - started);
  }
  let buildsForBurst: number | null = null;
  if (options.burst) {
    const before = queue.buildCount;
    const slugs = Array.from({ length: 30 }, (_, n) => `rafale-${Date.now()}-${n}`);
    for (const slug of slugs) {
      await publish(cms, slug);
      queue.request('entry.publish');
    }
    await queue.whenIdle();
    if (!slugs.every(live)) throw new Error('burst: some publications are not live');
    buildsForBurst = queue.buildCount - before;
  }
  return { latencies, buildsForBurst };
}
