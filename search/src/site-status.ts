// The site server's build status, as `GET /_hooks/status` answers it and the CMS's editors'
// panel reads it: one definition for both (the panel imports the types only).

/** An entry the site cannot render, as a build names it. */
export interface InvalidEntry {
  /** Strapi's singular API id (`media-item`). */
  type: string;
  documentId: string;
  /** The field's path in the entry (`body.0.image.alternativeText`); `(entry)` for the whole. */
  field: string;
  /** What is wrong with it, in English (`is missing`). */
  problem: string;
  /** What to change, in French, for the entry's editors (search/src/schemas/site-rules.ts). */
  advice?: string;
}

/** The operators' sentence for an invalid entry (logs, `lastBuild.error`). */
export function describeInvalidEntry(entry: InvalidEntry): string {
  return `CMS entry ${entry.type} ${entry.documentId}: field "${entry.field}" ${entry.problem}`;
}

/** How a release was made: every page rendered, or only those a publication touched. */
export type RenderPath = 'full' | 'fast';

/** One build, as the status reports it. */
export interface BuildRecord {
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** Why the build failed (English, for operators); absent when it succeeded. */
  error?: string;
  /**
   * Published entries the build could not render: each keeps its last good page (or has none
   * if it never had one) while the rest of the site goes live. What editors are told to fix.
   */
  exceptions?: InvalidEntry[];
  /**
   * Published entries that went live without one of their images, whose file cannot be read:
   * what editors are told to replace.
   */
  warnings?: InvalidEntry[];
  /** What asked for the build (webhook event, reconciliation, start-up). */
  reasons: string[];
  /** Which path put it live (absent when it failed). */
  path?: RenderPath;
}

export type BuildState = 'idle' | 'queued' | 'building';

/** What the site server's `GET /_hooks/status` answers. */
export interface SiteServerStatus {
  state: BuildState;
  lastBuild: BuildRecord | null;
  buildsSinceStart: number;
  /** When the live release went live. */
  liveSince: string | null;
  /** When the live build read the CMS: later publications are not in it yet. */
  liveContentReadAt: string | null;
}

/** What the CMS's `GET /dejala/site-status` tells the admin: the site server's status, if it answered. */
export type SiteStatus = { reachable: boolean; configured?: boolean } & Partial<SiteServerStatus>;
