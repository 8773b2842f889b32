// What a page reads of the content, and the record of what it read: the fast path re-renders
// a page when something it read changes, and only then. Keys: a collection name (the page read
// the whole collection: a list, a count, a single type) or `collection?slug=…` (the page looked
// up one entry by its address, found or not), or `value:…` (a part of a derived value, with a
// digest of what the page got: value-parts.ts).
import type { CollectionName } from '@dejala/search/content-registry';
import type { Global } from '@dejala/search/schemas/global';
import type { HomePage } from '@dejala/search/schemas/home-page';
import { imageKey } from '@dejala/search/image-key';
import { uploadUrl } from '@dejala/search/site-urls';
import {
  pictureOf,
  shareImageOf,
  type Picture,
  type ShareImage,
  type UploadedImage,
} from './content-images.ts';
import type { ContentStore, EntryOf } from './content-store.ts';
import { VALUE_PARTS, valueKey, type ValuePartName } from './value-parts.ts';

/** The key a page records when it reads a whole collection. */
export const collectionKey = (collection: CollectionName) => collection;
/** The key a page records when it looks an entry up by slug. */
export const slugKey = (collection: CollectionName, slug: string) => `${collection}?slug=${slug}`;

export class SiteContent {
  readonly #store: ContentStore;
  /** What this page has read so far. */
  readonly reads = new Set<string>();

  constructor(store: ContentStore) {
    this.#store = store;
  }

  /** Every published entry of a collection, in the CMS's order. */
  all<C extends CollectionName>(collection: C): Array<EntryOf<C>> {
    this.reads.add(collectionKey(collection));
    return this.#store.list(collection);
  }

  /** A part of a value derived from whole collections: the page depends on that part only. */
  part<N extends ValuePartName>(name: N, part: string): ReturnType<(typeof VALUE_PARTS)[N]> {
    const value = VALUE_PARTS[name](this.#store, part) as ReturnType<(typeof VALUE_PARTS)[N]>;
    this.reads.add(valueKey(name, part, value));
    return value;
  }

  /** The published entry at this slug, if any. */
  bySlug<C extends CollectionName>(collection: C, slug: string): EntryOf<C> | undefined {
    this.reads.add(slugKey(collection, slug));
    return this.#store.bySlug(collection, slug);
  }

  /** Absolute URL of an upload, on the CMS's public address (images, files). */
  mediaUrl(url: string): string {
    return uploadUrl(url, this.#store.source.publicUrl);
  }

  /**
   * What a page shows of an image: the site server's encodings of it; null for a file that
   * is no image (the page shows none; the server reported it). Where the server has none —
   * `astro dev`, a draft's new image, the CMS unreachable when it tried — the CMS's file.
   */
  picture(image: UploadedImage): Picture | null {
    const variants = this.#store.images?.get(imageKey(image));
    if (variants === 'unreadable') return null;
    if (variants) return pictureOf(image, variants);
    return {
      srcset: null,
      src: this.mediaUrl(image.url),
      width: image.width ?? undefined,
      height: image.height ?? undefined,
    };
  }

  /** An image as a shared page's card shows it; null for a file that is no image. */
  shareImage(image: UploadedImage): ShareImage | null {
    const variants = this.#store.images?.get(imageKey(image));
    if (variants === 'unreadable') return null;
    if (variants) return shareImageOf(image, variants);
    return {
      url: this.mediaUrl(image.url),
      width: image.width ?? undefined,
      height: image.height ?? undefined,
    };
  }

  /** The origin browsers load uploads from (the page's policy allows it). */
  get uploadsOrigin(): string {
    return new URL(this.#store.source.publicUrl).origin;
  }

  /** The CMS's address for this server: where captions files are read. */
  get cmsUrl(): string {
    return this.#store.source.url;
  }

  /** The site settings: every page needs them, so their absence stops the render. */
  global(): Global {
    const [global] = this.all('global');
    if (!global)
      throw new Error(
        'CMS single type "global" is missing: fill "Paramètres du site" in the admin.',
      );
    return global;
  }

  homePage(): HomePage {
    const [home] = this.all('homePage');
    if (!home)
      throw new Error(
        'CMS single type "home-page" is not published: publish "Page d’accueil" in the admin.',
      );
    return home;
  }
}
