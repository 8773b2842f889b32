import fs from 'node:fs';
import path from 'node:path';
import type { CmsConnection } from '../src/loaders/cms-config.ts';
import { AstroBuildError, runAstroBuild } from './astro-build.ts';
import { readPublishedState } from './published-state.ts';
import { checkRelease } from './release-checks.ts';
import { loadRelease, type Release } from './release.ts';
import { ReleaseStore } from './releases.ts';

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

/** The line of Astro's output that says why a build stopped, for the status and the log. */
function buildFailure(error: unknown): string {
  if (!(error instanceof AstroBuildError)) return (error as Error).message;
  const lines = error.output.split('\n').map((line) => line.trim());
  const reason =
    lines.find((line) => /CMS entry \S+ \S+: field/.test(line)) ??
    lines.find((line) => /CMS (unreachable|answered)/.test(line)) ??
    lines.find((line) => /error/i.test(line));
  return reason ? `astro build failed: ${reason.replace(/^.*?(CMS )/, '$1')}` : error.message;
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

  async build(reasons: string[]): Promise<void> {
    const { dataDir, cms, log } = this.#options;
    const buildDir = path.join(dataDir, 'build');
    log(`site: build started (${reasons.join(', ')})`);
    const contentReadAt = new Date().toISOString();
    const before = await readPublishedState(cms);
    fs.rmSync(buildDir, { recursive: true, force: true });
    try {
      await runAstroBuild({
        ...this.#options.buildEnv,
        CMS_URL: cms.url,
        SITE_API_TOKEN: cms.token,
        SITE_OUT_DIR: buildDir,
        SITE_CACHE_DIR: path.join(dataDir, 'cache'),
      });
    } catch (error) {
      throw new Error(buildFailure(error), { cause: error });
    }
    const after = await readPublishedState(cms);
    const releaseDir = this.#store.adopt(buildDir);
    // Entries (un)published during the build are left to the follow-up build they triggered.
    const stillPublished = new Set(after.paths);
    const expected = before.paths.filter((urlPath) => stillPublished.has(urlPath));
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
    log(`site: ${path.basename(releaseDir)} is live (${expected.length} entry pages checked)`);
  }

  #readRecord(): LiveRecord | null {
    try {
      return JSON.parse(fs.readFileSync(this.#recordFile, 'utf8')) as LiveRecord;
    } catch {
      return null;
    }
  }
}
