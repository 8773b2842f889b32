import type { MediaEntry } from './media-document.js';
import { populateParameters } from './media-populate.js';
import type { PublishedMediaSource } from './sync.js';

/** Where the CMS answers and the site-build token (SITE_API_TOKEN: published content) to read it with. */
export interface CmsApi {
  url: string;
  token: string;
}

const PAGE_SIZE = 100;

// Only what the search document needs; the REST API returns published versions only.
function mediaQuery(page: number, documentIds?: string[]): URLSearchParams {
  const query = new URLSearchParams({
    'pagination[page]': String(page),
    'pagination[pageSize]': String(PAGE_SIZE),
    sort: 'id:asc',
  });
  for (const [name, value] of populateParameters()) query.set(name, value);
  documentIds?.forEach((id, position) => query.set(`filters[documentId][$in][${position}]`, id));
  return query;
}

/**
 * A GET that survives a dropped connection (a keep-alive socket the CMS closed as it was
 * reused): tried three times, a second apart. HTTP errors are answers, not retried.
 */
async function fetchWithRetry(url: string, init: RequestInit, attempts = 3): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function fetchPage(
  api: CmsApi,
  query: URLSearchParams,
): Promise<{ data: MediaEntry[]; pageCount: number }> {
  const response = await fetchWithRetry(`${api.url.replace(/\/$/, '')}/api/media-items?${query}`, {
    headers: { authorization: `Bearer ${api.token}` },
  });
  if (!response.ok) {
    throw new Error(
      `CMS answered ${response.status} to GET /api/media-items: ${(await response.text()).slice(0, 300)}`,
    );
  }
  const body = (await response.json()) as {
    data: MediaEntry[];
    meta: { pagination: { pageCount: number } };
  };
  return { data: body.data, pageCount: body.meta.pagination.pageCount };
}

/** Every published media entry, page by page. */
export async function fetchAllPublishedMedia(
  api: CmsApi,
  onProgress?: (done: number, pageCount: number) => void,
): Promise<MediaEntry[]> {
  const entries: MediaEntry[] = [];
  for (let page = 1; ; page += 1) {
    const { data, pageCount } = await fetchPage(api, mediaQuery(page));
    entries.push(...data);
    onProgress?.(page, pageCount);
    if (page >= pageCount) return entries;
  }
}

/** The published media source read over the CMS's REST API (for tools outside the CMS). */
export function cmsMediaSource(api: CmsApi): PublishedMediaSource {
  return {
    async findPublished(documentIds) {
      const entries: MediaEntry[] = [];
      for (let start = 0; start < documentIds.length; start += PAGE_SIZE) {
        const { data } = await fetchPage(
          api,
          mediaQuery(1, documentIds.slice(start, start + PAGE_SIZE)),
        );
        entries.push(...data);
      }
      return entries;
    },
  };
}
