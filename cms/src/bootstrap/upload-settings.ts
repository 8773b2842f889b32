import type { Core } from '@strapi/strapi';

/**
 * The site server encodes every image it shows from the original upload
 * (site/server/image-variants.ts): Strapi's resized copies (small, medium, large) would be
 * made at each upload and never used, and its size optimization would re-encode the original
 * at a lower quality before the site encodes it again. Its thumbnail, which the media library
 * shows, is still made. Set on every start, as the roles are: the site relies on originals.
 */
const SITE_UPLOAD_SETTINGS = {
  sizeOptimization: false,
  responsiveDimensions: false,
  autoOrientation: false,
} as const;

export async function ensureUploadSettings(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'upload', key: 'settings' });
  const current = ((await store.get({})) ?? {}) as Record<string, unknown>;
  const settled = Object.entries(SITE_UPLOAD_SETTINGS).every(
    ([name, value]) => current[name] === value,
  );
  if (settled) return;
  await store.set({ value: { ...current, ...SITE_UPLOAD_SETTINGS } });
  strapi.log.info(
    'upload: resized copies and size optimization off (the site server encodes images from the originals)',
  );
}
