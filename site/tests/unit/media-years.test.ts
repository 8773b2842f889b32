import { describe, expect, it } from 'vitest';
import { mediaItem } from '@dejala/search/schemas/media-item';
import { ContentStore } from '../../src/content/content-store';
import { VALUE_PARTS, valueKey, valuePartChanged } from '../../src/content/value-parts';

const SOURCE = { url: 'http://cms:1337', publicUrl: 'https://cms.deja-la.fr' };

let nextId = 1;
/** A published item as the site reads it, dated `date` (`YYYY-MM-DD`) or not at all. */
function put(store: ContentStore, slug: string, date: string | null) {
  const id = nextId++;
  const data = mediaItem.parse({
    documentId: slug,
    updatedAt: '2026-11-30T00:00:00.000Z',
    title: `Ressource ${slug}`,
    slug,
    type: 'article',
    summary: 'Résumé.',
    publicationDate: date,
  });
  store.set('mediaItems', slug, { id, data: data as never, embeds: [] });
}

const slugsOf = (items: Array<{ url: string }>) =>
  items.map((item) => item.url.replace(/^\/mediatheque\/|\/$/g, ''));

/** The key a page records for a part, as it read it from `store`. */
const keyOf = (store: ContentStore, name: 'mediaYearPage' | 'mediaYearNeighbours', part: string) =>
  valueKey(name, part, VALUE_PARTS[name](store, part));

describe('the médiathèque’s static list, year by year', () => {
  const store = new ContentStore(SOURCE);
  for (let day = 1; day <= 45; day += 1)
    put(store, `a-2024-${day}`, `2024-03-${String((day % 28) + 1).padStart(2, '0')}`);
  put(store, 'b-2023', '2023-06-01');
  put(store, 'c-sans-date', null);

  it('cuts the list into years, most recent first, the undated last, 20 items a page', () => {
    const page = (part: string) => VALUE_PARTS.mediaYearPage(store, part);
    expect(page('2024/1')).toMatchObject({ pageCount: 3 });
    expect(page('2024/1').items).toHaveLength(20);
    expect(page('2024/3').items).toHaveLength(5);
    const all2024 = [1, 2, 3].flatMap((n) => slugsOf(page(`2024/${n}`).items));
    expect(new Set(all2024).size).toBe(45);
    // Most recent first within the year: the dates never go up from one item to the next.
    const days = all2024.map((slug) => (Number(slug.split('-')[2]) % 28) + 1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect(slugsOf(page('2023/1').items)).toEqual(['b-2023']);
    expect(slugsOf(page('sans-date/1').items)).toEqual(['c-sans-date']);
    expect(page('2022/1')).toEqual({ items: [], pageCount: 0 });
    expect(VALUE_PARTS.mediaYearNeighbours(store, '2023')).toEqual({
      newer: '2024',
      older: 'sans-date',
    });
    expect(VALUE_PARTS.mediaYearPageCounts(store)).toEqual([
      { year: '2024', pageCount: 3 },
      { year: '2023', pageCount: 1 },
      { year: 'sans-date', pageCount: 1 },
    ]);
  });

  it('changes the pages of a new item’s year only', () => {
    const before = [
      keyOf(store, 'mediaYearPage', '2024/3'),
      keyOf(store, 'mediaYearPage', '2023/1'),
      keyOf(store, 'mediaYearNeighbours', '2023'),
      keyOf(store, 'mediaYearPage', 'sans-date/1'),
    ];
    const after = store.clone();
    put(after, 'd-2024-nouveau', '2024-12-31');
    expect(before.map((key) => valuePartChanged(key, after))).toEqual([true, false, false, false]);
    // A year's first item changes its neighbours' links, not the other years' pages.
    const neighbours2024 = keyOf(after, 'mediaYearNeighbours', '2024');
    put(after, 'e-2020', '2020-01-01');
    expect(valuePartChanged(neighbours2024, after)).toBe(false);
    expect(valuePartChanged(keyOf(store, 'mediaYearNeighbours', '2023'), after)).toBe(true);
  });
});
