import fs from 'node:fs';
import path from 'node:path';
import { releaseFileOf } from '../src/content/site-paths.ts';

/** Every file a release serves: its path in the site (`offres/x/index.html`) → file on disk. */
export type ReleaseFiles = ReadonlyMap<string, string>;

/**
 * A release made by the fast path is a layer: the files it changed, over the release it
 * started from. This file (never served) names that base and the files the layer removes.
 */
const LAYER_FILE = '.layer.json';
/** Where a new record is written before it replaces the old one. */
const LAYER_FILE_TEMPORARY = `${LAYER_FILE}.tmp`;

export interface Layer {
  /** The release folder this one is laid over (absolute; a sibling, recorded by its name). */
  base: string;
  /** Files of the base that this release no longer has. */
  removed: string[];
}

function readLayer(releaseDir: string): Layer | null {
  let recorded: string;
  try {
    recorded = fs.readFileSync(path.join(releaseDir, LAYER_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const layer = JSON.parse(recorded) as Layer;
  return { ...layer, base: path.join(path.dirname(releaseDir), layer.base) };
}

export function writeLayer(releaseDir: string, layer: Layer): void {
  const recorded = { ...layer, base: path.basename(layer.base) };
  // Written aside then renamed: a crash leaves the old record or the new one, whole.
  const temporary = path.join(releaseDir, LAYER_FILE_TEMPORARY);
  fs.writeFileSync(temporary, `${JSON.stringify(recorded)}\n`);
  fs.renameSync(temporary, path.join(releaseDir, LAYER_FILE));
}

/**
 * Lays a layer over another base that serves the same files as its own (a merged copy of it),
 * so that the folders under the old base can be removed.
 */
export function relayLayer(releaseDir: string, base: string): void {
  const layer = readLayer(releaseDir);
  if (!layer) throw new Error(`${path.basename(releaseDir)} is not a layer`);
  writeLayer(releaseDir, { base, removed: layer.removed });
}

/** The files of one folder, as paths relative to it (the layer's own record left out). */
function ownFiles(releaseDir: string): string[] {
  return fs
    .readdirSync(releaseDir, { withFileTypes: true, recursive: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(releaseDir, path.join(entry.parentPath, entry.name)))
    .filter((name) => name !== LAYER_FILE && name !== LAYER_FILE_TEMPORARY);
}

/** What a release serves: its base's files (layer by layer), less those removed, plus its own. */
export function readReleaseFiles(releaseDir: string): Map<string, string> {
  const layer = readLayer(releaseDir);
  const files = layer ? readReleaseFiles(layer.base) : new Map<string, string>();
  for (const name of layer?.removed ?? []) files.delete(name);
  for (const name of ownFiles(releaseDir)) files.set(name, path.join(releaseDir, name));
  return files;
}

/** The release folders a release's files are in: itself, then its bases. */
export function releaseChain(releaseDir: string): string[] {
  const chain = [releaseDir];
  for (let layer = readLayer(releaseDir); layer; layer = readLayer(layer.base))
    chain.push(layer.base);
  return chain;
}

function linkOrCopy(source: string, target: string): void {
  try {
    fs.linkSync(source, target);
  } catch (error) {
    // Another file system (a render written outside the site server's folder): copy.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    fs.copyFileSync(source, target);
  }
}

/**
 * Gives `to` every file of `files` as a hard link (same file system; copied otherwise): the
 * folder shares them at the cost of a directory entry. Returns `to`'s files.
 */
export function linkFiles(files: ReleaseFiles, to: string): Map<string, string> {
  const made = new Set<string>();
  const linked = new Map<string, string>();
  for (const [name, source] of files) {
    const target = path.join(to, name);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    linkOrCopy(source, target);
    linked.set(name, target);
  }
  return linked;
}

/** The same, a few hundred files at a time, letting the server answer before each. */
export async function linkFilesInBackground(
  files: ReleaseFiles,
  to: string,
): Promise<Map<string, string>> {
  const linked = new Map<string, string>();
  const names = [...files.keys()];
  for (let start = 0; start < names.length; start += 500) {
    await new Promise((resolve) => setImmediate(resolve));
    const batch = new Map(names.slice(start, start + 500).map((name) => [name, files.get(name)!]));
    for (const [each, target] of linkFiles(batch, to)) linked.set(each, target);
  }
  return linked;
}

/** Writes the file of an address into a release folder; returns the file. */
export function writeAddress(releaseDir: string, address: string, body: Buffer): string {
  const file = path.join(releaseDir, releaseFileOf(address));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  return file;
}
