import { createHash } from 'node:crypto';
import { cmsGetAll, cmsGetOne, fieldParameters, queryOf } from '@dejala/search/cms/cms-client';
import type { CmsConnection } from '@dejala/search/cms/cms-connection';
import { PUBLIC_TYPE_LIST } from '@dejala/search/content-registry';

/** What the CMS publishes right now, in brief. */
export interface PublishedState {
  /** The page every published entry with a page of its own must have in a build. */
  pages: Array<{ documentId: string; path: string }>;
  /** Changes whenever any published entry of any public type is created, changed or removed. */
  fingerprint: string;
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
  for (const type of PUBLIC_TYPE_LIST) {
    if (type.kind === 'single') {
      // An unpublished single type answers 404: it counts as absent.
      const entry = await cmsGetOne<Row>(
        cms,
        type.endpoint,
        queryOf(fieldParameters(['updatedAt'])),
      );
      hash.update(`${type.endpoint}@${entry?.updatedAt ?? 'none'}\n`);
      continue;
    }
    const fields = type.path ? ['slug', 'updatedAt'] : ['updatedAt'];
    for (const row of await cmsGetAll<Row>(cms, type.endpoint, queryOf(fieldParameters(fields)))) {
      if (type.path) pages.push({ documentId: row.documentId, path: type.path(row.slug!) });
      hash.update(`${type.endpoint}/${row.documentId}@${row.updatedAt}\n`);
    }
  }
  return { pages, fingerprint: hash.digest('hex') };
}
