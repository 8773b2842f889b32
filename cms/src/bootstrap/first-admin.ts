import type { Core } from '@strapi/strapi';

/**
 * Creates the first super admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin user exists
 * yet, with the admin interface in French. Does nothing once any admin exists, so changing
 * the password in the admin is never undone by a restart.
 */
export async function ensureFirstAdmin(
  strapi: Core.Strapi,
  email: string | undefined,
  password: string | undefined,
): Promise<void> {
  if (!email || !password) return;
  const userService = strapi.service('admin::user');
  if (await userService.exists()) {
    // The local stack keeps it in .env on purpose (printed once); a server should not.
    if (process.env.NODE_ENV === 'production') {
      strapi.log.warn(
        'ADMIN_PASSWORD is still set although an admin exists: it is only read to create the first admin. Delete its value from .env and restart.',
      );
    }
    return;
  }

  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('Super Admin role missing: cannot create the first admin.');
  await userService.create({
    email: email.toLowerCase(),
    firstname: 'Administrateur',
    lastname: 'Déjà-là',
    password,
    isActive: true,
    preferedLanguage: 'fr',
    roles: [superAdmin.id],
  });
  strapi.log.info(`First admin created: ${email}`);
}
