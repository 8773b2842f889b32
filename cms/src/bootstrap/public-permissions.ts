import type { Core } from '@strapi/strapi';
import { PUBLIC_COLLECTION_TYPES, PUBLIC_SINGLE_TYPES } from '../editorial-types';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** The only actions the Public role may perform: reading the public types. */
export function publicActions(): string[] {
  return [
    ...PUBLIC_COLLECTION_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]),
    ...PUBLIC_SINGLE_TYPES.map((uid) => `${uid}.find`),
  ];
}

/**
 * Makes the Public role read-only on the public types and nothing else: missing read
 * permissions are added, any other permission (including self-registration) is removed,
 * and self-registration is switched off since the site has no visitor accounts.
 */
export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions public role not found');

  const wanted = new Set(publicActions());
  const existing: Array<{ id: number; action: string }> = await strapi.db
    .query(PERMISSION_UID)
    .findMany({ where: { role: role.id }, select: ['id', 'action'] });

  const unwanted = existing.filter((permission) => !wanted.has(permission.action));
  if (unwanted.length > 0) {
    await strapi.db
      .query(PERMISSION_UID)
      .deleteMany({ where: { id: { $in: unwanted.map((permission) => permission.id) } } });
  }
  const present = new Set(existing.map((permission) => permission.action));
  for (const action of wanted) {
    if (!present.has(action)) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  }
}
