import fs from 'node:fs';
import path from 'node:path';
import { releaseChain, writeLayer, type Layer } from './release-files.ts';

/**
 * Release folders of the site server: each render becomes `releases/<id>/` — complete, or a
 * layer over the live one (the fast path) — and the symlink `current` names the live one.
 * Switching is one atomic rename of a symlink, so a visitor gets either the old site or the
 * new one, never a mix. The last few are kept, with every release they are laid over.
 */
export class ReleaseStore {
  readonly releasesDir: string;
  readonly #current: string;
  readonly #keep: number;
  #created = 0;
  /** Created by this process, neither live yet nor discarded: never pruned. */
  readonly #pending = new Set<string>();

  constructor(dataDir: string, keep = 3) {
    this.releasesDir = path.join(dataDir, 'releases');
    this.#current = path.join(dataDir, 'current');
    this.#keep = keep;
    fs.mkdirSync(this.releasesDir, { recursive: true });
  }

  /** The live release's folder, or null before the first successful build. */
  currentDir(): string | null {
    try {
      return fs.realpathSync(this.#current);
    } catch {
      return null;
    }
  }

  /** A new release folder: empty, or a layer over `layer.base` (which it keeps from pruning). */
  create(layer?: Layer): string {
    const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${(this.#created += 1)}`;
    const target = path.join(this.releasesDir, id);
    fs.mkdirSync(target);
    if (layer) writeLayer(target, layer);
    this.#pending.add(target);
    return target;
  }

  /**
   * Makes a release live, then removes the oldest ones beyond `keep` — never the live one, one
   * being made, or one another kept release is laid over.
   */
  activate(releaseDir: string): void {
    const temporary = `${this.#current}.${process.pid}.tmp`;
    fs.rmSync(temporary, { force: true });
    fs.symlinkSync(path.relative(path.dirname(this.#current), releaseDir), temporary);
    fs.renameSync(temporary, this.#current);
    this.#pending.delete(releaseDir);
    const releases = fs
      .readdirSync(this.releasesDir)
      .sort()
      .map((name) => path.join(this.releasesDir, name));
    const kept = new Set<string>();
    for (const folder of [releaseDir, ...this.#pending, ...releases.slice(-this.#keep)])
      for (const each of fs.existsSync(folder) ? releaseChain(folder) : []) kept.add(each);
    const old = releases.filter((folder) => !kept.has(folder));
    // In the background: the new release is live already, and removing one of 10,000 pages
    // takes about two seconds. A removal cut short is finished by the next switch.
    void Promise.all(
      old.map((folder) => fs.promises.rm(folder, { recursive: true, force: true })),
    ).catch(() => {});
  }

  /** A release now laid under the live one (a merge of its layers): pruned as any other. */
  settle(releaseDir: string): void {
    this.#pending.delete(releaseDir);
  }

  /** Removes a release that did not pass its checks. */
  discard(releaseDir: string): void {
    this.#pending.delete(releaseDir);
    if (releaseDir !== this.currentDir()) fs.rmSync(releaseDir, { recursive: true, force: true });
  }
}
