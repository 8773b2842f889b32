import type { Core } from '@strapi/strapi';
import { EDITORIAL_TYPES } from '../editorial-types';

export const EDITOR_ROLE_CODE = 'dejala-editeur';
export const EDITOR_ROLE_NAME = 'Éditeur';

const CONTENT_ACTIONS = ['create', 'read', 'update', 'delete', 'publish'].map(
  (action) => `plugin::content-manager.explorer.${action}`,
);

// Media library rights, so editors can attach covers and PDFs.
const UPLOAD_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

/**
 * Creates or realigns the "Éditeur" admin role: full content rights (create, edit, publish,
 * delete) on the editorial types and the media library, and nothing else — no settings,
 * users, roles or content-type builder. Re-running it restores exactly these permissions.
 */
export async function ensureEditorRole(strapi: Core.Strapi): Promise<{ id: number }> {
  const roleService = strapi.service('admin::role');
  const contentTypeService = strapi.service('admin::content-type');
  const { actionProvider } = strapi.service('admin::permission');

  let role = await roleService.findOne({ code: EDITOR_ROLE_CODE });
  if (!role) {
    role = await roleService.create({
      name: EDITOR_ROLE_NAME,
      code: EDITOR_ROLE_CODE,
      description:
        'Rédige, modifie, publie et supprime les contenus du site. Ne modifie ni les réglages, ni les utilisateurs, ni la structure des contenus.',
    });
  }

  const actions = actionProvider
    .values()
    .filter((action: { actionId: string }) => CONTENT_ACTIONS.includes(action.actionId))
    .map((action: { subjects: string[] }) => ({
      ...action,
      subjects: action.subjects.filter((subject) =>
        (EDITORIAL_TYPES as readonly string[]).includes(subject),
      ),
    }));
  const contentPermissions = contentTypeService.getPermissionsWithNestedFields(actions);
  const uploadPermissions = UPLOAD_ACTIONS.map((action) => ({
    action,
    subject: null,
    properties: {},
    conditions: [],
  }));

  await roleService.assignPermissions(role.id, [...contentPermissions, ...uploadPermissions]);
  return role;
}
