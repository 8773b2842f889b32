import fs from 'node:fs';
import path from 'node:path';
import { releaseFileOf } from '../src/content/site-paths.ts';

/**
 * Hard-links every file of `from` into `to` (same file system): a new release shares the
 * files it does not change with the one it starts from, at the cost of a directory entry.
 * `skip` lists files (relative paths) to leave out.
 */
export function linkTree(from: string, to: string, skip: ReadonlySet<string> = new Set()): void {
  const made = new Set<string>();
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    const source = path.join(entry.parentPath, entry.name);
    const relative = path.relative(from, source);
    if (skip.has(relative)) continue;
    const target = path.join(to, relative);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.linkSync(source, target);
  }
  fs.mkdirSync(to, { recursive: true });
}

/** Writes the file of an address into a release folder. */
export function writeAddress(releaseDir: string, address: string, body: Buffer): void {
  const file = path.join(releaseDir, releaseFileOf(address));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
}
