// The published content the site renders, held in memory: every entry of every public type,
// validated by its schema. A full render fills it from the CMS; the fast path changes the
// entries a publication touched. Pages read it through `SiteContent` (site-content.ts), which
// records what each page read.
import type { z } from 'zod';
import type { CollectionName } from '@dejala/search/content-registry';
import type { SCHEMAS } from '@dejala/search/schemas/entry-rules';
import type { ImageIndex } from './content-images.ts';

/** An entry of a collection, as its schema gives it to pages. */
export type EntryOf<C extends CollectionName> = z.output<(typeof SCHEMAS)[C]>;

/** One stored entry: its data, and what the store needs to keep it current. */
export interface StoredEntry<C extends CollectionName = CollectionName> {
  /** Strapi's row id of the published version: the CMS's order (`sort=id:asc`). */
  id: number;
  data: EntryOf<C>;
  /** documentIds of the entries this one embeds (related entries, themes…), from the CMS. */
  embeds: string[];
}

/** Every documentId in an entry as the CMS returned it, but its own: what it embeds. */
export function embeddedDocumentIds(raw: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (record !== raw && typeof record.documentId === 'string') found.add(record.documentId);
    Object.values(record).forEach(visit);
  };
  visit(raw);
  return [...found].sort();
}

const slugOf = (entry: StoredEntry) => (entry.data as { slug?: string }).slug;

/** Where the content was read: uploads (images, files, captions) are relative to it. */
export interface ContentSource {
  /** The CMS's address for servers (captions are fetched there). */
  url: string;
  /** The CMS's address for browsers (images and files are linked there). */
  publicUrl: string;
}

export class ContentStore {
  readonly source: ContentSource;
  /**
   * The site server's encodings of the content's images, set before a render; null where
   * nothing encodes them (`astro dev`): pages then link to the CMS's files.
   */
  images: ImageIndex | null = null;
  readonly #collections = new Map<CollectionName, Map<string, StoredEntry>>();
  /** documentId → the entries that embed it, as `collection/documentId`. */
  readonly #embeddedBy = new Map<string, Set<string>>();
  /** Per collection, slug → documentId (slugs are unique per type: Strapi's `uid` fields). */
  readonly #slugs = new Map<CollectionName, Map<string, string>>();
  /** Values derived from whole collections (sorted lists…), computed once per state. */
  readonly #derived = new Map<string, unknown>();

  #collection(collection: CollectionName): Map<string, StoredEntry> {
    let entries = this.#collections.get(collection);
    if (!entries) this.#collections.set(collection, (entries = new Map()));
    return entries;
  }

  constructor(source: ContentSource) {
    this.source = source;
  }

  /** Every stored entry, as plain data: what `fromEntries` makes a store of again elsewhere. */
  entries(): Array<[CollectionName, string, StoredEntry]> {
    return [...this.#collections].flatMap(([collection, entries]) =>
      [...entries].map(([documentId, entry]) => [collection, documentId, entry] as const),
    ) as Array<[CollectionName, string, StoredEntry]>;
  }

  /** A store holding `entries` (from another thread's store: `entries()`). */
  static fromEntries(
    source: ContentSource,
    entries: Array<[CollectionName, string, StoredEntry]>,
  ): ContentStore {
    const store = new ContentStore(source);
    for (const [collection, documentId, entry] of entries) store.set(collection, documentId, entry);
    return store;
  }

  /** A copy to change while this one stays as it is (what the live release shows). */
  clone(): ContentStore {
    const copy = new ContentStore(this.source);
    copy.images = this.images;
    for (const [collection, entries] of this.#collections)
      copy.#collections.set(collection, new Map(entries));
    for (const [documentId, by] of this.#embeddedBy) copy.#embeddedBy.set(documentId, new Set(by));
    for (const [collection, slugs] of this.#slugs) copy.#slugs.set(collection, new Map(slugs));
    return copy;
  }

  /** Every entry of a collection, in the CMS's order (the order a full read gives). */
  list<C extends CollectionName>(collection: C): Array<EntryOf<C>> {
    return [
      ...this.derived(`list:${collection}`, () =>
        [...this.#collection(collection).values()]
          .sort((a, b) => a.id - b.id)
          .map((entry) => entry.data as EntryOf<C>),
      ),
    ];
  }

  /**
   * A value computed from the store, once until the store changes: a list page of 10,000
   * items must not sort them again for each of its 500 pages.
   */
  derived<T>(name: string, compute: () => T): T {
    if (!this.#derived.has(name)) this.#derived.set(name, compute());
    return this.#derived.get(name) as T;
  }

  get<C extends CollectionName>(collection: C, documentId: string): StoredEntry<C> | undefined {
    return this.#collection(collection).get(documentId) as StoredEntry<C> | undefined;
  }

  bySlug<C extends CollectionName>(collection: C, slug: string): EntryOf<C> | undefined {
    const documentId = this.#slugs.get(collection)?.get(slug);
    return documentId === undefined ? undefined : this.get(collection, documentId)?.data;
  }

  set<C extends CollectionName>(collection: C, documentId: string, entry: StoredEntry<C>): void {
    this.delete(collection, documentId);
    this.#derived.clear();
    this.#collection(collection).set(documentId, entry as StoredEntry);
    const slug = slugOf(entry);
    if (slug !== undefined) {
      let slugs = this.#slugs.get(collection);
      if (!slugs) this.#slugs.set(collection, (slugs = new Map()));
      slugs.set(slug, documentId);
    }
    for (const embedded of entry.embeds) {
      let by = this.#embeddedBy.get(embedded);
      if (!by) this.#embeddedBy.set(embedded, (by = new Set()));
      by.add(`${collection}/${documentId}`);
    }
  }

  delete(collection: CollectionName, documentId: string): void {
    const previous = this.#collection(collection).get(documentId);
    if (!previous) return;
    this.#derived.clear();
    this.#collection(collection).delete(documentId);
    const slug = slugOf(previous);
    if (slug !== undefined && this.#slugs.get(collection)?.get(slug) === documentId)
      this.#slugs.get(collection)!.delete(slug);
    for (const embedded of previous.embeds) {
      const by = this.#embeddedBy.get(embedded);
      by?.delete(`${collection}/${documentId}`);
      if (by?.size === 0) this.#embeddedBy.delete(embedded);
    }
  }

  /** The collection an entry is in, if the store holds it. */
  locate(documentId: string): CollectionName | undefined {
    for (const [collection, entries] of this.#collections)
      if (entries.has(documentId)) return collection;
    return undefined;
  }

  /** The entries that embed a documentId: they change when it changes. */
  embedding(documentId: string): Array<{ collection: CollectionName; documentId: string }> {
    return [...(this.#embeddedBy.get(documentId) ?? [])].sort().map((key) => {
      const [collection, id] = key.split('/') as [CollectionName, string];
      return { collection, documentId: id };
    });
  }
}
