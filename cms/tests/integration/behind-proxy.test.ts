import { describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';

// Production runs the CMS behind one reverse proxy that appends the client's address to
// X-Forwarded-For. Whatever a client writes in front of it must not become its address.
describe('the CMS behind a reverse proxy', () => {
  const cms = useCmsInstance('sqlite', () => ({ CMS_BEHIND_PROXY: 'true' }));

  it('rate-limits admin logins on the address the proxy saw, not one the client chose', async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      const response = await fetch(`${cms.url}/admin/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // A new forged address each time, then the one our proxy appended.
          'x-forwarded-for': `203.0.113.${attempt}, 198.51.100.7`,
        },
        body: JSON.stringify({ email: cms.env.admin.email, password: 'Mauvais-mot-de-passe-1' }),
      });
      statuses.push(response.status);
    }
    // Strapi allows 5 attempts per address and email, then answers 429.
    expect(statuses.slice(0, 5).every((status) => status === 400)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
