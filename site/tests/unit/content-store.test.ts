import { describe, expect, it } from 'vitest';
import { ContentStore, embeddedDocumentIds } from '../../src/content/content-store';
import { SiteContent, collectionKey, slugKey } from '../../src/content/site-content';

const SOURCE = { url: 'http://cms:1337', publicUrl: 'https://cms.deja-la.fr' };

const item = (documentId: string, id: number, slug: string, themes: string[] = []) => ({
  id,
  data: { documentId, slug, title: slug } as never,
  embeds: themes,
});

describe('the content store', () => {
  it('lists in the CMS’s order, finds by slug, and follows a changed slug', () => {
    const store = new ContentStore(SOURCE);
    store.set('mediaItems', 'b', item('b', 7, 'second'));
    store.set('mediaItems', 'a', item('a', 3, 'first'));
    expect(store.list('mediaItems').map((entry) => entry.documentId)).toEqual(['a', 'b']);
    expect(store.bySlug('mediaItems', 'first')?.documentId).toBe('a');
    // Publishing again gives the published row a new id, and here a new slug.
    store.set('mediaItems', 'a', item('a', 9, 'renamed'));
    expect(store.list('mediaItems').map((entry) => entry.documentId)).toEqual(['b', 'a']);
    expect(store.bySlug('mediaItems', 'first')).toBeUndefined();
    expect(store.bySlug('mediaItems', 'renamed')?.documentId).toBe('a');
    store.delete('mediaItems', 'a');
    expect(store.bySlug('mediaItems', 'renamed')).toBeUndefined();
  });

  it('knows which entries embed another, as they change', () => {
    const store = new ContentStore(SOURCE);
    store.set('mediaItems', 'a', item('a', 1, 'a', ['theme-1']));
    store.set('offers', 'o', item('o', 2, 'o', ['theme-1', 'theme-2']));
    expect(store.embedding('theme-1')).toEqual([
      { collection: 'mediaItems', documentId: 'a' },
      { collection: 'offers', documentId: 'o' },
    ]);
    store.set('offers', 'o', item('o', 3, 'o', ['theme-2']));
    expect(store.embedding('theme-1')).toEqual([{ collection: 'mediaItems', documentId: 'a' }]);
  });

  it('changes a copy while the original stays as the live release shows it', () => {
    const live = new ContentStore(SOURCE);
    live.set('mediaItems', 'a', item('a', 1, 'a', ['theme-1']));
    const next = live.clone();
    next.set('mediaItems', 'a', item('a', 2, 'moved'));
    next.set('mediaItems', 'c', item('c', 3, 'c'));
    expect(live.list('mediaItems').map((entry) => entry.slug)).toEqual(['a']);
    expect(live.embedding('theme-1')).toHaveLength(1);
    expect(next.embedding('theme-1')).toEqual([]);
    expect(next.bySlug('mediaItems', 'moved')?.documentId).toBe('a');
    expect(live.bySlug('mediaItems', 'moved')).toBeUndefined();
  });

  it('finds what an entry embeds anywhere in it, but itself', () => {
    const raw = {
      documentId: 'self',
      themes: [{ documentId: 't1', name: 'Eau' }],
      offers: [{ documentId: 'o1', title: 'Offre' }],
      seo: { shareImage: { id: 4, url: '/x.png' } },
      body: [{ type: 'paragraph', children: [] }],
    };
    expect(embeddedDocumentIds(raw)).toEqual(['o1', 't1']);
  });

  it('records what a page reads', () => {
    const store = new ContentStore(SOURCE);
    store.set('mediaItems', 'a', item('a', 1, 'a'));
    const content = new SiteContent(store);
    content.bySlug('mediaItems', 'a');
    content.bySlug('offers', 'absent');
    content.all('trainings');
    expect([...content.reads].sort()).toEqual(
      [slugKey('mediaItems', 'a'), slugKey('offers', 'absent'), collectionKey('trainings')].sort(),
    );
  });
});
