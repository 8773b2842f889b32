import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { cmsConnectionFromEnv, type CmsConnection } from './cms-config';
import { appendPopulate, type CmsContentType } from './content-types';

// Part of every digest: bump it when a schema changes, so stored entries are validated again.
const SCHEMA_VERSION = 1;
// Strapi caps pageSize at 100; fewer, larger pages read ~1.5–2× faster (bench: cms).
const PAGE_SIZE = 100;

/** An entry the CMS returned that the site cannot render: the build stops on it. */
export class CmsEntryInvalidError extends Error {
  readonly contentType: string;
  readonly documentId: string;
  readonly field: string;

  constructor(contentType: string, documentId: string, field: string, problem: string) {
    super(`CMS entry ${contentType} ${documentId}: field "${field}" ${problem}`);
    this.name = 'CmsEntryInvalidError';
    this.contentType = contentType;
    this.documentId = documentId;
    this.field = field;
  }
}

/** The CMS could not be read (down, wrong token, unpublished single type). */
export class CmsUnavailableError extends Error {
  /** The CMS's HTTP status when it answered; absent when it could not be reached. */
  readonly status?: number;

  constructor(message: string, options?: ErrorOptions & { status?: number }) {
    super(message, options);
    this.name = 'CmsUnavailableError';
    this.status = options?.status;
  }
}

async function getJson(cms: CmsConnection, path: string, query: URLSearchParams): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${cms.url}/api/${path}?${query}`, {
      headers: { authorization: `Bearer ${cms.token}` },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new CmsUnavailableError(`CMS unreachable at ${cms.url}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!response.ok) {
    const detail = (await response.text()).slice(0, 300);
    throw new CmsUnavailableError(
      `CMS answered ${response.status} to GET /api/${path}: ${detail}`,
      {
        status: response.status,
      },
    );
  }
  return response.json();
}

/** Every published entry of a type, page by page in a stable order. */
export async function fetchEntries(
  cms: CmsConnection,
  type: CmsContentType,
): Promise<Array<Record<string, unknown>>> {
  const base = new URLSearchParams();
  appendPopulate(base, type.populate);
  if (type.kind === 'single') {
    const body = (await getJson(cms, type.endpoint, base)) as { data: Record<string, unknown> };
    return [body.data];
  }
  const entries: Array<Record<string, unknown>> = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams(base);
    query.set('pagination[page]', String(page));
    query.set('pagination[pageSize]', String(PAGE_SIZE));
    // Without a sort, PostgreSQL may page inconsistently (rows repeated or skipped).
    query.set('sort', 'id:asc');
    const body = (await getJson(cms, type.endpoint, query)) as {
      data: Array<Record<string, unknown>>;
      meta: { pagination: { pageCount: number } };
    };
    entries.push(...body.data);
    if (page >= body.meta.pagination.pageCount) return entries;
  }
}

type Issue = z.core.$ZodIssue;

/**
 * A block that matches no variant of a union is reported by zod at the union itself. The
 * variant whose `type` matched names the actual field (`body.3.image.alternativeText`); when
 * no variant's `type` matched, the node's type itself is unknown.
 */
function deepestIssue(issue: Issue): Issue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const matching = issue.errors.find(
    (branch) => !branch.some((inner) => inner.path.length === 1 && inner.path[0] === 'type'),
  );
  if (!matching)
    return { ...issue, path: [...issue.path, 'type'], message: 'is not a known block type' };
  const [inner] = matching;
  return deepestIssue({ ...inner, path: [...issue.path, ...inner.path] } as Issue);
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
  const query = new URLSearchParams({ status });
  appendPopulate(query, type.populate);
  try {
    const body = (await getJson(
      cms,
      `${type.endpoint}/${encodeURIComponent(documentId)}`,
      query,
    )) as {
      data: Record<string, unknown> | null;
    };
    return body.data;
  } catch (error) {
    if (error instanceof CmsUnavailableError && error.status === 404) return null;
    throw error;
  }
}

/** Validates one raw entry; the first problem becomes a CmsEntryInvalidError naming the field. */
export function validateEntry<T>(
  type: CmsContentType & { schema: z.ZodType<T> },
  raw: Record<string, unknown>,
): T {
  const result = type.schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = deepestIssue(result.error.issues[0]);
  const field = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
  throw new CmsEntryInvalidError(
    type.name,
    String(raw.documentId ?? '(no documentId)'),
    field,
    issue.message.toLowerCase(),
  );
}

/**
 * Content-layer loader for one CMS type. Reads every published entry with the read-only
 * token, skips entries whose digest is unchanged since the last build, validates the others
 * and removes entries that are no longer published. Any invalid entry fails the whole build.
 */
export function strapiLoader(type: CmsContentType, connection?: CmsConnection): Loader {
  return {
    name: `strapi-${type.name}`,
    load: async ({ store, generateDigest, logger }: LoaderContext) => {
      const cms = connection ?? cmsConnectionFromEnv();
      const started = Date.now();
      const entries = await fetchEntries(cms, type);
      const seen = new Set<string>();
      let changed = 0;
      for (const raw of entries) {
        const id = type.kind === 'single' ? type.name : String(raw.documentId);
        seen.add(id);
        const digest = generateDigest({ schemaVersion: SCHEMA_VERSION, raw });
        if (store.get(id)?.digest === digest) continue;
        const data = validateEntry(type, raw) as Record<string, unknown>;
        store.set({ id, data, digest });
        changed += 1;
      }
      let removed = 0;
      for (const id of store.keys()) {
        if (!seen.has(id)) {
          store.delete(id);
          removed += 1;
        }
      }
      logger.info(
        `${type.name}: ${entries.length} entries (${changed} new or changed, ${removed} removed) in ${Date.now() - started} ms`,
      );
    },
  };
}
