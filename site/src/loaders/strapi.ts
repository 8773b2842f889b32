import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'zod';
import { cmsGet, cmsGetAll, cmsGetOne } from '@dejala/search/cms/cms-client';
import { cmsConnectionFromEnv, type CmsConnection } from '@dejala/search/cms/cms-connection';
import { populateParameters } from '@dejala/search/cms/populate';
import { checkEntry } from '@dejala/search/schemas/entry-rules';
import { describeInvalidEntry, type InvalidEntry } from '@dejala/search/site-status';
import { rootEnv } from '../lib/root-env';
import type { CmsContentType } from './collection-types';
import { recordBuildException } from './build-exceptions-file';

// Part of every digest: bump it when a schema changes, so stored entries are validated again.
const SCHEMA_VERSION = 2;

/** An entry the CMS returned that the site cannot render. */
export class CmsEntryInvalidError extends Error {
  readonly entry: InvalidEntry;

  constructor(entry: InvalidEntry) {
    super(describeInvalidEntry(entry));
    this.name = 'CmsEntryInvalidError';
    this.entry = entry;
  }

  get field(): string {
    return this.entry.field;
  }
}

/**
 * Leaves out of this build an entry it cannot render, telling the site server which one and
 * why; the rest of the site is built as usual.
 */
function skipInvalidEntry(entry: InvalidEntry, log: (message: string) => void): void {
  recordBuildException(entry);
  log(`${describeInvalidEntry(entry)}: its last good version stays (if it had one)`);
}

type Entry = Record<string, unknown>;

const populateQuery = (type: CmsContentType) =>
  new URLSearchParams(populateParameters(type.populate));

/** Every published entry of a type (a single type: its one entry; unpublished, a CmsRequestError 404). */
export async function fetchEntries(cms: CmsConnection, type: CmsContentType): Promise<Entry[]> {
  if (type.kind === 'single') {
    return [(await cmsGet<{ data: Entry }>(cms, type.endpoint, populateQuery(type))).data];
  }
  return cmsGetAll<Entry>(cms, type.endpoint, populateQuery(type));
}

/**
 * One entry by documentId, as a draft or as published (previews); null when there is none.
 * Reading drafts needs the preview token (site-preview); the build's token and visitors get a 400.
 */
export async function fetchEntry(
  cms: CmsConnection,
  type: CmsContentType,
  documentId: string,
  status: 'draft' | 'published',
): Promise<Record<string, unknown> | null> {
  const query = populateQuery(type);
  query.set('status', status);
  return cmsGetOne<Entry>(cms, `${type.endpoint}/${encodeURIComponent(documentId)}`, query);
}

/** Validates one raw entry; the first problem becomes a CmsEntryInvalidError naming the field. */
export function validateEntry<T>(
  type: CmsContentType & { schema: z.ZodType<T> },
  raw: Record<string, unknown>,
): T {
  const checked = checkEntry(type.schema, type.name, raw);
  if (!checked.ok) throw new CmsEntryInvalidError(checked.invalid);
  return checked.data;
}

/**
 * Content-layer loader for one CMS type. Reads every published entry with the read-only
 * token, skips entries whose digest is unchanged since the last build, validates the others
 * and removes entries that are no longer published. An invalid entry does not hold back the
 * others: the store keeps its last valid version (stored by an earlier build), if any, and
 * the entry is reported to the site server as an exception.
 */
export function strapiLoader(type: CmsContentType, connection?: CmsConnection): Loader {
  return {
    name: `strapi-${type.name}`,
    load: async ({ store, generateDigest, logger }: LoaderContext) => {
      const cms = connection ?? cmsConnectionFromEnv(rootEnv());
      const started = Date.now();
      const entries = await fetchEntries(cms, type);
      const seen = new Set<string>();
      let changed = 0;
      let invalid = 0;
      for (const raw of entries) {
        const id = type.kind === 'single' ? type.name : String(raw.documentId);
        seen.add(id);
        const digest = generateDigest({ schemaVersion: SCHEMA_VERSION, raw });
        // Only valid versions are stored: an invalid one is checked again at every build.
        if (store.get(id)?.digest === digest) continue;
        try {
          store.set({ id, data: validateEntry(type, raw) as Entry, digest });
          changed += 1;
        } catch (error) {
          if (!(error instanceof CmsEntryInvalidError)) throw error;
          skipInvalidEntry(error.entry, (message) => logger.warn(message));
          invalid += 1;
        }
      }
      let removed = 0;
      for (const id of store.keys()) {
        if (!seen.has(id)) {
          store.delete(id);
          removed += 1;
        }
      }
      logger.info(
        `${type.name}: ${entries.length} entries (${changed} new or changed, ${removed} removed, ${invalid} invalid) in ${Date.now() - started} ms`,
      );
    },
  };
}
