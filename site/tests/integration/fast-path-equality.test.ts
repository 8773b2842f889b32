// The property that makes the fast path safe: from the same content, the release that any
// sequence of fast-path updates leaves is identical, file by file, to a clean full render.
// A seeded random sequence of editors' operations runs against a real CMS; each is followed
// by the fast path for the entry it touched (what the webhook names); then a full render from
// scratch is compared with the result, every differing file and line printed on failure.
// Operations come in pairs whose fast paths run back to back, so that layers are merged while
// the next release is being made.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, requestOk } from '../../../cms/tests/helpers/http';
import type { ChangedEntry } from '../../src/content/content-changes';
import { readReleaseFiles, releaseChain, type ReleaseFiles } from '../../server/release-files.ts';
import type { CmsStack } from '../helpers/test-stack';

const OPERATIONS = 120;
const SEED = Number(process.env.FAST_PATH_SEED ?? 20261130);
const SITE_URL = 'https://www.deja-la.fr';
// Lower than the server's 20: merges happen often in 120 operations.
const MERGE_AFTER_LAYERS = 3;

/** A small deterministic generator (mulberry32): the same seed, the same sequence. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

/** Every file a release serves, name → content. */
function filesOf(release: ReleaseFiles): Map<string, Buffer> {
  return new Map([...release].map(([name, file]) => [name, fs.readFileSync(file)]));
}

/** The differences between two releases, readable: missing files, and the first lines that differ. */
function differences(expected: Map<string, Buffer>, actual: Map<string, Buffer>): string[] {
  const found: string[] = [];
  for (const name of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(name);
    const got = actual.get(name);
    if (!want) found.push(`${name}: only in the fast-path release`);
    else if (!got) found.push(`${name}: missing from the fast-path release`);
    else if (!want.equals(got)) {
      const wantLines = want.toString('utf8').split(/(?<=>)/);
      const gotLines = got.toString('utf8').split(/(?<=>)/);
      const at = wantLines.findIndex((line, index) => line !== gotLines[index]);
      found.push(
        `${name}: differs at fragment ${at}:\n  full render: ${wantLines[at]?.slice(0, 300)}\n  fast path:   ${gotLines[at]?.slice(0, 300)}`,
      );
    }
  }
  return found;
}

describe('fast path against a full render', () => {
  let cms: CmsStack;
  let admin: string;
  let stopCms: () => Promise<void>;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-fast-path-'));

  let stackPublisher: typeof import('../helpers/test-stack').stackPublisher;
  const logs: string[] = [];
  const publisher = (dataDir: string, onLive: (files: ReleaseFiles) => void) =>
    stackPublisher(cms, {
      dataDir,
      siteUrl: SITE_URL,
      onLive: (release) => onLive(release.files),
      log: (message) => logs.push(message),
      mergeAfterLayers: MERGE_AFTER_LAYERS,
    });

  beforeAll(async () => {
    const stack = await import('../helpers/test-stack');
    stackPublisher = stack.stackPublisher;
    const { removeCmsEnv } = await import('../../../cms/tests/helpers/cms-env');
    cms = await stack.startSeededCms({ synthetic: 50 });
    admin = await adminLogin(cms.url, cms.env.admin);
    stopCms = async () => {
      await cms.server.stop();
      removeCmsEnv(cms.env);
    };
  }, 300_000);
  afterAll(async () => {
    await stopCms?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const call = async (method: string, urlPath: string, token: string, body?: unknown) =>
    (await requestOk<{ data: any } | null>(cms.url, urlPath, { method, token, body }))?.data;
  const rest = (method: string, urlPath: string, data?: unknown) =>
    call(method, `/api/${urlPath}`, cms.fullToken, data === undefined ? undefined : { data });
  const published = async (endpoint: string, fields = 'fields[0]=slug') =>
    (await rest('GET', `${endpoint}?${fields}&pagination[pageSize]=200`)) as Array<{
      documentId: string;
      slug: string;
    }>;

  it(`leaves, after ${OPERATIONS} seeded operations, the same release as a full render`, async () => {
    const rng = random(SEED);
    let live: ReleaseFiles = new Map();
    const fast = publisher(path.join(dir, 'fast'), (files) => (live = files));
    await fast.build(['first full render']);
    const done: string[] = [];
    let created = 0;

    const unique = () => `op-${SEED}-${(created += 1)}`;
    const operations: Array<[string, () => Promise<ChangedEntry>]> = [
      [
        'create and publish an item',
        async () => {
          const themes = await published('themes');
          const slug = unique();
          const item = await rest('POST', 'media-items', {
            title: `Ressource ${slug}`,
            slug,
            type: rng.pick(['article', 'rapport', 'vidéo', 'podcast']),
            summary: `Résumé de ${slug}.`,
            year: 2000 + rng.int(26),
            themes: [rng.pick(themes).documentId],
          });
          return { collection: 'mediaItems', documentId: item.documentId };
        },
      ],
      [
        'edit a published item',
        async () => {
          const item = rng.pick(await published('media-items'));
          await rest('PUT', `media-items/${item.documentId}`, {
            summary: `Résumé revu ${rng.int(1e6)}.`,
            body: [
              { type: 'paragraph', children: [{ type: 'text', text: `Texte ${rng.int(1e6)}` }] },
            ],
          });
          return { collection: 'mediaItems', documentId: item.documentId };
        },
      ],
      [
        'unpublish an item',
        async () => {
          const item = rng.pick(await published('media-items'));
          await call(
            'POST',
            `/content-manager/collection-types/api::media-item.media-item/${item.documentId}/actions/unpublish`,
            admin,
            {},
          );
          return { collection: 'mediaItems', documentId: item.documentId };
        },
      ],
      [
        'delete an item',
        async () => {
          const item = rng.pick(await published('media-items'));
          await rest('DELETE', `media-items/${item.documentId}`);
          return { collection: 'mediaItems', documentId: item.documentId };
        },
      ],
      [
        'change an item’s slug',
        async () => {
          const item = rng.pick(await published('media-items'));
          await rest('PUT', `media-items/${item.documentId}`, { slug: unique() });
          return { collection: 'mediaItems', documentId: item.documentId };
        },
      ],
      [
        'change an offer’s title and slug',
        async () => {
          const offer = rng.pick(await published('offers'));
          const slug = unique();
          await rest('PUT', `offers/${offer.documentId}`, { title: `Offre ${slug}`, slug });
          return { collection: 'offers', documentId: offer.documentId };
        },
      ],
      [
        'rename a theme',
        async () => {
          const theme = rng.pick(await published('themes'));
          await rest('PUT', `themes/${theme.documentId}`, { name: `Thème ${unique()}` });
          return { collection: 'themes', documentId: theme.documentId };
        },
      ],
      [
        'relate an item to an offer',
        async () => {
          const item = rng.pick(await published('media-items'));
          const offer = rng.pick(await published('offers'));
          await rest('PUT', `media-items/${item.documentId}`, {
            offers: { connect: [offer.documentId] },
          });
          return { collection: 'mediaItems', documentId: item.documentId };
        },
      ],
      [
        'feature an item on the home page',
        async () => {
          const item = rng.pick(await published('media-items'));
          const home = await rest('PUT', 'home-page', {
            featuredMediaItems: { connect: [item.documentId] },
          });
          return { collection: 'homePage', documentId: home.documentId };
        },
      ],
      [
        'edit a training',
        async () => {
          const training = rng.pick(await published('trainings'));
          await rest('PUT', `trainings/${training.documentId}`, {
            summary: `Formation revue ${rng.int(1e6)}.`,
          });
          return { collection: 'trainings', documentId: training.documentId };
        },
      ],
    ];

    for (let step = 0; step < OPERATIONS; step += 2) {
      const pair: Array<[string, ChangedEntry]> = [];
      for (const n of [step, step + 1]) {
        const [name, operation] = rng.pick(operations);
        const changed = await operation();
        done.push(`${n}: ${name} (${changed.collection} ${changed.documentId})`);
        pair.push([name, changed]);
      }
      for (const [name, changed] of pair) {
        const result = await fast.update([changed], [name]);
        expect(result.path, `${name} (${changed.documentId}) went live by the fast path`).toBe(
          'fast',
        );
      }
    }

    let reference: ReleaseFiles = new Map();
    await publisher(path.join(dir, 'full'), (files) => (reference = files)).build(['reference']);
    const found = differences(filesOf(reference), filesOf(live));
    expect(
      found,
      `seed ${SEED}; operations:\n${done.join('\n')}\n\ndifferences:\n${found.join('\n')}`,
    ).toEqual([]);
    // What a restart serves: the live release read back from its folders, layer by layer.
    const liveDir = fs.realpathSync(path.join(dir, 'fast', 'current'));
    expect(differences(filesOf(reference), filesOf(readReleaseFiles(liveDir)))).toEqual([]);
    // Layers were merged along the way, some while the next release was made (laid over the
    // merge then): the live release spans few folders, not one per update.
    const merges = logs.filter((line) => line.includes('releases merged into'));
    expect(merges.filter((line) => line.includes('went live meanwhile')).length).toBeGreaterThan(0);
    expect(releaseChain(liveDir).length).toBeLessThanOrEqual(MERGE_AFTER_LAYERS + 2);
  }, 900_000);
});
