import type { Core } from '@strapi/strapi';
import { publicActions } from './public-permissions';

export const SITE_TOKEN_NAME = 'site-build';
export const PREVIEW_TOKEN_NAME = 'site-preview';

interface SiteTokenSpec {
  name: string;
  variable: string;
  description: string;
}

/** The two tokens the site server holds, each read from its own variable. */
const SITE_TOKENS: SiteTokenSpec[] = [
  {
    name: SITE_TOKEN_NAME,
    variable: 'SITE_API_TOKEN',
    description:
      'Lecture du contenu publié, pour la construction du site. Valeur : SITE_API_TOKEN.',
  },
  {
    name: PREVIEW_TOKEN_NAME,
    variable: 'SITE_PREVIEW_TOKEN',
    description:
      'Lecture des brouillons, pour les aperçus du serveur du site. Valeur : SITE_PREVIEW_TOKEN.',
  },
];

/**
 * Ensures the site's Content API tokens, each with the value of its environment variable so
 * the site server knows it without reading the admin: `site-build` (published content) and
 * `site-preview` (drafts too, see mayReadDrafts). Both are custom tokens allowed exactly
 * `find`/`findOne` on the public types — not Strapi's read-only type, which reads every
 * Content API route (the media library, users and roles included). Strapi always generates a
 * random key on creation; the stored hash and encrypted copy are then replaced. Type and
 * permissions are set back at every start if someone changed them in the admin.
 */
export async function ensureSiteTokens(
  strapi: Core.Strapi,
  env: Record<string, string | undefined>,
): Promise<void> {
  for (const spec of SITE_TOKENS) await ensureSiteToken(strapi, spec, env[spec.variable]);
}

async function ensureSiteToken(
  strapi: Core.Strapi,
  spec: SiteTokenSpec,
  accessKey: string | undefined,
): Promise<void> {
  if (!accessKey) {
    strapi.log.warn(`${spec.variable} is not set: no "${spec.name}" API token was created.`);
    return;
  }
  if (accessKey.length < 32) {
    throw new Error(`${spec.variable} must be at least 32 characters long.`);
  }
  const tokenService = strapi.service('admin::api-token-content-api');
  const encryption = strapi.service('admin::encryption');
  const query = strapi.db.query('admin::api-token');
  const permissions = publicActions();

  let token = await query.findOne({ where: { name: spec.name }, populate: ['permissions'] });
  if (!token) {
    token = await tokenService.create({
      name: spec.name,
      description: spec.description,
      type: 'custom',
      permissions,
      lifespan: null,
    });
  } else {
    const granted = new Set<string>(
      (token.permissions ?? []).map((permission: { action: string }) => permission.action),
    );
    const exact =
      granted.size === permissions.length && permissions.every((action) => granted.has(action));
    if (token.type !== 'custom' || !exact) {
      await tokenService.update(token.id, { type: 'custom', permissions });
      strapi.log.info(`API token "${spec.name}" set back to find/findOne on the public types.`);
    }
  }
  const hashed = tokenService.hash(accessKey);
  if (token.accessKey !== hashed) {
    await query.update({
      where: { id: token.id },
      data: { accessKey: hashed, encryptedKey: encryption.encrypt(accessKey) },
    });
    strapi.log.info(`API token "${spec.name}" set from ${spec.variable}.`);
  }
}
