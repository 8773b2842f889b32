import { beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_INDEX_UID, toMediaDocument } from '../../src/media-document.js';
import { ensureMediaIndex } from '../../src/media-index.js';
import { ensureSearchKey } from '../../src/search-key.js';
import { parseSearchRequest, toMeiliSearchParams } from '../../src/search-request.js';
import { succeeded } from '../../src/tasks.js';
import { clientFor, useMeili } from '../helpers/meili.js';

describe('médiathèque search requests against Meilisearch', () => {
  const meili = useMeili();
  const search = async (query: string) => {
    const searcher = clientFor(meili.server.url, await ensureSearchKey(meili.admin));
    return searcher
      .index(MEDIA_INDEX_UID)
      .search(null, toMeiliSearchParams(parseSearchRequest(new URLSearchParams(query))));
  };

  beforeAll(async () => {
    await ensureMediaIndex(meili.admin);
    const entry = (documentId: string, type: string, theme: string, year: number) => ({
      documentId,
      title: `Ressource ${documentId}`,
      slug: documentId,
      type,
      summary: 'Dialogue territorial.',
      themes: [{ name: theme, slug: theme.toLowerCase() }],
      year,
    });
    await succeeded(
      meili.admin
        .index(MEDIA_INDEX_UID)
        .addDocuments([
          toMediaDocument(entry('a', 'rapport', 'Eau', 2021)),
          toMediaDocument(entry('b', 'article', 'Eau', 2022)),
          toMediaDocument(entry('c', 'article', 'Forêt', 2023)),
          toMediaDocument(entry('d', 'vidéo', 'Eau "potable"', 2023)),
        ]),
    );
  });

  it('filters by facets with counts, in the search key’s rights', async () => {
    const result = await search('theme=Eau&type=article');
    expect(result.hits.map((hit) => hit.id)).toEqual(['b']);
    expect(result.facetDistribution?.type).toEqual({ article: 1 });
  });

  it('matches a value containing quotes exactly', async () => {
    expect((await search('theme=Eau%20%22potable%22')).hits.map((hit) => hit.id)).toEqual(['d']);
  });

  it('never widens the result set with an injected filter', async () => {
    const injected = await search(`theme=${encodeURIComponent('Eau" OR type = "article')}`);
    expect(injected.hits).toEqual([]);
    const backslash = await search(
      `theme=${encodeURIComponent('Eau\\" OR year > 0 OR themes = "x')}`,
    );
    expect(backslash.hits).toEqual([]);
  });

  it('sorts by most recent and pages', async () => {
    const result = await search('sort=recent&hitsPerPage=10&page=1');
    expect(result.hits.map((hit) => hit.year)).toEqual([2023, 2023, 2022, 2021]);
    expect((result as { totalHits?: number }).totalHits).toBe(4);
  });

  it('highlights with markers that are not HTML', async () => {
    const result = await search('q=territorial');
    expect(result.hits[0]?._formatted?.summary).toContain('\uE000territorial\uE001');
  });
});
