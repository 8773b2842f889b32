import { createHash } from 'node:crypto';
import type { CmsConnection } from '../src/loaders/cms-config.ts';
import {
  caseStudyPath,
  freePagePath,
  mediaItemPath,
  offerPath,
  trainingPath,
} from '../src/lib/site-paths.ts';

// The published types that have a page of their own, and where it lives.
const PAGED_TYPES: Array<{ endpoint: string; path: (slug: string) => string }> = [
  { endpoint: 'offers', path: offerPath },
  { endpoint: 'trainings', path: trainingPath },
  { endpoint: 'media-items', path: mediaItemPath },
  { endpoint: 'case-studies', path: caseStudyPath },
  { endpoint: 'pages', path: freePagePath },
];
// Types that change pages without having their own.
const OTHER_TYPES = ['themes', 'territories'];
const SINGLE_TYPES = ['home-page', 'global'];

/** What the CMS publishes right now, in brief. */
export interface PublishedState {
  /** The page every published entry must have in a build. */
  paths: string[];
  /** Changes whenever any published entry is created, changed or removed. */
  fingerprint: string;
}

interface ListBody {
  data: Array<Record<string, string>> | Record<string, string> | null;
  meta: { pagination: { pageCount: number } };
}

async function getJson(cms: CmsConnection, path: string): Promise<ListBody> {
  const response = await fetch(`${cms.url}/api/${path}`, {
    headers: { authorization: `Bearer ${cms.token}` },
    signal: AbortSignal.timeout(30_000),
  });
  // An unpublished single type answers 404: it counts as absent.
  if (response.status === 404) return { data: null, meta: { pagination: { pageCount: 1 } } };
  if (!response.ok) throw new Error(`CMS answered ${response.status} to GET /api/${path}`);
  return (await response.json()) as ListBody;
}

async function listAll(cms: CmsConnection, endpoint: string, fields: string[]) {
  const rows: Array<Record<string, string>> = [];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({
      sort: 'id:asc',
      'pagination[page]': String(page),
      'pagination[pageSize]': '100',
    });
    fields.forEach((field, index) => query.set(`fields[${index}]`, field));
    const body = await getJson(cms, `${endpoint}?${query}`);
    rows.push(...(body.data as Array<Record<string, string>>));
    if (page >= body.meta.pagination.pageCount) return rows;
  }
}

/**
 * Reads the slugs and update times of everything published (a few small requests per
 * hundred entries): enough to check a build and to tell whether the live one is outdated.
 */
export async function readPublishedState(cms: CmsConnection): Promise<PublishedState> {
  const hash = createHash('sha256');
  const paths: string[] = [];
  for (const type of PAGED_TYPES) {
    for (const row of await listAll(cms, type.endpoint, ['slug', 'updatedAt'])) {
      paths.push(type.path(row.slug!));
      hash.update(`${type.endpoint}/${row.documentId}@${row.updatedAt}\n`);
    }
  }
  for (const endpoint of OTHER_TYPES) {
    for (const row of await listAll(cms, endpoint, ['updatedAt'])) {
      hash.update(`${endpoint}/${row.documentId}@${row.updatedAt}\n`);
    }
  }
  for (const endpoint of SINGLE_TYPES) {
    const body = await getJson(cms, `${endpoint}?fields[0]=updatedAt`);
    const entry = body.data as Record<string, string> | null;
    hash.update(`${endpoint}@${entry?.updatedAt ?? 'none'}\n`);
  }
  return { paths, fingerprint: hash.digest('hex') };
}
