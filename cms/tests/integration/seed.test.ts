import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticMediaItems } from '../../seed/synthetic';
import { createCmsEnv, removeCmsEnv, type CmsEnv } from '../helpers/cms-env';
import { runSeed, startCmsServer, type CmsServer, type SeedOutput } from '../helpers/cms-process';
import { postgresCluster, testDatabases } from '../helpers/databases';
import { request } from '../helpers/http';
import { COLLECTION_ENDPOINTS } from '../helpers/public-api';

async function publicCounts(url: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of COLLECTION_ENDPOINTS) {
    const response = await request(url, `/api/${name}?pagination[pageSize]=1`);
    counts[name] = response.body.meta.pagination.total;
  }
  return counts;
}

const createdTotal = (output: SeedOutput) =>
  Object.values(output.report).reduce((sum, step) => sum + step.created, 0);

describe.each(testDatabases())('seed on %s', (database) => {
  let env: CmsEnv;
  let server: CmsServer | undefined;
  let first: SeedOutput;
  let second: SeedOutput;

  beforeAll(async () => {
    env = await createCmsEnv(database, database === 'postgres' ? postgresCluster() : undefined);
    first = await runSeed(env);
    second = await runSeed(env);
  });

  afterAll(async () => {
    await server?.stop();
    removeCmsEnv(env);
  });

  it('imports the real content on the first run, with progress', () => {
    expect(first.report['api::offer.offer']).toMatchObject({ created: 5, existing: 0 });
    expect(first.report['api::training.training']?.created).toBeGreaterThanOrEqual(2);
    expect(first.report['api::home-page.home-page']).toMatchObject({ created: 1, existing: 0 });
    expect(first.log).toContain('seed: api::media-item.media-item');
  });

  it('changes nothing when run again', () => {
    expect(createdTotal(second)).toBe(0);
    for (const [uid, step] of Object.entries(second.report)) {
      expect(step.existing, uid).toBe(
        (first.report[uid]?.created ?? 0) + (first.report[uid]?.existing ?? 0),
      );
    }
  });

  it('skips the first-run import of `npm start` once the content was imported', async () => {
    const firstRunOnly = await runSeed(env, ['--if-first-run']);
    expect(firstRunOnly.report).toEqual({});
    expect(firstRunOnly.log).toContain('already imported');
  });

  it('publishes the organisation’s content, readable by the public', async () => {
    server = await startCmsServer(env);
    const counts = await publicCounts(server.url);
    expect(counts).toEqual({
      offers: first.report['api::offer.offer']?.created,
      trainings: first.report['api::training.training']?.created,
      'media-items': first.report['api::media-item.media-item']?.created,
      'case-studies': first.report['api::case-study.case-study']?.created,
      themes: first.report['api::theme.theme']?.created,
      territories: first.report['api::territory.territory']?.created,
      pages: first.report['api::page.page']?.created,
    });
    const report = await request(
      server.url,
      '/api/media-items?filters[slug][$eq]=rapport-convention-citoyenne-clermont-ferrand-2022&populate[0]=authors&populate[1]=territories',
    );
    const [item] = report.body.data;
    expect(item.type).toBe('rapport');
    expect(item.year).toBe(2022);
    expect(item.authors.map((author: { name: string }) => author.name)).toEqual(['Elsa Bonal']);
    expect(item.territories.map((territory: { slug: string }) => territory.slug)).toEqual([
      'clermont-ferrand',
    ]);

    const training = await request(
      server.url,
      '/api/trainings?filters[slug][$eq]=se-former-au-dialogue-territorial',
    );
    // Never an invented price: the text gives none.
    expect(training.body.data[0].price).toBe('À compléter');
    expect((await request(server.url, '/api/global')).body.data.siteName).toBe('Déjà-là');
    expect(
      (await request(server.url, '/api/pages?filters[slug][$eq]=la-demarche')).body.data,
    ).toHaveLength(1);
    await server.stop();
    server = undefined;
  });

  it('imports synthetic items apart from the real content, the same on every run', async () => {
    const synthetic = await runSeed(env, ['--synthetic', '25', '--random-seed', '7']);
    expect(synthetic.report['api::media-item.media-item']).toMatchObject({
      created: 25,
      existing: 0,
    });
    expect(synthetic.report['api::offer.offer']).toBeUndefined();
    const again = await runSeed(env, ['--synthetic', '25', '--random-seed', '7']);
    expect(createdTotal(again)).toBe(0);

    server = await startCmsServer(env);
    const response = await request(
      server.url,
      '/api/media-items?filters[slug][$startsWith]=synthetique-7-&sort=slug&pagination[pageSize]=100',
    );
    const expected = generateSyntheticMediaItems(25, 7);
    expect(
      response.body.data.map((item: { slug: string; title: string }) => [item.slug, item.title]),
    ).toEqual(expected.map((item) => [item.slug, item.title]));
  });

  it('attaches LibreOffice PDFs, captions and cover photographs to synthetic items when asked', async () => {
    await server?.stop();
    server = undefined;
    const seeded = await runSeed(env, [
      '--synthetic',
      '12',
      '--random-seed',
      '8',
      '--documents',
      '1',
      '--pages',
      '3',
      '--covers',
      '1',
    ]);
    expect(seeded.report['api::media-item.media-item']).toMatchObject({ created: 12 });
    server = await startCmsServer(env);
    const response = await request(
      server.url,
      '/api/media-items?filters[slug][$startsWith]=synthetique-8-&populate[file][fields][0]=mime&populate[captions][fields][0]=ext&populate[cover][fields][0]=mime&populate[cover][fields][1]=width&populate[cover][fields][2]=height&populate[cover][fields][3]=hash&populate[cover][fields][4]=size&pagination[pageSize]=100',
    );
    const items = response.body.data as Array<{
      type: string;
      file: { mime: string } | null;
      captions: { ext: string } | null;
      cover: { mime: string; width: number; height: number; hash: string; size: number } | null;
    }>;
    const written = items.filter((item) =>
      ['rapport', 'publication', 'article'].includes(item.type),
    );
    const recorded = items.filter((item) => ['vidéo', 'podcast'].includes(item.type));
    expect(written.length + recorded.length).toBeGreaterThan(0);
    expect(written.every((item) => item.file?.mime === 'application/pdf')).toBe(true);
    expect(recorded.every((item) => item.captions?.ext === '.vtt')).toBe(true);
    for (const { cover } of items) {
      expect(cover).toMatchObject({ mime: 'image/jpeg', width: 2000, height: 1333 });
      // In kB: a photograph's weight, neither a flat colour's nor plain noise's.
      expect(cover!.size).toBeGreaterThan(300);
      expect(cover!.size).toBeLessThan(2000);
    }
    expect(new Set(items.map(({ cover }) => cover!.hash)).size).toBe(items.length);

    for (const option of ['--documents', '--covers']) {
      const refused = await runSeed(env, [option, '0.5']).catch((error: Error) => error);
      expect(String(refused)).toContain(`${option} applies to synthetic items: add --synthetic N`);
    }
  });
});
