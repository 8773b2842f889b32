import { beforeAll, describe, expect, it } from 'vitest';
import { useCmsInstance } from '../helpers/cms-instance';
import { testDatabases } from '../helpers/databases';
import { adminLogin, request } from '../helpers/http';

// As the content-type builder's API formats a schema.
interface ContentType {
  uid: string;
  kind: string;
  displayName: string;
  draftAndPublish?: boolean;
  attributes: Record<
    string,
    { type: string; required?: boolean; enum?: string[]; maxLength?: number }
  >;
}

// uid → French name in the admin, kind, Draft & Publish.
const EXPECTED: Array<[string, string, 'collectionType' | 'singleType', boolean]> = [
  ['api::offer.offer', 'Nos offres', 'collectionType', true],
  ['api::training.training', 'Formations', 'collectionType', true],
  ['api::media-item.media-item', 'Médiathèque', 'collectionType', true],
  ['api::case-study.case-study', 'Études de cas', 'collectionType', true],
  ['api::page.page', 'Pages', 'collectionType', true],
  ['api::theme.theme', 'Thèmes', 'collectionType', false],
  ['api::territory.territory', 'Territoires', 'collectionType', false],
  ['api::home-page.home-page', "Page d'accueil", 'singleType', true],
  ['api::global.global', 'Réglages du site', 'singleType', false],
];

describe.each(testDatabases())('content model on %s', (database) => {
  const cms = useCmsInstance(database);
  let types: Map<string, ContentType>;

  beforeAll(async () => {
    const admin = await adminLogin(cms.url, cms.env.admin);
    const response = await request(cms.url, '/content-type-builder/content-types', {
      token: admin,
    });
    expect(response.status).toBe(200);
    types = new Map(
      response.body.data.map((type: { uid: string; schema: ContentType }) => [
        type.uid,
        { ...type.schema, uid: type.uid },
      ]),
    );
  });

  it('has every content type with its French name, kind and Draft & Publish', () => {
    for (const [uid, displayName, kind, draftAndPublish] of EXPECTED) {
      const type = types.get(uid);
      expect(type, uid).toBeDefined();
      expect(type?.displayName, uid).toBe(displayName);
      expect(type?.kind, uid).toBe(kind);
      expect(Boolean(type?.draftAndPublish), uid).toBe(draftAndPublish);
    }
  });

  it('has the enumerations of the brief', () => {
    const attribute = (uid: string, name: string) => types.get(uid)?.attributes[name];
    expect(attribute('api::media-item.media-item', 'type')?.enum).toEqual([
      'vidéo',
      'article',
      'rapport',
      'podcast',
      'photo',
      'publication',
    ]);
    expect(attribute('api::case-study.case-study', 'conflictLevel')?.enum).toEqual([
      'faible',
      'moyen',
      'fort',
    ]);
    expect(attribute('api::territory.territory', 'kind')?.enum).toEqual([
      'commune',
      'intercommunalité',
      'département',
      'région',
      'bassin versant',
    ]);
  });

  it('gives the training every Qualiopi indicator-1 field and repeatable sessions', () => {
    const training = types.get('api::training.training');
    for (const field of [
      'objectives',
      'audience',
      'prerequisites',
      'duration',
      'accessConditions',
      'accessLeadTime',
      'price',
      'contact',
      'teachingMethods',
      'assessmentMethods',
      'disabilityAccess',
      'results',
      'program',
    ]) {
      expect(training?.attributes[field], field).toBeDefined();
    }
    expect(training?.attributes.sessions).toMatchObject({
      type: 'component',
      repeatable: true,
      component: 'training.session',
    });
  });

  it('requires a title and a unique slug on every editorial collection', () => {
    for (const uid of [
      'api::offer.offer',
      'api::training.training',
      'api::media-item.media-item',
      'api::case-study.case-study',
      'api::page.page',
    ]) {
      const type = types.get(uid);
      expect(type?.attributes.title?.required, uid).toBe(true);
      expect(type?.attributes.slug?.type, uid).toBe('uid');
    }
  });

  it('links offers, media items and case studies both ways', () => {
    const relation = (uid: string, name: string) =>
      types.get(uid)?.attributes[name] as { target?: string } | undefined;
    expect(relation('api::offer.offer', 'mediaItems')?.target).toBe('api::media-item.media-item');
    expect(relation('api::media-item.media-item', 'offers')?.target).toBe('api::offer.offer');
    expect(relation('api::media-item.media-item', 'caseStudies')?.target).toBe(
      'api::case-study.case-study',
    );
    expect(relation('api::case-study.case-study', 'mediaItems')?.target).toBe(
      'api::media-item.media-item',
    );
    expect(relation('api::case-study.case-study', 'offers')?.target).toBe('api::offer.offer');
  });

  it('keeps the search outbox out of the admin and the public API', async () => {
    expect(types.get('api::search-outbox.search-outbox')?.attributes.mediaDocumentId).toBeDefined();
    expect((await request(cms.url, '/api/search-outboxes')).status).toBe(404);
  });
});
