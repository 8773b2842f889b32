import { createHash } from 'node:crypto';
import { cmsGetAll, cmsGetOne, fieldParameters, queryOf } from '@dejala/search/cms/cms-client';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';
import type { ContentStore } from '../src/content/content-store.ts';

/** What the CMS publishes right now, in brief. */
export interface PublishedState {
  /** The page every published entry with a page of its own must have in a build. */
  pages: Array<{ documentId: string; path: string }>;
  /** Changes whenever any published entry of any public type is created, changed or removed. */
  fingerprint: string;
  /** Each published entry (`endpoint/documentId`; a single type: its endpoint) → its updatedAt. */
  versions: Map<string, string>;
}

/** How `versions` names an entry. */
export const versionKey = (type: { endpoint: string; kind: string }, documentId: string) =>
  type.kind === 'single' ? type.endpoint : `${type.endpoint}/${documentId}`;

/** The versions of the entries a store holds, named as the CMS's are (`versions`). */
export function storeVersions(store: ContentStore): Map<string, string> {
  const versions = new Map<string, string>();
  for (const type of PUBLIC_TYPE_LIST)
    for (const entry of store.list(type.collection) as Array<{
      documentId: string;
      updatedAt: string;
    }>)
      versions.set(versionKey(type, entry.documentId), entry.updatedAt);
  return versions;
}

type Row = { documentId: string; slug?: string; updatedAt: string };

/**
 * Reads the slugs and update times of everything published, type by type of the registry (a
 * few small requests per hundred entries): enough to check a build and to tell whether the
 * live one is outdated.
 */
export async function readPublishedState(cms: CmsConnection): Promise<PublishedState> {
  const hash = createHash('sha256');
  const pages: PublishedState['pages'] = [];
  const versions = new Map<string, string>();
  for (const type of PUBLIC_TYPE_LIST) {
    if (type.kind === 'single') {
      // An unpublished single type answers 404: it counts as absent.
      const entry = await cmsGetOne<Row>(
        cms,
        type.endpoint,
        queryOf(fieldParameters(['updatedAt'])),
      );
      hash.update(`${type.endpoint}@${entry?.updatedAt ?? 'none'}\n`);
      if (entry) versions.set(versionKey(type, ''), entry.updatedAt);
      continue;
    }
    const fields = type.path ? ['slug', 'updatedAt'] : ['updatedAt'];
    for (const row of await cmsGetAll<Row>(cms, type.endpoint, queryOf(fieldParameters(fields)))) {
      if (type.path) pages.push({ documentId: row.documentId, path: type.path(row.slug!) });
      hash.update(`${type.endpoint}/${row.documentId}@${row.updatedAt}\n`);
      versions.set(versionKey(type, row.documentId), row.updatedAt);
    }
  }
  return { pages, fingerprint: hash.digest('hex'), versions };
}
