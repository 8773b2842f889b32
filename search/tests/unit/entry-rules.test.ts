import { describe, expect, it } from 'vitest';
import { SCHEMAS, checkEntry, editorsMessage } from '../../src/schemas/entry-rules.js';
import { SITE_RULES } from '../../src/schemas/site-rules.js';

const text = (value: string) => ({ type: 'text', text: value });
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const link = (url: string) => ({ type: 'link', url, children: [text('le lien')] });

const page = (fields: Record<string, unknown>) => ({
  documentId: 'doc-page',
  updatedAt: '2026-11-30T00:00:00.000Z',
  title: 'Nos partenaires',
  slug: 'partenaires',
  body: [paragraph(text('Une page libre.'))],
  ...fields,
});

const training = (session: Record<string, unknown>) => ({
  documentId: 'doc-training',
  updatedAt: '2026-11-30T00:00:00.000Z',
  title: 'Animer une concertation',
  slug: 'animer-une-concertation',
  summary: 'Deux jours.',
  sessions: [{ startDate: '2027-03-01', mode: 'onsite', status: 'open', ...session }],
});

/** What the build log says and what the editor reads, for one entry. */
function problem(collection: keyof typeof SCHEMAS, entry: Record<string, unknown>) {
  const checked = checkEntry(SCHEMAS[collection] as never, collection, entry);
  if (checked.ok) return null;
  return {
    field: checked.invalid.field,
    problem: checked.invalid.problem,
    editors: editorsMessage(checked.issue),
  };
}

describe('the rules the site holds entries to', () => {
  it('accepts an entry the site can render', () => {
    expect(problem('pages', page({}))).toBeNull();
    expect(
      problem('trainings', training({ registrationUrl: 'https://exemple.fr/inscription' })),
    ).toBeNull();
    expect(
      problem(
        'pages',
        page({ body: [paragraph(link('/offres/')), paragraph(link('mailto:contact@deja-la.fr'))] }),
      ),
    ).toBeNull();
  });

  it('names a rich-text image without a text alternative', () => {
    const image = { url: '/uploads/carte.png', alternativeText: '  ' };
    expect(
      problem('pages', page({ body: [paragraph(text('ok')), { type: 'image', image }] })),
    ).toEqual({
      field: 'body.1.image.alternativeText',
      problem: SITE_RULES.imageAlternative.operators,
      editors: SITE_RULES.imageAlternative.editors,
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', ''])(
    'names a rich-text link to %j',
    (url) => {
      expect(problem('pages', page({ body: [paragraph(text('voir '), link(url))] }))).toEqual({
        field: 'body.0.children.1.url',
        problem: SITE_RULES.linkProtocol.operators,
        editors: SITE_RULES.linkProtocol.editors,
      });
    },
  );

  it('names a registration link a browser cannot open, inside its session', () => {
    expect(problem('trainings', training({ registrationUrl: 'javascript:void(0)' }))).toEqual({
      field: 'sessions.0.registrationUrl',
      problem: SITE_RULES.linkProtocol.operators,
      editors: SITE_RULES.linkProtocol.editors,
    });
  });

  it.each(['offres', 'mediatheque', 'rss.xml', 'preview'])(
    'names a free page on the site’s own address %j',
    (slug) => {
      expect(problem('pages', page({ slug }))).toEqual({
        field: 'slug',
        problem: SITE_RULES.reservedSlug.operators,
        editors: SITE_RULES.reservedSlug.editors,
      });
    },
  );

  it.each(['recherche', 'annees'])(
    'names a médiathèque item on the médiathèque’s address %j',
    (slug) => {
      const item = {
        documentId: 'doc-media',
        updatedAt: '2026-11-30T00:00:00.000Z',
        title: 'Une ressource',
        type: 'article',
        summary: 'Résumé.',
        slug,
      };
      expect(problem('mediaItems', item)).toEqual({
        field: 'slug',
        problem: SITE_RULES.reservedSlug.operators,
        editors: SITE_RULES.reservedSlug.editors,
      });
      expect(problem('mediaItems', { ...item, slug: 'recherche-action' })).toBeNull();
    },
  );

  it('names a blank title', () => {
    expect(problem('pages', page({ title: '   ' }))).toEqual({
      field: 'title',
      problem: SITE_RULES.blank.operators,
      editors: SITE_RULES.blank.editors,
    });
  });

  it('names a block the site does not know, at block and at inline level', () => {
    const unknown = {
      problem: SITE_RULES.unknownBlock.operators,
      editors: SITE_RULES.unknownBlock.editors,
    };
    expect(problem('pages', page({ body: [{ type: 'carousel', children: [] }] }))).toEqual({
      field: 'body.0.type',
      ...unknown,
    });
    expect(
      problem('pages', page({ body: [paragraph({ type: 'mention', children: [] })] })),
    ).toEqual({ field: 'body.0.children.0.type', ...unknown });
  });

  it('tells a missing field from a wrong one, and a value outside the choices', () => {
    const { title: _title, ...untitled } = page({});
    expect(problem('pages', untitled)).toMatchObject({
      field: 'title',
      editors: 'Ce champ est obligatoire pour publier.',
    });
    expect(problem('pages', page({ title: 42 }))).toMatchObject({
      field: 'title',
      editors: 'Ce champ n’a pas la forme attendue par le site.',
    });
    expect(problem('trainings', training({ mode: 'hybride' }))).toMatchObject({
      field: 'sessions.0.mode',
      editors: 'Cette valeur ne fait pas partie des choix proposés.',
    });
  });

  it('has an English and a French wording for every rule', () => {
    for (const [name, rule] of Object.entries(SITE_RULES) as Array<
      [string, { operators: string; editors: string }]
    >) {
      expect(rule.operators, name).toMatch(/^[a-z][ -~]+$/);
      expect(rule.editors, name).toMatch(/^[A-ZÀ-Ý].+[.!]$/);
    }
  });
});
