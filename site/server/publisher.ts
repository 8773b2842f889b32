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
import { imagesOfStore, type ImageIndex } from '../src/content/content-images.ts';
import type { ContentStore } from '../src/content/content-store.ts';
import { readAllContent } from '../src/content/read-content.ts';
import { SiteContent } from '../src/content/site-content.ts';
import { releaseFileOf, sitePaths } from '../src/content/site-paths.ts';
import { applyChanges, type ChangedEntry } from '../src/content/content-changes.ts';
import { CMS_CONTENT_TYPES } from '../src/content/collection-types.ts';
import { collectionKey } from '../src/content/site-content.ts';
import { valuePartChanged } from '../src/content/value-parts.ts';
import { CodeBuilds, type CodeBuild } from './code-build.ts';
import { renderSite } from './full-render.ts';
import { ImageCache } from './image-cache.ts';
import { unreadableImages } from './unreadable-images.ts';
import type { OnDemandHandler, Release } from './loaded-release.ts';
import { readPublishedState, storeVersions, versionKey } from './published-state.ts';
import { checkRelease } from './release-checks.ts';
import {
  linkFilesInBackground,
  relayLayer,
  releaseChain,
  readReleaseFiles,
  writeAddress,
  type ReleaseFiles,
} from './release-files.ts';
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
  /** Fast-path layers a release may span before they are merged (tests lower it). */
  mergeAfterLayers?: number;
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
  /** Published entries that went live without an image whose file cannot be read. */
  warnings: InvalidEntry[];
  path: RenderPath;
}

/** The content behind the live release, and what each of its addresses read. */
interface LiveContent {
  store: ContentStore;
  /** The code build that rendered it. */
  code: CodeBuild;
  releaseDir: string;
  /** Layers under the release, down to a complete one (0: it is complete). */
  depth: number;
  /** What the release serves. */
  files: ReleaseFiles;
  /** Every address of the site (those that answered 404 too) → what its page read. */
  reads: Map<string, string[]>;
  /** The addresses that have a file in the release. */
  addresses: Set<string>;
  /** Entries left at their last good version, by `type/documentId`. */
  exceptions: Map<string, InvalidEntry>;
}

const exceptionKey = (entry: { type: string; documentId: string }) =>
  `${entry.type}/${entry.documentId}`;

// Fast-path releases laid one over the other before they are merged into one (in the
// background): bounds the folders a release spans and what a restart reads.
const MERGE_AFTER_LAYERS = 20;

/** A merged copy of a live release's layers, waiting for a moment between two renders. */
interface MergedLayers {
  /** The live release it copies. */
  from: LiveContent;
  releaseDir: string;
  files: Map<string, string>;
  started: number;
}

/**
 * Renders the site from the CMS and puts it live only when everything holds: every page
 * rendered, every entry published before and after the render has its page, and no secret
 * is in it. Anything else leaves the live release untouched.
 */
export class Publisher {
  readonly #options: PublisherOptions;
  readonly #releases: ReleaseStore;
  readonly #code: CodeBuilds;
  readonly #images: ImageCache;
  readonly #recordFile: string;
  #live: LiveRecord | null;
  #content: LiveContent | null = null;
  /** A render is under way: a merge of layers finishing then waits for its end. */
  #rendering = false;
  #merging = false;
  #merged: MergedLayers | null = null;

  constructor(options: PublisherOptions) {
    this.#options = options;
    this.#releases = new ReleaseStore(options.dataDir, options.keepReleases);
    this.#code = new CodeBuilds({
      codeDir: path.join(options.dataDir, 'code'),
      inputs: options.codeInputs,
      buildEnv: options.buildEnv,
      log: options.log,
    });
    this.#images = new ImageCache(
      path.join(options.dataDir, 'images'),
      options.cms.url,
      options.log,
    );
    this.#recordFile = path.join(options.dataDir, 'live.json');
    this.#live = this.#readRecord();
  }

  /** The encoded images pages link to (`/_images/`): beside the releases, shared by them. */
  get imagesDir(): string {
    return this.#images.dir;
  }

  /** The content's images, encoded where the cache lacks them, for the store's next render. */
  async #prepareImages(store: ContentStore): Promise<ImageIndex> {
    return (await this.#images.prepare(imagesOfStore(store))).index;
  }

  /** The store's entries whose own image cannot be read, once its images are prepared. */
  #warnings(store: ContentStore): InvalidEntry[] {
    return store.images ? unreadableImages(store, store.images) : [];
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
    let files: ReleaseFiles;
    try {
      files = readReleaseFiles(dir);
    } catch (error) {
      // A release it is laid over is gone (removed by hand): the start-up render replaces it.
      this.#options.log(`site: cannot read the live release (${(error as Error).message})`);
      return null;
    }
    const { handler } = (await import(pathToFileURL(entry).href)) as {
      handler: OnDemandHandler;
    };
    return { files, onDemand: handler, store: null };
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
  build(reasons: string[]): Promise<Published> {
    return this.#render(() => this.#fullRender(reasons));
  }

  /**
   * The fast path: reads the entries a publication named (and those that embed them), renders
   * the addresses that read something that changed or that appear, removes those that
   * disappear, and puts the result live as a layer over the live release (which holds every
   * other file). Falls back to a full render when it cannot decide: nothing rendered yet in
   * this process, the code or the site settings changed.
   */
  update(changed: ChangedEntry[], reasons: string[]): Promise<Published> {
    return this.#render(() => this.#fastPath(changed, reasons));
  }

  async #render(render: () => Promise<Published>): Promise<Published> {
    this.#rendering = true;
    try {
      return await render();
    } finally {
      this.#rendering = false;
      this.#applyMerge();
      void this.#mergeLayers();
    }
  }

  async #fullRender(reasons: string[]): Promise<Published> {
    const { cms, log, siteUrl } = this.#options;
    log(`site: full render started (${reasons.join(', ')})`);
    const code = await this.#code.current();
    const contentReadAt = new Date().toISOString();
    const before = await readPublishedState(cms);
    const { store, exceptions } = await readAllContent(cms, this.#content?.store);
    for (const entry of exceptions)
      log(`${describeInvalidEntry(entry)}: its last good version stays (if it had one)`);
    store.images = await this.#prepareImages(store);

    const releaseDir = this.#releases.create();
    let rendered: Awaited<ReturnType<typeof renderSite>>;
    try {
      rendered = await renderSite(code, store, siteUrl, releaseDir, log);
    } catch (error) {
      this.#releases.discard(releaseDir);
      throw error;
    }

    const after = await readPublishedState(cms);
    // Entries (un)published during the render are left to the follow-up render they
    // triggered; an exception's page is its last good one, possibly at another address.
    const stillPublished = new Set(after.pages.map((page) => page.path));
    const excepted = new Set(exceptions.map((entry) => entry.documentId));
    const expected = before.pages
      .filter((page) => stillPublished.has(page.path) && !excepted.has(page.documentId))
      .map((page) => page.path);
    this.#check(releaseDir, rendered.files, expected);
    this.#goLive(
      {
        store,
        code,
        releaseDir,
        depth: 0,
        files: rendered.files,
        reads: rendered.reads,
        addresses: rendered.addresses,
        exceptions: new Map(exceptions.map((entry) => [exceptionKey(entry), entry])),
      },
      { releaseDir, codeDir: code.dir, contentReadAt, wentLiveAt: new Date().toISOString() },
    );
    log(
      `site: ${path.basename(releaseDir)} is live (${expected.length} entry pages checked` +
        (exceptions.length > 0
          ? `, ${exceptions.length} entries left at their last good version`
          : '') +
        ')',
    );
    return { exceptions, warnings: this.#warnings(store), path: 'full' };
  }

  async #fastPath(changed: ChangedEntry[], reasons: string[]): Promise<Published> {
    const { cms, log, siteUrl } = this.#options;
    const live = this.#content;
    const code = await this.#code.current();
    if (!live || live.code.digest !== code.digest || !this.#live)
      return this.#fullRender([...reasons, 'full render needed']);
    const started = performance.now();
    const contentReadAt = new Date().toISOString();
    const applied = await applyChanges(cms, live.store, changed);
    // Every page shows the site settings: a full render is as cheap, and simpler to trust.
    if (applied.touched.has(collectionKey('global')))
      return this.#fullRender([...reasons, 'site settings changed']);
    if (applied.touched.size === 0 && applied.invalid.length === 0) {
      log('site: nothing the site shows changed (fast path)');
      return {
        exceptions: [...live.exceptions.values()],
        warnings: this.#warnings(live.store),
        path: 'fast',
      };
    }
    applied.store.images = await this.#prepareImages(applied.store);
    const exceptions = new Map(live.exceptions);
    for (const { collection, documentId } of applied.settled)
      exceptions.delete(exceptionKey({ type: CMS_CONTENT_TYPES[collection].name, documentId }));
    for (const entry of applied.invalid) {
      exceptions.set(exceptionKey(entry), entry);
      log(`${describeInvalidEntry(entry)}: its last good version stays (if it had one)`);
    }

    const read = performance.now();
    const addresses = sitePaths(new SiteContent(applied.store)).map((each) => each.path);
    const current = new Set(addresses);
    // Many pages read the same keys (every item page: the site settings, the médiathèque's
    // list): each is judged once.
    const judged = new Map<string, boolean>();
    const changedKey = (key: string) => {
      let changed = judged.get(key);
      if (changed === undefined) {
        changed = applied.touched.has(key) || valuePartChanged(key, applied.store);
        judged.set(key, changed);
      }
      return changed;
    };
    const toRender = addresses.filter((address) => {
      const before = live.reads.get(address);
      return !before || before.some(changedKey);
    });
    const render = createRenderer(code.onDemand, siteUrl);
    const reads = new Map(live.reads);
    for (const address of reads.keys()) if (!current.has(address)) reads.delete(address);
    const bodies = new Map<string, Buffer>();
    for (const address of toRender) {
      const rendered = await render(address, applied.store);
      reads.set(address, rendered.reads);
      if (rendered.body) bodies.set(address, rendered.body);
    }
    const rendered = performance.now();
    const addressesWithFile = new Set(live.addresses);
    const removed = [
      ...[...live.addresses].filter((address) => !current.has(address)),
      ...toRender.filter((address) => live.addresses.has(address) && !bodies.has(address)),
    ];
    removed.forEach((address) => addressesWithFile.delete(address));
    // Unchanged output is no change: the new release keeps the live one's file.
    for (const [address, body] of bodies) {
      const file = live.files.get(releaseFileOf(address));
      if (file && fs.readFileSync(file).equals(body)) bodies.delete(address);
      else addressesWithFile.add(address);
    }

    // A layer over the live release: the files that changed, and the list of those removed.
    const removedFiles = removed.map(releaseFileOf);
    const releaseDir = this.#releases.create({
      base: live.releaseDir,
      removed: removedFiles,
    });
    const files = new Map(live.files);
    for (const name of removedFiles) files.delete(name);
    for (const [address, body] of bodies)
      files.set(releaseFileOf(address), writeAddress(releaseDir, address, body));
    // Every entry read again and still published has its page.
    const expected = applied.settled.flatMap(({ collection, documentId }) => {
      const pagePath = (CMS_CONTENT_TYPES[collection] as PublicType).path;
      const slug = (applied.store.get(collection, documentId)?.data as { slug?: string })?.slug;
      return pagePath && slug !== undefined ? [pagePath(slug)] : [];
    });
    this.#check(releaseDir, files, expected, [...bodies.keys()].map(releaseFileOf));
    this.#goLive(
      {
        store: applied.store,
        code,
        releaseDir,
        depth: live.depth + 1,
        files,
        reads,
        addresses: addressesWithFile,
        exceptions,
      },
      { ...this.#live, releaseDir, contentReadAt, wentLiveAt: new Date().toISOString() },
    );
    const ms = (from: number, to = performance.now()) => Math.round(to - from);
    log(
      `site: ${path.basename(releaseDir)} is live by the fast path (${toRender.length} addresses ` +
        `rendered, ${bodies.size} files changed, ${removed.length} removed; ` +
        `${ms(started)} ms: reading ${ms(started, read)}, rendering ${ms(read, rendered)}, ` +
        `switching ${ms(rendered)})`,
    );
    return {
      exceptions: [...exceptions.values()],
      warnings: this.#warnings(applied.store),
      path: 'fast',
    };
  }

  /**
   * Merges the live release's layers into one complete release (the same files), in the
   * background; put in place between two renders, since publications may keep coming faster
   * than a merge at 10,000 pages.
   */
  async #mergeLayers(): Promise<void> {
    const live = this.#content;
    const mergeAfter = this.#options.mergeAfterLayers ?? MERGE_AFTER_LAYERS;
    if (!live || live.depth < mergeAfter || this.#merging) return;
    this.#merging = true;
    const started = performance.now();
    const releaseDir = this.#releases.create();
    try {
      const files = await linkFilesInBackground(live.files, releaseDir);
      this.#merged = { from: live, releaseDir, files, started };
      if (!this.#rendering) this.#applyMerge();
    } catch (error) {
      this.#releases.discard(releaseDir);
      this.#merging = false;
      this.#options.log(`site: merging releases failed: ${(error as Error).message}`);
    }
  }

  /**
   * Puts a finished merge in place: it becomes the live release when that is still the one it
   * copies; else the layers that went live meanwhile are laid over it instead of the folders it
   * copies (which the next switch removes). Dropped when a full render replaced them.
   */
  #applyMerge(): void {
    const merged = this.#merged;
    const live = this.#content;
    if (!merged || !live) return;
    this.#merged = null;
    this.#merging = false;
    const { from, releaseDir } = merged;
    const chain = releaseChain(live.releaseDir);
    const at = chain.indexOf(from.releaseDir);
    if (at < 0) {
      this.#releases.discard(releaseDir);
      return;
    }
    try {
      if (at === 0) {
        // The same site: when it went live and from which content stay as they were.
        this.#goLive(
          { ...live, releaseDir, depth: 0, files: merged.files },
          { ...this.#live!, releaseDir },
        );
      } else {
        relayLayer(chain[at - 1]!, releaseDir);
      }
    } catch (error) {
      this.#releases.discard(releaseDir);
      this.#options.log(`site: merging releases failed: ${(error as Error).message}`);
      return;
    }
    if (at > 0) {
      // Laid under the live release now: the copy is served in place of the folders it copies.
      this.#releases.settle(releaseDir);
      const copied = new Set(chain.slice(at));
      const files = new Map<string, string>();
      for (const [name, file] of live.files) {
        const folder = file.slice(0, -name.length - 1);
        files.set(name, copied.has(folder) ? path.join(releaseDir, name) : file);
      }
      this.#goLive({ ...live, depth: live.depth - from.depth, files }, this.#live!);
    }
    this.#options.log(
      `site: ${from.depth + 1} releases merged into ${path.basename(releaseDir)} ` +
        `(${Math.round(performance.now() - merged.started)} ms, in the background)` +
        (at > 0 ? `; the ${at} that went live meanwhile are laid over it` : ''),
    );
  }

  /** Runs the release checks: a release that fails them is removed, and the live one stays. */
  #check(
    releaseDir: string,
    files: ReleaseFiles,
    expectedPaths: string[],
    newFiles?: string[],
  ): void {
    const problems = checkRelease(files, expectedPaths, this.#options.secrets, newFiles);
    if (problems.length === 0) return;
    this.#releases.discard(releaseDir);
    throw new Error(`release checks failed: ${problems.join('; ')}`);
  }

  /** Switches to the release of `content`, hands it to the server, and records it for restarts. */
  #goLive(content: LiveContent, record: LiveRecord): void {
    this.#releases.activate(content.releaseDir);
    this.#content = content;
    this.#options.onLive({
      files: content.files,
      onDemand: content.code.onDemand,
      store: content.store,
    });
    this.#live = record;
    fs.writeFileSync(this.#recordFile, `${JSON.stringify(record, null, 2)}\n`);
  }

  #readRecord(): LiveRecord | null {
    try {
      return JSON.parse(fs.readFileSync(this.#recordFile, 'utf8')) as LiveRecord;
    } catch {
      return null;
    }
  }
}
