import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { publicTypeNamed, type PublicType } from '@dejala/search/content-registry';
import {
  describeInvalidEntry,
  type InvalidEntry,
  type RenderPath,
} from '@dejala/search/site-status';
import type { ContentStore } from '../src/content/content-store.ts';
import { readAllContent } from '../src/content/read-content.ts';
import { SiteContent } from '../src/content/site-content.ts';
import { releaseFileOf, sitePaths } from '../src/content/site-paths.ts';
import { applyChanges, type ChangedEntry } from '../src/content/content-changes.ts';
import { CMS_CONTENT_TYPES } from '../src/content/collection-types.ts';
import { collectionKey } from '../src/content/site-content.ts';
import { valuePartChanged } from '../src/content/value-parts.ts';
import { CodeBuilds } from './code-build.ts';
import type { OnDemandHandler, Release } from './loaded-release.ts';
import { readPublishedState, storeVersions, versionKey } from './published-state.ts';
import { checkRelease } from './release-checks.ts';
import { linkTree, writeAddress } from './release-files.ts';
import { ReleaseStore } from './release-store.ts';
import { createRenderer } from './renderer.ts';

export interface PublisherOptions {
  /** Holds `code/` (builds of the site's code), `releases/`, `current` and `live.json`. */
  dataDir: string;
  cms: CmsConnection;
  /** The site's public address (canonical links, sitemap). */
  siteUrl: string;
  /** Environment of `astro build` (SITE_URL). */
  buildEnv: Record<string, string>;
  /** The files the code build is made of: a change to one of them builds the code again. */
  codeInputs: string[];
  /** Values that must never appear in a release. */
  secrets: string[];
  /** Called with each release that goes live. */
  onLive: (release: Release) => void;
  log: (message: string) => void;
  keepReleases?: number;
}

/** What is live, remembered across restarts of the site server. */
interface LiveRecord {
  releaseDir: string;
  /** The code build it was rendered with (its routes answer the on-demand pages). */
  codeDir?: string;
  /** When that content was read: publications after this are not in the live release. */
  contentReadAt: string;
  wentLiveAt: string;
}

/** A release that went live. */
export interface Published {
  /** Published entries it could not render: each kept its last good page, if it had one. */
  exceptions: InvalidEntry[];
  path: RenderPath;
}

/** The content behind the live release, and what each of its addresses read. */
interface LiveContent {
  store: ContentStore;
  /** The code build that rendered it. */
  codeDigest: string;
  releaseDir: string;
  /** Every address of the site (those that answered 404 too) → what its page read. */
  reads: Map<string, string[]>;
  /** The addresses that have a file in the release. */
  files: Set<string>;
  /** Entries left at their last good version, by `type/documentId`. */
  exceptions: Map<string, InvalidEntry>;
}

const exceptionKey = (entry: { type: string; documentId: string }) =>
  `${entry.type}/${entry.documentId}`;

// A progress line every so many pages of a full render.
const PROGRESS_EVERY = 1000;

/**
 * Renders the site from the CMS and puts it live only when everything holds: every page
 * rendered, every entry published before and after the render has its page, and no secret
 * is in it. Anything else leaves the live release untouched.
 */
export class Publisher {
  readonly #options: PublisherOptions;
  readonly #releases: ReleaseStore;
  readonly #code: CodeBuilds;
  readonly #recordFile: string;
  #live: LiveRecord | null;
  #content: LiveContent | null = null;

  constructor(options: PublisherOptions) {
    this.#options = options;
    this.#releases = new ReleaseStore(options.dataDir, options.keepReleases);
    this.#code = new CodeBuilds({
      codeDir: path.join(options.dataDir, 'code'),
      inputs: options.codeInputs,
      buildEnv: options.buildEnv,
      log: options.log,
    });
    this.#recordFile = path.join(options.dataDir, 'live.json');
    this.#live = this.#readRecord();
  }

  /** When the live release went live (ISO date), or null before the first render. */
  get wentLiveAt(): string | null {
    return this.#live?.wentLiveAt ?? null;
  }

  /** When the live release's content was read from the CMS, or null before the first render. */
  get liveContentReadAt(): string | null {
    return this.#live?.contentReadAt ?? this.#live?.wentLiveAt ?? null;
  }

  /**
   * The release an earlier run left live, to serve until this run has rendered its own; null
   * when there is none, or when its code build is gone.
   */
  async loadLive(): Promise<Release | null> {
    const dir = this.#releases.currentDir();
    const entry = this.#live?.codeDir && path.join(this.#live.codeDir, 'server', 'entry.mjs');
    if (!dir || !entry || !fs.existsSync(entry)) return null;
    const { handler } = (await import(pathToFileURL(entry).href)) as {
      handler: OnDemandHandler;
    };
    return { clientDir: dir, onDemand: handler, store: null };
  }

  /**
   * True when the CMS publishes something the live release does not show (or nothing is live
   * in this process): a missed webhook. Entries left at their last good version are compared
   * by their presence only.
   */
  async isOutdated(): Promise<boolean> {
    const live = this.#content;
    if (!this.#live || !live || !this.#releases.currentDir()) return true;
    const published = (await readPublishedState(this.#options.cms)).versions;
    const shown = storeVersions(live.store);
    for (const entry of live.exceptions.values()) {
      const type = publicTypeNamed(entry.type);
      const key = type && versionKey(type, entry.documentId);
      if (key && published.has(key)) shown.set(key, published.get(key)!);
    }
    if (published.size !== shown.size) return true;
    for (const [key, version] of published) if (shown.get(key) !== version) return true;
    return false;
  }

  /** A full render: every page of the site from every published entry. */
  async build(reasons: string[]): Promise<Published> {
    const { cms, log, siteUrl } = this.#options;
    log(`site: full render started (${reasons.join(', ')})`);
    const code = await this.#code.current();
    const contentReadAt = new Date().toISOString();
    const before = await readPublishedState(cms);
    const { store, exceptions } = await readAllContent(cms, this.#content?.store);
    for (const entry of exceptions)
      log(`${describeInvalidEntry(entry)}: its last good version stays (if it had one)`);

    const releaseDir = this.#releases.create();
    linkTree(code.clientDir, releaseDir);
    const render = createRenderer(code.onDemand, siteUrl);
    const reads = new Map<string, string[]>();
    const files = new Set<string>();
    const paths = sitePaths(new SiteContent(store));
    const started = performance.now();
    try {
      for (const [index, { path: address }] of paths.entries()) {
        const rendered = await render(address, store);
        reads.set(address, rendered.reads);
        if (rendered.body) {
          writeAddress(releaseDir, address, rendered.body);
          files.add(address);
        }
        if ((index + 1) % PROGRESS_EVERY === 0)
          log(`site: rendered ${index + 1}/${paths.length} addresses`);
      }
    } catch (error) {
      this.#releases.discard(releaseDir);
      throw error;
    }
    log(`site: ${files.size} files rendered in ${Math.round(performance.now() - started)} ms`);

    const after = await readPublishedState(cms);
    // Entries (un)published during the render are left to the follow-up render they
    // triggered; an exception's page is its last good one, possibly at another address.
    const stillPublished = new Set(after.pages.map((page) => page.path));
    const excepted = new Set(exceptions.map((entry) => entry.documentId));
    const expected = before.pages
      .filter((page) => stillPublished.has(page.path) && !excepted.has(page.documentId))
      .map((page) => page.path);
    const problems = checkRelease(releaseDir, expected, this.#options.secrets);
    if (problems.length > 0) {
      this.#releases.discard(releaseDir);
      throw new Error(`release checks failed: ${problems.join('; ')}`);
    }
    this.#releases.activate(releaseDir);
    this.#content = {
      store,
      codeDigest: code.digest,
      releaseDir,
      reads,
      files,
      exceptions: new Map(exceptions.map((entry) => [exceptionKey(entry), entry])),
    };
    this.#options.onLive({ clientDir: releaseDir, onDemand: code.onDemand, store });
    this.#live = {
      releaseDir,
      codeDir: code.dir,
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
    return { exceptions, path: 'full' };
  }

  /**
   * The fast path: reads the entries a publication named (and those that embed them), renders
   * the addresses that read something that changed or that appear, removes those that
   * disappear, and puts the result live as a new release sharing every other file with the
   * live one. Falls back to a full render when it cannot decide: nothing rendered yet in this
   * process, the code or the site settings changed.
   */
  async update(changed: ChangedEntry[], reasons: string[]): Promise<Published> {
    const { cms, log, siteUrl } = this.#options;
    const live = this.#content;
    const code = await this.#code.current();
    if (!live || live.codeDigest !== code.digest || !this.#live)
      return this.build([...reasons, 'full render needed']);
    const started = performance.now();
    const contentReadAt = new Date().toISOString();
    const applied = await applyChanges(cms, live.store, changed);
    // Every page shows the site settings: a full render is as cheap, and simpler to trust.
    if (applied.touched.has(collectionKey('global')))
      return this.build([...reasons, 'site settings changed']);
    if (applied.touched.size === 0 && applied.invalid.length === 0) {
      log('site: nothing the site shows changed (fast path)');
      return { exceptions: [...live.exceptions.values()], path: 'fast' };
    }
    const exceptions = new Map(live.exceptions);
    for (const { collection, documentId } of applied.settled)
      exceptions.delete(exceptionKey({ type: CMS_CONTENT_TYPES[collection].name, documentId }));
    for (const entry of applied.invalid) {
      exceptions.set(exceptionKey(entry), entry);
      log(`${describeInvalidEntry(entry)}: its last good version stays (if it had one)`);
    }

    const addresses = sitePaths(new SiteContent(applied.store)).map((each) => each.path);
    const current = new Set(addresses);
    const toRender = addresses.filter((address) => {
      const read = live.reads.get(address);
      return (
        !read ||
        read.some((key) => applied.touched.has(key) || valuePartChanged(key, applied.store))
      );
    });
    const gone = [...live.files].filter((address) => !current.has(address));
    const render = createRenderer(code.onDemand, siteUrl);
    const reads = new Map(live.reads);
    for (const address of reads.keys()) if (!current.has(address)) reads.delete(address);
    const files = new Set(live.files);
    const bodies = new Map<string, Buffer>();
    for (const address of toRender) {
      const rendered = await render(address, applied.store);
      reads.set(address, rendered.reads);
      if (rendered.body) bodies.set(address, rendered.body);
    }
    const removed = [
      ...gone,
      ...toRender.filter((address) => files.has(address) && !bodies.has(address)),
    ];
    removed.forEach((address) => files.delete(address));
    // Unchanged output is no change: the new release shares that file with the live one.
    for (const [address, body] of bodies) {
      const file = path.join(live.releaseDir, releaseFileOf(address));
      if (files.has(address) && fs.readFileSync(file).equals(body)) bodies.delete(address);
      else files.add(address);
    }

    const releaseDir = this.#releases.create();
    const replaced = new Set([...bodies.keys(), ...removed].map(releaseFileOf));
    linkTree(live.releaseDir, releaseDir, replaced);
    for (const [address, body] of bodies) writeAddress(releaseDir, address, body);
    // Every entry read again and still published has its page.
    const expected = applied.settled.flatMap(({ collection, documentId }) => {
      const pagePath = (CMS_CONTENT_TYPES[collection] as PublicType).path;
      const slug = (applied.store.get(collection, documentId)?.data as { slug?: string })?.slug;
      return pagePath && slug !== undefined ? [pagePath(slug)] : [];
    });
    const problems = checkRelease(
      releaseDir,
      expected,
      this.#options.secrets,
      [...bodies.keys()].map(releaseFileOf),
    );
    if (problems.length > 0) {
      this.#releases.discard(releaseDir);
      throw new Error(`release checks failed: ${problems.join('; ')}`);
    }
    this.#releases.activate(releaseDir);
    this.#content = {
      store: applied.store,
      codeDigest: code.digest,
      releaseDir,
      reads,
      files,
      exceptions,
    };
    this.#options.onLive({ clientDir: releaseDir, onDemand: code.onDemand, store: applied.store });
    this.#live = { ...this.#live, releaseDir, contentReadAt, wentLiveAt: new Date().toISOString() };
    fs.writeFileSync(this.#recordFile, `${JSON.stringify(this.#live, null, 2)}\n`);
    log(
      `site: ${path.basename(releaseDir)} is live by the fast path (${toRender.length} addresses ` +
        `rendered, ${bodies.size} files changed, ${removed.length} removed, ` +
        `${Math.round(performance.now() - started)} ms)`,
    );
    return { exceptions: [...exceptions.values()], path: 'fast' };
  }

  #readRecord(): LiveRecord | null {
    try {
      return JSON.parse(fs.readFileSync(this.#recordFile, 'utf8')) as LiveRecord;
    } catch {
      return null;
    }
  }
}
