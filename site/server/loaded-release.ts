import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContentStore } from '../src/content/content-store.ts';
import type { ReleaseFiles } from './release-files.ts';

/** Renders the site's routes (Astro's handler); `locals` become `Astro.locals`. */
export type OnDemandHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
  locals: App.Locals,
) => Promise<void>;

/** What the site server serves: a release's files, and the routes rendered per request. */
export interface Release {
  /** Every page, feed and asset of the site, as a file. */
  files: ReleaseFiles;
  /** The routes of the code build the release was rendered with (search results, previews). */
  onDemand: OnDemandHandler;
  /** The content the release was rendered from, for the pages rendered per request; null
   * until this process has read it (a release left live by an earlier run). */
  store: ContentStore | null;
}

/** Digest of every file of a release and of their names: what visitors get. */
export function digestRelease(files: ReleaseFiles): string {
  const hash = createHash('sha256');
  for (const name of [...files.keys()].sort())
    hash
      .update(name)
      .update('\0')
      .update(fs.readFileSync(files.get(name)!));
  return hash.digest('hex');
}
