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
}

/** Loads a build folder (Astro's outDir with the node adapter: client/ and server/). */
export async function loadRelease(buildDir: string): Promise<Release> {
  const clientDir = path.join(buildDir, 'client');
  const entry = path.join(buildDir, 'server', 'entry.mjs');
  if (!fs.existsSync(path.join(clientDir, 'index.html')) || !fs.existsSync(entry)) {
    throw new Error(
      `${buildDir} is not a complete site build (client/index.html, server/entry.mjs)`,
    );
  }
  const { handler } = (await import(pathToFileURL(entry).href)) as { handler: OnDemandHandler };
  const global = JSON.parse(fs.readFileSync(path.join(clientDir, 'site-settings.json'), 'utf8'));
  return { clientDir, onDemand: handler, global };
}
