import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkFiles, readReleaseFiles, relayLayer, releaseChain } from '../../server/release-files';
import { ReleaseStore } from '../../server/release-store';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-releases-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const write = (dir: string, name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  fs.writeFileSync(path.join(dir, name), text);
};
const served = (dir: string) =>
  Object.fromEntries(
    [...readReleaseFiles(dir)].map(([name, file]) => [name, fs.readFileSync(file, 'utf8')]),
  );
// Removals run in the background once a release is live.
const settled = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('releases laid over one another', () => {
  it('serve their base’s files, less those removed, with their own in place', () => {
    const store = new ReleaseStore(dataDir);
    const full = store.create();
    write(full, 'index.html', 'accueil');
    write(full, 'offres/a/index.html', 'offre A');
    write(full, 'offres/b/index.html', 'offre B');
    store.activate(full);
    const layer = store.create({ base: full, removed: ['offres/b/index.html'] });
    write(layer, 'index.html', 'accueil, version 2');
    write(layer, 'offres/c/index.html', 'offre C');
    store.activate(layer);
    expect(served(store.currentDir()!)).toEqual({
      'index.html': 'accueil, version 2',
      'offres/a/index.html': 'offre A',
      'offres/c/index.html': 'offre C',
    });
    expect(releaseChain(layer)).toEqual([layer, full]);
  });

  it('keep every release a kept one is laid over, and one being made, when pruning', async () => {
    const store = new ReleaseStore(dataDir, 2);
    const old = store.create();
    store.activate(old);
    const base = store.create();
    write(base, 'index.html', 'base');
    store.activate(base);
    let top = base;
    for (let depth = 1; depth <= 4; depth += 1) {
      top = store.create({ base: top, removed: [] });
      write(top, `page-${depth}.html`, String(depth));
      store.activate(top);
    }
    const making = store.create();
    const next = store.create({ base: top, removed: [] });
    store.activate(next);
    await settled();
    expect(fs.existsSync(old), 'a release nothing needs is removed').toBe(false);
    for (const folder of [...releaseChain(next), making])
      expect(fs.existsSync(folder), path.basename(folder)).toBe(true);
    expect(Object.keys(served(next)).sort()).toEqual([
      'index.html',
      'page-1.html',
      'page-2.html',
      'page-3.html',
      'page-4.html',
    ]);
  });

  it('serve the same files once laid over a merged copy of their base, whose folders go', async () => {
    const store = new ReleaseStore(dataDir, 1);
    const full = store.create();
    write(full, 'index.html', 'accueil');
    write(full, 'offres/a/index.html', 'offre A');
    store.activate(full);
    const middle = store.create({ base: full, removed: ['offres/a/index.html'] });
    write(middle, 'offres/b/index.html', 'offre B');
    store.activate(middle);
    const top = store.create({ base: middle, removed: [] });
    write(top, 'index.html', 'accueil, version 2');
    store.activate(top);
    const before = served(top);

    const merged = store.create();
    linkFiles(readReleaseFiles(middle), merged);
    relayLayer(top, merged);
    store.settle(merged);
    store.activate(top);
    await settled();
    expect(served(top)).toEqual(before);
    expect(releaseChain(top)).toEqual([top, merged]);
    for (const gone of [full, middle]) expect(fs.existsSync(gone), path.basename(gone)).toBe(false);
  });
});
