// Drafts never reach the public through the REST API, whoever asks and however they ask.
// An attacker's matrix: every header shape × path spelling × status-like parameter, populate
// and filter, on find and findOne — generated, not hand-picked. A draft is recognised by a
// marker in its text and by the documentIds of the entries that exist only as drafts.
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { adminLogin, createApiToken, createFullAccessToken, request } from '../helpers/http';

const MARKER = 'SECRETDRAFT';

/** A GET sent with its path exactly as written (fetch would normalise some spellings). */
function rawGet(
  baseUrl: string,
  path: string,
  authorization: string | undefined,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: hostname,
        port,
        path,
        method: 'GET',
        headers: authorization ? { authorization } : {},
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Spellings of one REST path that Strapi's router may still match. */
function spellings(path: string): string[] {
  const [, resource, ...rest] = path.split('/').filter(Boolean);
  const tail = rest.length > 0 ? `/${rest.join('/')}` : '';
  const encoded = [...resource].map((char) => `%${char.charCodeAt(0).toString(16)}`).join('');
  return [
    `/api/${resource}${tail}`,
    `/API/${resource}${tail}`,
    `/Api/${resource.toUpperCase()}${tail}`,
    `/api/${encoded}${tail}`,
    `/api/${resource.replace('-', '%2D')}${tail}`,
    `/api/${resource}${tail}/`,
    `//api/${resource}${tail}`,
    `/api/./${resource}${tail}`,
  ];
}

/** Status-like parameters and their spellings: none of them may open drafts to the public. */
const STATUS_QUERIES = [
  '',
  'status=draft',
  'status=DRAFT',
  'status=Draft',
  'status[0]=draft',
  'status[]=draft',
  'status=published&status=draft',
  'status=draft&status=published',
  'status=%64raft',
  'publicationState=preview',
  'publicationFilter=never-published',
  'publicationFilter=never-published-document',
  'publicationFilter=modified',
  'publicationFilter=has-published-version',
  'hasPublishedVersion=false',
  'hasPublishedVersion=true',
  'status=draft&publicationFilter=never-published',
];

describe.each(testDatabases())('drafts stay private on %s', (database) => {
  const cms = useCmsInstance(database);
  const ids = {} as Record<
    'theme' | 'published' | 'draftOnly' | 'caseStudyDraft' | 'offer' | 'pageDraft',
    string
  >;
  const headers: Array<[label: string, value: string | undefined]> = [];

  beforeAll(async () => {
    const adminJwt = await adminLogin(cms.url, cms.env.admin);
    const writer = await createFullAccessToken(cms.url, adminJwt);
    const send = async (method: string, path: string, data: Record<string, unknown>) => {
      const response = await request(cms.url, `/api/${path}`, {
        method,
        token: writer,
        body: { data },
      });
      expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBeLessThan(
        300,
      );
      return response.body.data.documentId as string;
    };

    ids.theme = await send('POST', 'themes', { name: 'Eau', slug: 'eau' });
    ids.published = await send('POST', 'media-items', {
      title: 'Rapport publié',
      slug: 'rapport-publie',
      type: 'rapport',
      summary: 'Visible de tous.',
      themes: [ids.theme],
    });
    // A newer draft of a published item: its text must stay invisible until published.
    await send('PUT', `media-items/${ids.published}?status=draft`, {
      title: `Titre ${MARKER} en relecture`,
      summary: `Résumé ${MARKER} pas encore validé.`,
    });
    ids.draftOnly = await send('POST', 'media-items?status=draft', {
      title: `Note ${MARKER} confidentielle`,
      slug: 'note-confidentielle',
      type: 'article',
      summary: `Jamais publiée ${MARKER}.`,
      themes: [ids.theme],
    });
    // Draft-only entries related to published ones, from both sides of the relation.
    ids.caseStudyDraft = await send('POST', 'case-studies?status=draft', {
      title: `Étude ${MARKER}`,
      slug: 'etude-brouillon',
      summary: `Résumé ${MARKER}.`,
      year: 2026,
      mediaItems: [ids.published],
    });
    ids.offer = await send('POST', 'offers', {
      title: 'Offre publiée',
      slug: 'offre-publiee',
      summary: 'En ligne.',
      mediaItems: [ids.published, ids.draftOnly],
      caseStudies: [ids.caseStudyDraft],
    });
    ids.pageDraft = await send('POST', 'pages?status=draft', {
      title: `Page ${MARKER}`,
      slug: 'page-brouillon',
    });
    await send('PUT', 'home-page', {
      heroTitle: 'Accueil',
      featuredMediaItems: [ids.published, ids.draftOnly],
    });
    await send('PUT', 'home-page?status=draft', { heroTitle: `Accueil ${MARKER}` });

    // Tokens of every kind a caller might hold, none of them the preview token.
    const readOnly = await createApiToken(cms.url, adminJwt, {
      name: 'lecture-seule',
      type: 'read-only',
    });
    const custom = await createApiToken(cms.url, adminJwt, {
      name: 'lecture-mediatheque',
      type: 'custom',
      permissions: ['api::media-item.media-item.find', 'api::media-item.media-item.findOne'],
    });
    const basic = Buffer.from(`${cms.env.admin.email}:${cms.env.admin.password}`).toString(
      'base64',
    );
    headers.push(
      ['no header', undefined],
      ['empty', ''],
      ['Bearer alone', 'Bearer'],
      ['empty bearer', 'Bearer '],
      ['several words', 'Bearer one two three'],
      ['wrong token', `Bearer ${'0'.repeat(64)}`],
      ['lower-case scheme, wrong token', `bearer ${'f'.repeat(64)}`],
      ['Basic', `Basic ${basic}`],
      ['other scheme', `Token ${cms.env.siteToken}`],
      ['admin session JWT', `Bearer ${adminJwt}`],
      ['preview token with a suffix', `Bearer ${cms.env.previewToken}x`],
      ['preview token as Basic', `Basic ${cms.env.previewToken}`],
      ['site build token', `Bearer ${cms.env.siteToken}`],
      ['read-only token', `Bearer ${readOnly}`],
      ['custom find token', `Bearer ${custom}`],
    );
  });

  /** The paths an attacker tries, each with the parameters that could reach a draft. */
  function probes(): Array<{ path: string; oracle: boolean }> {
    const list: Array<{ path: string; oracle: boolean }> = [];
    const targets = [
      '/api/media-items',
      `/api/media-items/${ids.draftOnly}`,
      `/api/media-items/${ids.published}`,
      `/api/case-studies/${ids.caseStudyDraft}`,
      `/api/pages/${ids.pageDraft}`,
      '/api/pages',
      '/api/home-page',
    ];
    for (const target of targets) {
      for (const path of spellings(target)) {
        for (const query of STATUS_QUERIES) {
          list.push({ path: query ? `${path}?${query}` : path, oracle: false });
        }
      }
    }
    // Relations and filters that could reach a draft from a published entry.
    const populates = [
      'populate=*',
      'populate[mediaItems][populate]=*',
      'populate[caseStudies][populate]=*',
      'populate[offers][populate][mediaItems]=*',
      'populate[featuredMediaItems][populate]=*',
      'populate[mediaItems][filters][title][$containsi]=secret',
    ];
    for (const path of ['/api/offers', `/api/offers/${ids.offer}`, '/api/home-page']) {
      for (const populate of populates) {
        for (const status of ['', '&status=draft', '&publicationFilter=never-published']) {
          list.push({ path: `${path}?${populate}${status}`, oracle: false });
        }
      }
    }
    for (const path of ['/api/media-items', `/api/media-items/${ids.published}`]) {
      for (const populate of ['populate=*', 'populate[caseStudies]=*', 'populate[offers]=*']) {
        list.push({ path: `${path}?${populate}`, oracle: false });
      }
    }
    // Filters on what only a draft has: a match would prove the draft exists (an oracle).
    const filters = [
      '/api/media-items?filters[title][$containsi]=secret',
      '/api/media-items?filters[summary][$containsi]=secret',
      '/api/media-items?filters[slug][$eq]=note-confidentielle',
      `/api/media-items?filters[documentId][$eq]=${ids.draftOnly}`,
      '/api/media-items?filters[caseStudies][title][$containsi]=secret',
      '/api/media-items?filters[$or][0][title][$containsi]=secret&filters[$or][1][summary][$containsi]=secret',
      '/api/offers?filters[mediaItems][title][$containsi]=secret',
      `/api/offers?filters[mediaItems][documentId][$eq]=${ids.draftOnly}`,
      '/api/offers?filters[caseStudies][title][$containsi]=secret',
      '/api/media-items?_q=secretdraft',
      '/api/pages?filters[slug][$eq]=page-brouillon',
      '/api/case-studies?filters[title][$containsi]=secret',
    ];
    for (const path of filters) {
      for (const status of ['', '&status=draft', '&publicationFilter=never-published']) {
        list.push({ path: `${path}${status}`, oracle: true });
      }
    }
    return list;
  }

  function leaks(text: string): string[] {
    const found: string[] = [];
    if (text.toUpperCase().includes(MARKER)) found.push('draft text');
    for (const key of ['draftOnly', 'caseStudyDraft', 'pageDraft'] as const) {
      if (text.includes(ids[key])) found.push(`documentId of ${key}`);
    }
    return found;
  }

  it('the preview token reads every draft the matrix looks for (the probes can see a leak)', async () => {
    const preview = `Bearer ${cms.env.previewToken}`;
    for (const path of [
      `/api/media-items/${ids.draftOnly}?status=draft`,
      `/api/media-items/${ids.published}?status=draft`,
      `/api/case-studies/${ids.caseStudyDraft}?status=draft`,
      `/api/pages/${ids.pageDraft}?status=draft`,
      '/api/home-page?status=draft',
    ]) {
      const response = await rawGet(cms.url, path, preview);
      expect(response.status, path).toBe(200);
      expect(leaks(response.text), path).not.toEqual([]);
    }
  });

  it('serves no draft to any other caller, header, path spelling or parameter', async () => {
    const list = probes();
    const failures: string[] = [];
    let served = 0;
    for (const [label, header] of headers) {
      for (const { path, oracle } of list) {
        const response = await rawGet(cms.url, path, header);
        const found = leaks(response.text);
        if (response.status >= 500) found.push(`status ${response.status}`);
        if (oracle && response.status === 200) {
          const body = JSON.parse(response.text) as { data: unknown };
          if (Array.isArray(body.data) ? body.data.length > 0 : body.data !== null)
            found.push('a filter on draft-only content matched');
        }
        if (response.status === 200) served += 1;
        if (found.length > 0) failures.push(`${label} GET ${path}: ${found.join(', ')}`);
      }
    }
    expect(failures.slice(0, 20), `${failures.length} leaks`).toEqual([]);
    // The matrix reached content, not only refusals: the published entries are served.
    expect(served).toBeGreaterThan(headers.length * 10);
  });

  it('shows the public what is published, relations included', async () => {
    const offer = await request(cms.url, `/api/offers/${ids.offer}?populate=*`);
    expect(offer.status).toBe(200);
    expect(offer.body.data.mediaItems.map((item: { slug: string }) => item.slug)).toEqual([
      'rapport-publie',
    ]);
    const item = await request(cms.url, `/api/media-items/${ids.published}`);
    expect(item.body.data.title).toBe('Rapport publié');
  });

  it('refuses an explicit request for drafts with a 400 naming the parameter', async () => {
    for (const query of ['status=draft', 'publicationFilter=never-published']) {
      const response = await request(cms.url, `/api/media-items?${query}`);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body.error), query).toContain(query.split('=')[0]);
    }
  });
});
