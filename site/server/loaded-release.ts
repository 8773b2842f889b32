import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Renders the on-demand routes of a build; `locals` become `Astro.locals`. */
export type OnDemandHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  next: () => void,
  locals: App.Locals,
) => Promise<void>;

/** One Astro build as the site server uses it. */
export interface Release {
  /** Static files (prerendered pages, assets). */
  clientDir: string;
  onDemand: OnDemandHandler;
  /** The build's site settings, handed to on-demand pages. */
  global: NonNullable<App.Locals['global']>;
  /** Digest of the server half: equal between builds unless the site's code changed. */
  serverDigest: string;
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

/**
 * Loads a build folder (Astro's outDir with the node adapter: client/ and server/). Modules
 * imported by Node are never unloaded, so the on-demand handler of `previous` is kept when
 * the server half did not change (content lives in client/): the memory of a long-running
 * site server does not grow with each publish.
 */
export async function loadRelease(buildDir: string, previous?: Release | null): Promise<Release> {
  const clientDir = path.join(buildDir, 'client');
  const entry = path.join(buildDir, 'server', 'entry.mjs');
  if (!fs.existsSync(path.join(clientDir, 'index.html')) || !fs.existsSync(entry)) {
    throw new Error(
      `${buildDir} is not a complete site build (client/index.html, server/entry.mjs)`,
    );
  }
  const global = JSON.parse(fs.readFileSync(path.join(clientDir, 'site-settings.json'), 'utf8'));
  const serverDigest = digestFolder(path.dirname(entry));
  if (previous && previous.serverDigest === serverDigest) {
    return { clientDir, onDemand: previous.onDemand, global, serverDigest };
  }
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: OnDemandHandler };
  return { clientDir, onDemand: handler, global, serverDigest };
}
