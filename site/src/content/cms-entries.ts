import type { z } from 'zod';
import { cmsGet, cmsGetAll, cmsGetOne } from '@dejala/search/cms/cms-client';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { populateParameters } from '@dejala/search/cms/populate';
import { checkEntry } from '@dejala/search/schemas/entry-rules';
import { describeInvalidEntry, type InvalidEntry } from '@dejala/search/site-status';
import type { CmsContentType } from './collection-types.ts';

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
