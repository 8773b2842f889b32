import fs from 'node:fs';
import path from 'node:path';

/**
 * Release folders of the site server: each render becomes `releases/<id>/`, and
 * the symlink `current` names the live one. Switching is one atomic rename of a symlink, so a
 * visitor gets either the old site or the new one, never a mix; the last few are kept.
 */
export class ReleaseStore {
  readonly releasesDir: string;
  readonly #current: string;
  readonly #keep: number;
  #created = 0;

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

  /** A new, empty release folder. */
  create(): string {
    const id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${(this.#created += 1)}`;
    const target = path.join(this.releasesDir, id);
    fs.mkdirSync(target);
    return target;
  }

  /** Makes a release live, then removes the oldest ones beyond `keep` (never the live one). */
  activate(releaseDir: string): void {
    const temporary = `${this.#current}.${process.pid}.tmp`;
    fs.rmSync(temporary, { force: true });
    fs.symlinkSync(path.relative(path.dirname(this.#current), releaseDir), temporary);
    fs.renameSync(temporary, this.#current);
    const releases = fs.readdirSync(this.releasesDir).sort();
    const old = releases
      .slice(0, Math.max(0, releases.length - this.#keep))
      .map((name) => path.join(this.releasesDir, name))
      .filter((folder) => folder !== releaseDir);
    // In the background: the new release is live already, and removing one of 10,000 pages
    // takes about a second. A removal cut short is finished by the next switch.
    void Promise.all(
      old.map((folder) => fs.promises.rm(folder, { recursive: true, force: true })),
    ).catch(() => {});
  }

  /** Removes a release that did not pass its checks. */
  discard(releaseDir: string): void {
    if (releaseDir !== this.currentDir()) fs.rmSync(releaseDir, { recursive: true, force: true });
  }
}
