import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Blocks from '../../src/components/Blocks.astro';
import { CMS_CONTENT_TYPES } from '../../src/content/collection-types';
import { validateEntry } from '../../src/content/cms-entries';
import type { Block } from '@dejala/search/schemas/blocks';
import { ContentStore } from '../../src/content/content-store';
import { SiteContent } from '../../src/content/site-content';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

// Pages render with the content in their locals: images are linked on the CMS's public address.
const content = new SiteContent(
  new ContentStore({ url: 'http://cms:1337', publicUrl: 'https://cms.deja-la.fr' }),
);
const render = (blocks: Block[]) =>
  container.renderToString(Blocks, { props: { blocks }, locals: { content } });
const paragraph = (...children: any[]): Block => ({ type: 'paragraph', children });
const text = (value: string, marks: Record<string, boolean> = {}) => ({
  type: 'text' as const,
  text: value,
  ...marks,
});
const link = (url: string, label: string) => ({
  type: 'link' as const,
  url,
  children: [text(label)],
});

describe('Blocks renderer with hostile content', () => {
  it('escapes markup in text instead of rendering it', async () => {
    const html = await render([
      paragraph(text('<script>alert(1)</script>')),
      paragraph(text('<img src=x onerror="alert(2)">', { bold: true })),
      { type: 'heading', level: 2, children: [text('</h3><iframe src="https://evil.example">')] },
    ]);
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<strong>&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</strong>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
  ])('drops the link %j but keeps its text', async (url) => {
    const html = await render([paragraph(text('Voir '), link(url, 'ce lien'))]);
    expect(html).not.toContain('<a');
    expect(html).toContain('ce lien');
    expect(html.toLowerCase()).not.toMatch(/javascript|vbscript|data:/);
  });

  it('escapes attribute breakouts in a link URL', async () => {
    const html = await render([
      paragraph(link('https://example.org/"><script>alert(1)</script>', 'lien')),
    ]);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/<a href="https:\/\/example\.org\/%22%3E%3Cscript%3E[^"]*"/);
  });

  it('marks external links and keeps site links relative', async () => {
    const html = await render([
      paragraph(link('https://example.org/page', 'dehors'), link('/offres/', 'dedans')),
    ]);
    expect(html).toContain(
      '<a href="https://example.org/page" class="external" rel="noopener noreferrer">',
    );
    expect(html).toContain('(site externe)');
    expect(html).toMatch(/<a href="\/offres\/">(<!--.*?-->)?dedans/);
  });

  it('renders lists, quotes and marks with their elements', async () => {
    const html = await render([
      {
        type: 'list',
        format: 'ordered',
        children: [{ type: 'list-item', children: [text('un')] }],
      },
      { type: 'quote', children: [text('cité', { italic: true })] },
    ]);
    expect(html).toMatch(/<ol>\s*<li>un<\/li>\s*<\/ol>/);
    expect(html).toContain('<blockquote><p><em>cité</em></p></blockquote>');
  });

  it('shifts CMS headings below the page title', async () => {
    const html = await render([{ type: 'heading', level: 1, children: [text('Titre')] }]);
    expect(html).toContain('<h2>Titre</h2>');
  });

  it('renders images with their text alternative, and the schema refuses images without one', async () => {
    const image = {
      url: '/uploads/carte.png',
      alternativeText: 'Carte du bassin versant',
      width: 800,
      height: 600,
    };
    const html = await render([{ type: 'image', image, children: [] }]);
    expect(html).toContain('alt="Carte du bassin versant"');
    expect(html).toContain('src="https://cms.deja-la.fr/uploads/carte.png"');
    const entry = {
      documentId: 'doc-1',
      title: 'Page',
      slug: 'page',
      updatedAt: '2026-01-01T00:00:00.000Z',
      body: [
        { type: 'paragraph', children: [text('ok')] },
        { type: 'image', image: { ...image, alternativeText: null }, children: [] },
      ],
    };
    expect(() => validateEntry(CMS_CONTENT_TYPES.pages, entry)).toThrow(
      'CMS entry page doc-1: field "body.1.image.alternativeText" is missing (text alternative of an image)',
    );
  });

  it('names an unknown block type rather than dropping it', () => {
    const entry = {
      documentId: 'doc-2',
      title: 'Page',
      slug: 'page',
      updatedAt: '2026-01-01T00:00:00.000Z',
      body: [{ type: 'carousel', children: [] }],
    };
    expect(() => validateEntry(CMS_CONTENT_TYPES.pages, entry)).toThrow(
      'CMS entry page doc-2: field "body.0.type" is not a known block type',
    );
  });
});
