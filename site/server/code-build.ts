import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAstroBuild } from './astro-build.ts';
import type { OnDemandHandler } from './loaded-release.ts';

/** The module of a code build that exports Astro's handler (the site's routes). */
export const codeEntryOf = (dir: string) => path.join(dir, 'server', 'entry.mjs');

/** Loads the handler of the code build in `dir`, in the calling thread. */
export async function loadOnDemand(dir: string): Promise<OnDemandHandler> {
  const { handler } = (await import(pathToFileURL(codeEntryOf(dir)).href)) as {
    handler: OnDemandHandler;
  };
  return handler;
}

/** The site's code, built: the browser's assets and the routes that render every page. */
export interface CodeBuild {
  /** `client/` (assets: scripts, styles, fonts) and `server/entry.mjs` (the routes). */
  dir: string;
  clientDir: string;
  onDemand: OnDemandHandler;
  digest: string;
}

export interface CodeBuildOptions {
  /** Where builds are kept, one folder per digest of the code. */
  codeDir: string;
  /** The files whose content makes the build (site sources, shared package build, lock file). */
  inputs: string[];
  /** Environment of `astro build` (SITE_URL): part of the digest. */
  buildEnv: Record<string, string>;
  log: (message: string) => void;
  /** Builds kept besides the current one. */
  keep?: number;
}

function digestInputs(inputs: string[], buildEnv: Record<string, string>): string {
  const hash = createHash('sha256');
  // The site's address is part of the code build (Astro's `site`): another address, another build.
  hash.update(JSON.stringify(Object.entries(buildEnv).sort()));
  for (const input of inputs) {
    if (!fs.existsSync(input)) continue;
    const files = fs.statSync(input).isDirectory()
      ? fs
          .readdirSync(input, { recursive: true, encoding: 'utf8' })
          .sort()
          .map((name) => path.join(input, name))
      : [input];
    for (const file of files) {
      if (!fs.statSync(file).isFile()) continue;
      hash.update(file).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The code build of the current sources: reused when a build of the same digest exists (a
 * restart, a publication), else `astro build` once — only when the code changed. Modules
 * imported by Node are never unloaded: a server loads one build per code change.
 */
export class CodeBuilds {
  readonly #options: CodeBuildOptions;
  #loaded: CodeBuild | null = null;

  constructor(options: CodeBuildOptions) {
    this.#options = options;
    fs.mkdirSync(options.codeDir, { recursive: true });
  }

  async current(): Promise<CodeBuild> {
    const { codeDir, inputs, buildEnv, log } = this.#options;
    const digest = digestInputs(inputs, buildEnv);
    if (this.#loaded?.digest === digest) return this.#loaded;
    const dir = path.join(codeDir, digest);
    if (!fs.existsSync(codeEntryOf(dir))) {
      log(`site: building the site's code (${digest})`);
      const building = path.join(codeDir, `${digest}.building`);
      fs.rmSync(building, { recursive: true, force: true });
      const { durationMs } = await runAstroBuild({ ...buildEnv, SITE_OUT_DIR: building });
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(building, dir);
      log(`site: code built in ${durationMs} ms`);
      this.#prune(digest);
    }
    const onDemand = await loadOnDemand(dir);
    this.#loaded = { dir, clientDir: path.join(dir, 'client'), onDemand, digest };
    return this.#loaded;
  }

  /** Removes older builds beyond `keep`, never the current one. */
  #prune(current: string): void {
    const { codeDir, keep = 2 } = this.#options;
    const builds = fs
      .readdirSync(codeDir)
      .filter((name) => name !== current && !name.endsWith('.building'))
      .map((name) => ({ name, time: fs.statSync(path.join(codeDir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of builds.slice(keep))
      fs.rmSync(path.join(codeDir, old.name), { recursive: true, force: true });
  }
}
