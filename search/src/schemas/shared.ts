import { z } from 'zod';

/** A file of Strapi's media library, as the REST API returns it (size in kB). */
export const mediaFile = z.object({
  url: z.string(),
  /** Strapi's name of the stored file; kept when the file is replaced (the site's image cache). */
  hash: z.string().nullish(),
  alternativeText: z.string().nullish(),
  width: z.number().nullish(),
  height: z.number().nullish(),
  mime: z.string().nullish(),
  ext: z.string().nullish(),
  size: z.number().nullish(),
  name: z.string().nullish(),
});
export type MediaFile = z.infer<typeof mediaFile>;

export const seo = z
  .object({
    metaTitle: z.string().nullish(),
    metaDescription: z.string().nullish(),
    shareImage: mediaFile.nullish(),
    noIndex: z.boolean().nullish(),
  })
  .nullish();
export type Seo = z.infer<typeof seo>;

/** A theme or territory as populated on an entry. */
export const taxonomyRef = z.object({ name: z.string(), slug: z.string() });
export const taxonomyRefs = z
  .array(taxonomyRef)
  .nullish()
  .transform((value) => value ?? []);

/** A related entry (offer, media item, case study, training) as populated on another. */
export const entryRef = z.object({
  documentId: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: z.string().nullish(),
  cover: mediaFile.nullish(),
});
export const entryRefs = z
  .array(entryRef)
  .nullish()
  .transform((value) => value ?? []);
export type EntryRef = z.infer<typeof entryRef>;

/** Fields every published entry has. */
export const entryBase = {
  documentId: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullish(),
};

export const text = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null);
