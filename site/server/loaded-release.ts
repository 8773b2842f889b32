import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { ContentStore } from '../src/content/content-store.ts';

/** Renders the site's routes (Astro's handler); `locals` become `Astro.locals`. */
export type OnDemandHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
  locals: App.Locals,
) => Promise<void>;

/** What the site server serves: a release's files, and the routes rendered per request. */
export interface Release {
  /** The release's folder: every page, feed and asset of the site as a file. */
  clientDir: string;
  /** The routes of the code build the release was rendered with (search results, previews). */
  onDemand: OnDemandHandler;
  /** The content the release was rendered from, for the pages rendered per request; null
   * until this process has read it (a release left live by an earlier run). */
  store: ContentStore | null;
}

/** Digest of every file of a folder and of their names (a build's server half, a release). */
export function digestFolder(dir: string): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}
