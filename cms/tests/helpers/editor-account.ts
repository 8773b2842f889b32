import { expect } from 'vitest';
import { request } from './http';

/** An Éditeur's account, as the admin invites one and the person registers. */
export interface EditorAccount {
  email: string;
  password: string;
  /** The admin token of the registration's session. */
  token: string;
}

/**
 * Invites Camille as an Éditeur (Settings → Users, by an administrator) and registers her
 * through the invitation link, as she would; checks the role and her interface language.
 */
export async function createEditor(cmsUrl: string, adminToken: string): Promise<EditorAccount> {
  const roles = await request(cmsUrl, '/admin/roles', { token: adminToken });
  const role = roles.body.data.find(
    (candidate: { code: string }) => candidate.code === 'dejala-editeur',
  );
  expect(role?.name).toBe('Éditeur');

  const person = { firstname: 'Camille', lastname: 'Rédaction', email: 'camille@example.org' };
  const invited = await request(cmsUrl, '/admin/users', {
    method: 'POST',
    token: adminToken,
    body: { ...person, roles: [role.id] },
  });
  expect(invited.status).toBe(201);
  expect(invited.body.data.preferedLanguage).toBe('fr');
  const password = 'Redaction-2026';
  const registered = await request(cmsUrl, '/admin/register', {
    method: 'POST',
    body: {
      registrationToken: invited.body.data.registrationToken,
      userInfo: { firstname: person.firstname, lastname: person.lastname, password },
    },
  });
  expect(registered.status).toBe(200);
  return { email: person.email, password, token: registered.body.data.token };
}
