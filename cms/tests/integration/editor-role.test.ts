import { beforeAll, describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { createEditor } from '../helpers/editor-account';
import { adminLogin, request } from '../helpers/http';

const OFFERS = '/content-manager/collection-types/api::offer.offer';

describe.each(testDatabases())('Éditeur role on %s', (database) => {
  const cms = useCmsInstance(database);
  let editor: string;

  beforeAll(async () => {
    editor = (await createEditor(cms.url, await adminLogin(cms.url, cms.env.admin))).token;
  });

  it('sees the site’s types in the content manager, not the visitors’ accounts (User)', async () => {
    const types = await request(cms.url, '/content-manager/content-types', { token: editor });
    const shown = (types.body.data as Array<{ uid: string; isDisplayed: boolean }>)
      .filter((type) => type.isDisplayed)
      .map((type) => type.uid);
    expect(shown).toContain('api::offer.offer');
    expect(shown).not.toContain('plugin::users-permissions.user');
  });

  it('creates, edits, publishes, unpublishes and deletes content', async () => {
    const created = await request(cms.url, OFFERS, {
      method: 'POST',
      token: editor,
      body: {
        title: 'Outiller le débat public',
        slug: 'outiller-le-debat-public',
        summary: 'Consultations, concertations.',
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;

    const edited = await request(cms.url, `${OFFERS}/${id}`, {
      method: 'PUT',
      token: editor,
      body: { tagline: 'Nouvelle accroche' },
    });
    expect(edited.status).toBe(200);
    expect(
      (
        await request(cms.url, `${OFFERS}/${id}/actions/publish`, {
          method: 'POST',
          token: editor,
          body: {},
        })
      ).status,
    ).toBe(200);
    const live = await request(cms.url, '/api/offers');
    expect(live.body.data.map((offer: { tagline: string }) => offer.tagline)).toEqual([
      'Nouvelle accroche',
    ]);

    expect(
      (
        await request(cms.url, `${OFFERS}/${id}/actions/unpublish`, {
          method: 'POST',
          token: editor,
          body: {},
        })
      ).status,
    ).toBe(200);
    expect((await request(cms.url, '/api/offers')).body.data).toEqual([]);
    expect(
      (await request(cms.url, `${OFFERS}/${id}`, { method: 'DELETE', token: editor })).status,
    ).toBe(200);
  });

  it('edits the single types (home page, site settings)', async () => {
    const response = await request(cms.url, '/content-manager/single-types/api::global.global', {
      method: 'PUT',
      token: editor,
      body: { siteName: 'Déjà-là' },
    });
    expect(response.status).toBe(200);
  });

  it('cannot touch settings, users, roles, tokens, webhooks or the content-type builder', async () => {
    const forbidden: Array<[string, string, unknown?]> = [
      ['GET', '/admin/users'],
      ['GET', '/admin/roles'],
      ['POST', '/admin/roles', { name: 'Pirate' }],
      ['GET', '/admin/api-tokens'],
      ['POST', '/admin/api-tokens', { name: 'pirate', type: 'full-access', lifespan: null }],
      ['GET', '/admin/webhooks'],
      ['GET', '/content-type-builder/content-types'],
      [
        'POST',
        '/content-type-builder/update-schema',
        { data: { contentTypes: [], components: [] } },
      ],
      ['GET', '/users-permissions/roles'],
    ];
    for (const [method, path, body] of forbidden) {
      const response = await request(cms.url, path, { method, token: editor, body });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it('uploads a picture, and not an SVG, a page or a program whatever its name, saying why in French', async () => {
    const upload = async (name: string, content: Buffer | string, type: string) => {
      const form = new FormData();
      const bytes = typeof content === 'string' ? content : new Uint8Array(content);
      form.append('files', new Blob([bytes], { type }), name);
      const response = await fetch(`${cms.url}/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${editor}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as any };
    };
    // A 1×1 PNG.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const picture = await upload('atelier.png', png, 'image/png');
    expect(picture.status, JSON.stringify(picture.body)).toBe(201);

    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    const program = Buffer.alloc(256);
    program.write('MZ', 0, 'latin1');
    program.writeUInt32LE(128, 0x3c);
    program.write('PE\0\0', 128, 'latin1');
    const refused: Array<[string, Buffer | string, string]> = [
      ['dessin.svg', svg, 'image/svg+xml'],
      ['dessin.png', svg, 'image/png'],
      ['compte-rendu.txt', '<!DOCTYPE html><html><script>alert(1)</script></html>', 'text/plain'],
      ['outil.js', 'fetch("/admin")', 'text/javascript'],
      ['rapport.pdf', program, 'application/pdf'],
    ];
    for (const [name, content, type] of refused) {
      const answer = await upload(name, content, type);
      expect(answer.status, name).toBe(400);
      expect(answer.body.error.message, name).toMatch(
        new RegExp(`^Le fichier « ${name.replace('.', '\\.')} » est refusé : c’est `),
      );
    }
    // A picture and an SVG in one form, under another field name: the whole form is refused.
    const mixed = new FormData();
    mixed.append('files', new Blob([png], { type: 'image/png' }), 'seconde.png');
    mixed.append('other', new Blob([svg], { type: 'image/png' }), 'cache.png');
    const both = await fetch(`${cms.url}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}` },
      body: mixed,
    });
    expect(both.status).toBe(400);
    expect(((await both.json()) as any).error.message).toMatch(/^Le fichier « cache\.png »/);
    const files = await request(cms.url, '/upload/files?pageSize=100', { token: editor });
    expect(files.body.results.map((file: { name: string }) => file.name)).toEqual(['atelier.png']);
  });
});
