import fs from 'node:fs';
import path from 'node:path';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import type { InvalidEntry } from '@dejala/search/site-status';
import {
  BUILD_EXCEPTIONS_FILE,
  readBuildExceptions,
} from '../src/loaders/build-exceptions-file.ts';
import { runAstroBuild } from './astro-build.ts';
import { readPublishedState } from './published-state.ts';
import { checkRelease } from './release-checks.ts';
import { loadRelease, type Release } from './loaded-release.ts';
import { ReleaseStore } from './release-store.ts';

export interface PublisherOptions {
  /** Holds `build/` (Astro's output, fixed for its cache), `cache/`, `releases/`, `current`. */
  dataDir: string;
  cms: CmsConnection;
  /** Environment of `astro build` (SITE_URL, CMS_PUBLIC_URL…); the CMS address and token are added. */
  buildEnv: Record<string, string>;
  /** Values that must never appear in a build. */
  secrets: string[];
  /** Called with each release that goes live. */
  onLive: (release: Release) => void;
  log: (message: string) => void;
  keepReleases?: number;
}

/** What is live, remembered across restarts of the site server. */
interface LiveRecord {
  releaseDir: string;
  /** The CMS content the live build was made from (see PublishedState). */
  fingerprint: string;
  /** When that content was read: publications after this are not in the live build. */
  contentReadAt: string;
  wentLiveAt: string;
}

/** A release that went live. */
export interface Published {
  /** Published entries it could not render: each kept its last good page, if it had one. */
  exceptions: InvalidEntry[];
}

/**
 * Builds the site from the CMS and puts it live only when everything holds: the build
 * succeeded, every entry published before and after it has its page, and no secret is in
 * it. Anything else leaves the live release untouched.
 */
export class Publisher {
  readonly #options: PublisherOptions;
  readonly #store: ReleaseStore;
  readonly #recordFile: string;
  #live: LiveRecord | null;
  #loaded: Release | null = null;

  constructor(options: PublisherOptions) {
    this.#options = options;
    this.#store = new ReleaseStore(options.dataDir, options.keepReleases);
    this.#recordFile = path.join(options.dataDir, 'live.json');
    this.#live = this.#readRecord();
  }

  /** When the live release went live (ISO date), or null before the first build. */
  get wentLiveAt(): string | null {
    return this.#live?.wentLiveAt ?? null;
  }

  /** When the live build read the CMS, or null before the first build. */
  get liveContentReadAt(): string | null {
    // Records written before contentReadAt existed: the time the build went live is close.
    return this.#live?.contentReadAt ?? this.#live?.wentLiveAt ?? null;
  }

  /** The live release, loaded, or null when there is none yet. */
  async loadLive(): Promise<Release | null> {
    const dir = this.#store.currentDir();
    this.#loaded = dir ? await loadRelease(dir) : null;
    return this.#loaded;
  }

  /** True when the CMS publishes something the live build does not show (or nothing is live). */
  async isOutdated(): Promise<boolean> {
    if (!this.#live || !this.#store.currentDir()) return true;
    return (await readPublishedState(this.#options.cms)).fingerprint !== this.#live.fingerprint;
  }

  async build(reasons: string[]): Promise<Published> {
    const { dataDir, cms, log } = this.#options;
    const buildDir = path.join(dataDir, 'build');
    log(`site: build started (${reasons.join(', ')})`);
    const contentReadAt = new Date().toISOString();
    const before = await readPublishedState(cms);
    fs.rmSync(buildDir, { recursive: true, force: true });
    // The build lists, as data, the entries it could not render.
    const exceptionsFile = path.join(dataDir, 'build-exceptions.jsonl');
    fs.rmSync(exceptionsFile, { force: true });
    await runAstroBuild({
      ...this.#options.buildEnv,
      CMS_URL: cms.url,
      SITE_API_TOKEN: cms.token,
      SITE_OUT_DIR: buildDir,
      SITE_CACHE_DIR: path.join(dataDir, 'cache'),
      [BUILD_EXCEPTIONS_FILE]: exceptionsFile,
    });
    const exceptions = readBuildExceptions(exceptionsFile);
    const after = await readPublishedState(cms);
    const releaseDir = this.#store.adopt(buildDir);
    // Entries (un)published during the build are left to the follow-up build they triggered;
    // an exception's page is its last good one, possibly at another address, or none.
    const stillPublished = new Set(after.pages.map((page) => page.path));
    const excepted = new Set(exceptions.map((entry) => entry.documentId));
    const expected = before.pages
      .filter((page) => stillPublished.has(page.path) && !excepted.has(page.documentId))
      .map((page) => page.path);
    const problems = checkRelease(releaseDir, expected, this.#options.secrets);
    if (problems.length > 0) {
      this.#store.discard(releaseDir);
      throw new Error(`release checks failed: ${problems.join('; ')}`);
    }
    const release = await loadRelease(releaseDir, this.#loaded);
    this.#loaded = release;
    this.#store.activate(releaseDir);
    this.#options.onLive(release);
    // If content changed during the build, remember the older state: reconciliation rebuilds.
    this.#live = {
      releaseDir,
      fingerprint: before.fingerprint,
      contentReadAt,
      wentLiveAt: new Date().toISOString(),
    };
    fs.writeFileSync(this.#recordFile, `${JSON.stringify(this.#live, null, 2)}\n`);
    log(
      `site: ${path.basename(releaseDir)} is live (${expected.length} entry pages checked` +
        (exceptions.length > 0
          ? `, ${exceptions.length} entries left at their last good version`
          : '') +
        ')',
    );
    return { exceptions };
  }

  #readRecord(): LiveRecord | null {
    try {
      return JSON.parse(fs.readFileSync(this.#recordFile, 'utf8')) as LiveRecord;
    } catch {
      return null;
    }
  }
}
