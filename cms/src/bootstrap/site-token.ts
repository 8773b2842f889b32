import type { Core } from '@strapi/strapi';

export const SITE_TOKEN_NAME = 'site-build';

/**
 * Ensures a read-only Content API token named "site-build" whose value is `SITE_API_TOKEN`,
 * so the site build and CI know the token without reading it from the admin. Strapi always
 * generates a random key on creation; the stored hash and encrypted copy are then replaced.
 */
export async function ensureSiteToken(
  strapi: Core.Strapi,
  accessKey: string | undefined,
): Promise<void> {
  if (!accessKey) {
    strapi.log.warn(
      'SITE_API_TOKEN is not set: no read-only token for the site build was created.',
    );
    return;
  }
  if (accessKey.length < 32) {
    throw new Error('SITE_API_TOKEN must be at least 32 characters long.');
  }
  const tokenService = strapi.service('admin::api-token-content-api');
  const encryption = strapi.service('admin::encryption');
  const query = strapi.db.query('admin::api-token');

  let token = await query.findOne({ where: { name: SITE_TOKEN_NAME } });
  if (!token) {
    token = await tokenService.create({
      name: SITE_TOKEN_NAME,
      description: 'Lecture seule, utilisé par la construction du site. Valeur : SITE_API_TOKEN.',
      type: 'read-only',
      lifespan: null,
    });
  }
  const hashed = tokenService.hash(accessKey);
  if (token.accessKey !== hashed || token.type !== 'read-only') {
    await query.update({
      where: { id: token.id },
      data: { accessKey: hashed, encryptedKey: encryption.encrypt(accessKey), type: 'read-only' },
    });
    strapi.log.info(`API token "${SITE_TOKEN_NAME}" set from SITE_API_TOKEN.`);
  }
}
