import { beforeAll, describe, expect, it } from 'vitest';
import { MEDIA_INDEX_UID, toMediaDocument, type MediaEntry } from '../../src/media-document.js';
import { ensureMediaIndex } from '../../src/media-index.js';
import { MEDIA_INDEX_SETTINGS } from '../../src/media-index-settings.js';
import { succeeded } from '../../src/tasks.js';
import { useMeili } from '../helpers/meili.js';

const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

// A small French corpus whose expected top hits are known.
const ENTRIES: MediaEntry[] = [
  {
    documentId: 'concertation',
    title: 'La concertation sur le risque inondation',
    slug: 'concertation-inondation',
    type: 'rapport',
    summary: 'Synthèse d’une concertation avec les riverains.',
    body: paragraph('Les habitants ont été associés au calendrier des travaux.'),
    year: 2021,
  },
  {
    documentId: 'mediatheque',
    title: 'Présentation de la médiathèque',
    slug: 'mediatheque',
    type: 'article',
    summary: 'Vidéos, articles et rapports sur le dialogue.',
    body: paragraph('Comment chercher une ressource.'),
    year: 2024,
  },
  {
    documentId: 'territoires',
    title: 'Pour des territoires apprenants',
    slug: 'territoires-apprenants',
    type: 'article',
    summary: 'Des stratégies, des besoins et des cultures qui s’ignorent.',
    body: paragraph('La coopération entre acteurs privés et publics.'),
    year: 2023,
  },
  {
    documentId: 'territoire',
    title: 'Habiter un territoire rural',
    slug: 'habiter-un-territoire',
    type: 'photo',
    summary: 'Portraits d’habitants.',
    body: paragraph('Reportage dans les Cévennes.'),
    year: 2019,
  },
  {
    documentId: 'eau',
    title: 'Partager l’eau en période de sécheresse',
    slug: 'partager-l-eau',
    type: 'podcast',
    summary: 'Agriculture, tourisme et milieux naturels face à la ressource.',
    body: paragraph('Le syndicat de rivière a réuni les usagers.'),
    year: 2022,
  },
  {
    documentId: 'foret',
    title: 'Les usages de la forêt méditerranéenne',
    slug: 'usages-foret',
    type: 'vidéo',
    summary: 'Bois, chasse, randonnée, pastoralisme.',
    body: paragraph('Concilier les usages.'),
    year: 2020,
  },
];

describe('media index', () => {
  const meili = useMeili();
  const index = () => meili.admin.index(MEDIA_INDEX_UID);

  beforeAll(async () => {
    await ensureMediaIndex(meili.admin);
    await succeeded(index().addDocuments(ENTRIES.map((entry) => toMediaDocument(entry))));
  });

  it('applies the settings as code, idempotently', async () => {
    await ensureMediaIndex(meili.admin);
    const settings = await index().getSettings();
    expect(settings.searchableAttributes).toEqual(MEDIA_INDEX_SETTINGS.searchableAttributes);
    expect(settings.filterableAttributes?.slice().sort()).toEqual(
      [...(MEDIA_INDEX_SETTINGS.filterableAttributes as string[])].sort(),
    );
    expect(settings.sortableAttributes?.slice().sort()).toEqual(
      [...(MEDIA_INDEX_SETTINGS.sortableAttributes as string[])].sort(),
    );
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ['*'], locales: ['fra'] }]);
    expect(settings.pagination?.maxTotalHits).toBe(100_000);
    expect((await meili.admin.getIndex(MEDIA_INDEX_UID)).primaryKey).toBe('id');
  });

  it('can be ensured by several callers at once on a new index', async () => {
    const uid = 'media-concurrent';
    await Promise.all([1, 2, 3].map(() => ensureMediaIndex(meili.admin, uid)));
    expect((await meili.admin.getIndex(uid)).primaryKey).toBe('id');
    expect((await meili.admin.index(uid).getSettings()).searchableAttributes).toEqual(
      MEDIA_INDEX_SETTINGS.searchableAttributes,
    );
    await succeeded(meili.admin.deleteIndex(uid));
  });

  const topHit = async (query: string) => (await index().search(query)).hits[0]?.id;

  it('tolerates a typo: "concertaion"', async () => {
    expect(await topHit('concertaion')).toBe('concertation');
  });

  it('ignores dropped accents: "mediatheque"', async () => {
    expect(await topHit('mediatheque')).toBe('mediatheque');
  });

  it('matches singular and plural: "territoire" and "territoires"', async () => {
    const ids = async (query: string) =>
      (await index().search(query)).hits.map((hit) => hit.id).sort();
    expect(await ids('territoire')).toEqual(['territoire', 'territoires']);
    // The plural query must find the singular word (synonym list; typo tolerance for long words).
    expect(await ids('territoires')).toEqual(['territoire', 'territoires']);
  });

  it('finds "eau" inside the elision "l’eau"', async () => {
    expect(await topHit('eau')).toBe('eau');
  });

  it('filters by facet and sorts by date', async () => {
    const result = await index().search('', {
      filter: ['type = "article"'],
      sort: ['publishedAt:desc'],
      facets: ['type', 'year'],
    });
    expect(result.hits.map((hit) => hit.id)).toEqual(['mediatheque', 'territoires']);
    expect(result.facetDistribution?.type).toEqual({ article: 2 });
  });
});
