import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';

const SITE = 'https://www.deja-la.fr';

// What the CMS's answers tell a browser: which pages may call it, what it runs on, how to
// read an upload.
describe('the CMS’s HTTP headers', () => {
  const cms = useCmsInstance('sqlite', () => ({ SITE_URL: `${SITE}/` }));

  const fromOrigin = (origin: string, method = 'GET') =>
    fetch(`${cms.url}/api/offers`, {
      method,
      headers:
        method === 'OPTIONS' ? { origin, 'access-control-request-method': 'GET' } : { origin },
    });

  it('lets the site’s pages call it with credentials, and no other origin', async () => {
    for (const method of ['GET', 'OPTIONS']) {
      const site = await fromOrigin(SITE, method);
      expect(site.headers.get('access-control-allow-origin'), method).toBe(SITE);
      expect(site.headers.get('access-control-allow-credentials'), method).toBe('true');
      const other = await fromOrigin('https://pirate.example', method);
      expect(other.headers.get('access-control-allow-origin'), method).toBeNull();
    }
  });

  it('does not name its software', async () => {
    expect((await fetch(`${cms.url}/api/offers`)).headers.get('x-powered-by')).toBeNull();
  });

  it('serves uploads with their type, not one a browser would guess', async () => {
    const dir = path.join(cms.env.vars.CMS_PUBLIC_DIR!, 'uploads');
    fs.writeFileSync(path.join(dir, 'notes.txt'), '<script>alert(1)</script>');
    const response = await fetch(`${cms.url}/uploads/notes.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  });
});
