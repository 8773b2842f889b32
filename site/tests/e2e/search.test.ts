import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { recordPolicyViolations } from '../helpers/content-security';
import { RECORDING_WORDS, REPORT_PAGE_7, REPORT_SLUG, VIDEO_SLUG } from '../helpers/cms-fixtures';

const stack = inject('stack');
const status = (page: Page) => page.locator('#resultats').innerText();
const titles = (page: Page) => page.locator('.media-result-title').allInnerTexts();
const search = (path = '') => `${stack.siteUrl}/mediatheque/${path}`;
// Words of the report's PDF found only on its page 7, not in any field an editor typed.
const DEEP_WORDS = 'digues efficaces';
const PDF_PAGE_7 = new RegExp(`/uploads/rapport_annuel_\\w+\\.pdf#page=${REPORT_PAGE_7.page}$`);

/** The report's result: its excerpt (with highlights) and the link into its PDF. */
async function reportPassage(page: Page) {
  const result = page.locator('.media-result', { hasText: 'Rapport annuel avec fichier' });
  const link = result.getByRole('link', { name: /^Ouvrir le document à la page 7/ });
  return {
    excerpt: await result.locator('.media-result-excerpt').innerText(),
    marks: await result.locator('.media-result-excerpt mark').allInnerTexts(),
    href: await link.getAttribute('href'),
    link,
  };
}

describe('search in the documents’ own text', () => {
  it('finds words of page 7 of a PDF through /_search, with the page to open', async () => {
    const response = await fetch(`${stack.siteUrl}/_search?q=${encodeURIComponent(DEEP_WORDS)}`);
    const body = (await response.json()) as {
      hits: Array<{ title: string; kind: string; page: number; fileUrl: string }>;
      totalHits: number;
    };
    expect(body.hits.map((hit) => [hit.title, hit.kind, hit.page])).toEqual([
      ['Rapport annuel avec fichier', 'page', REPORT_PAGE_7.page],
    ]);
    expect(body.totalHits).toBe(1);
    expect(`${body.hits[0]!.fileUrl}#page=7`).toMatch(PDF_PAGE_7);
  });
});

describe('médiathèque search island', () => {
  let browser: TestBrowser;
  let page: Page;
  let violations: string[];
  beforeAll(async () => {
    browser = await launchBrowser(stack.siteUrl, { alsoAllowed: [stack.cmsUrl] });
    page = await browser.context.newPage();
    violations = await recordPolicyViolations(page);
  });
  afterAll(async () => {
    await browser?.close();
    // Everything the island did, under the pages' Content-Security-Policy.
    expect(violations).toEqual([]);
  });

  it('finds items as you type, despite a typo, and highlights the match as text', async () => {
    await page.goto(search(), { waitUntil: 'networkidle' });
    await page
      .getByLabel('Rechercher dans la médiathèque')
      .pressSequentially('concertaion', { delay: 30 });
    await expect.poll(() => status(page)).toMatch(/^\d+ ressources? pour « concertaion »$/);
    expect(page.url()).toBe(search('?q=concertaion'));
    expect(await titles(page)).toContain('Rapport annuel avec fichier');
    expect(await page.locator('.media-results mark').count()).toBeGreaterThan(0);
    expect(await page.locator('.media-results').innerText()).not.toMatch(/[\uE000\uE001]/);
  });

  it('filters by facet with counts, keeps it in the URL, and Back / Forward restore it', async () => {
    await page.goto(search('?q=eau'), { waitUntil: 'networkidle' });
    await expect.poll(() => status(page)).toMatch(/pour « eau »/);
    const before = await status(page);
    const rapport = page.getByRole('checkbox', { name: /^Rapport \((\d+)\)$/ });
    const expected = Number((await rapport.locator('xpath=..').innerText()).match(/\((\d+)\)/)![1]);
    await rapport.check();
    await expect.poll(() => page.url()).toBe(search('?q=eau&type=rapport'));
    await expect
      .poll(() => status(page))
      .toMatch(new RegExp(`^${expected} ressources? pour « eau »$`));
    const metas = await page.locator('.media-result .card-meta').allInnerTexts();
    expect(metas.every((meta) => meta.startsWith('Rapport'))).toBe(true);

    await page.goBack();
    await expect.poll(() => status(page)).toBe(before);
    expect(await rapport.isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => page.url()).toBe(search('?q=eau&type=rapport'));
    await expect.poll(() => rapport.isChecked()).toBe(true);
    await expect.poll(() => status(page)).toMatch(new RegExp(`^${expected} ressources?`));
  });

  it('opens a shared URL with its search, sort and page', async () => {
    await page.goto(search('?sort=recent&page=2'), { waitUntil: 'networkidle' });
    await expect
      .poll(() => page.locator('.pagination [aria-current="page"]').first().innerText())
      .toMatch(/2$/);
    expect(await page.getByLabel('Trier par').inputValue()).toBe('recent');
    const years = (await page.locator('.media-result .card-meta').allInnerTexts()).map((meta) =>
      Number(meta.match(/\b(\d{4})\b/)?.[1] ?? 0),
    );
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });

  it('pages through results and says how many there are in a live region', async () => {
    await page.goto(search('?q=dialogue'), { waitUntil: 'networkidle' });
    expect(await page.locator('#resultats').getAttribute('role')).toBe('status');
    await expect.poll(() => status(page)).toMatch(/^\d+ ressources pour « dialogue »$/);
    const firstPage = await titles(page);
    await page.locator('.pagination a', { hasText: /^Page 2$/ }).click();
    await expect.poll(() => page.url()).toBe(search('?q=dialogue&page=2'));
    await expect.poll(() => titles(page)).not.toEqual(firstPage);
  });

  it('works with the keyboard alone, with a visible focus', async () => {
    await page.goto(search(), { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Aller au contenu');
    const field = page.getByLabel('Rechercher dans la médiathèque');
    await field.focus();
    expect(await field.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.type('rivière');
    await expect.poll(() => status(page)).toMatch(/pour « rivière »/);
    // Tab from the field: the button, the sort, then the first facet, toggled with Space.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe(
      'checkbox',
    );
    await page.keyboard.press('Space');
    await expect.poll(() => page.url()).toMatch(/[?&]type=/);
  });

  it('explains in French when the search is unavailable', async () => {
    await page.route('**/_search?**', (route) =>
      route.fulfill({
        status: 502,
        contentType: 'application/json',
        body: JSON.stringify({
          error: 'search_unavailable',
          message: 'La recherche est momentanément indisponible. Réessayez dans un instant.',
        }),
      }),
    );
    await page.goto(search('?q=eau'));
    await expect
      .poll(() => status(page))
      .toBe('La recherche est momentanément indisponible. Réessayez dans un instant.');
    await page.unroute('**/_search?**');
  });

  it('shows the excerpt of the PDF page that matched, and opens the PDF at that page', async () => {
    await page.goto(search(), { waitUntil: 'networkidle' });
    await page
      .getByLabel('Rechercher dans la médiathèque')
      .pressSequentially(DEEP_WORDS, { delay: 30 });
    await expect.poll(() => status(page)).toBe(`1 ressource pour « ${DEEP_WORDS} »`);
    const passage = await reportPassage(page);
    expect(passage.excerpt).toContain('malgré des digues efficaces');
    expect(passage.marks).toEqual(['digues', 'efficaces']);
    expect(passage.href).toMatch(PDF_PAGE_7);
    const opened = page.waitForResponse((response) => response.url().includes('.pdf'));
    await passage.link.click();
    const response = await opened;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
  });

  it('finds what recordings say: links to the moment, or to the transcript', async () => {
    const linkFor = async (words: string, title: string) => {
      await page.goto(search(`?q=${encodeURIComponent(words)}`), { waitUntil: 'networkidle' });
      const result = page.locator('.media-result', { hasText: title });
      await expect
        .poll(() => result.locator('.media-result-excerpt mark').count())
        .toBeGreaterThan(0);
      const link = result.locator('.media-result-excerpt + p a');
      return { text: await link.innerText(), href: await link.getAttribute('href') };
    };
    const podcast = await linkFor(RECORDING_WORDS.podcastCue.words, 'Podcast de la rivière');
    expect(podcast.text).toMatch(
      new RegExp(`^Écouter à partir de ${RECORDING_WORDS.podcastCue.moment}`),
    );
    expect(podcast.href).toMatch(
      new RegExp(`/uploads/episode_1_\\w+\\.wav#t=${RECORDING_WORDS.podcastCue.start}$`),
    );

    const video = await linkFor(RECORDING_WORDS.videoCue.words, 'Vidéo hébergée sur YouTube');
    expect(video.text).toMatch(
      new RegExp(`^Regarder à partir de ${RECORDING_WORDS.videoCue.moment}`),
    );
    expect(video.href).toBe(
      `/mediatheque/${VIDEO_SLUG}/lecture/?t=${RECORDING_WORDS.videoCue.start}`,
    );

    const transcript = await linkFor(
      RECORDING_WORDS.videoTranscript.words,
      'Vidéo hébergée sur YouTube',
    );
    expect(transcript).toMatchObject({
      text: expect.stringMatching(/^Lire la transcription/),
      href: `/mediatheque/${VIDEO_SLUG}/#transcription`,
    });
  });

  it('says so in French when nothing matches', async () => {
    await page.goto(search('?q=zzzzqqqxxw'), { waitUntil: 'networkidle' });
    await expect
      .poll(() => status(page))
      .toBe('Aucun résultat. Essayez d’autres mots ou retirez des filtres.');
  });
});

describe('médiathèque without JavaScript', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(stack.siteUrl, {
      javaScriptEnabled: false,
      alsoAllowed: [stack.cmsUrl],
    });
  });
  afterAll(() => browser?.close());

  it('lists every item through static pages, year by year, and offers a GET search form', async () => {
    const page = await browser.context.newPage();
    await page.goto(search());
    const form = page.locator('form[role="search"]');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.locator('input[name="q"]').count()).toBe(1);
    expect(await page.locator('input[type="checkbox"][name="type"]').count()).toBeGreaterThan(0);
    const total = Number((await status(page)).match(/^(\d+)/)![1]);
    const years = await page
      .getByRole('navigation', { name: 'La médiathèque par année' })
      .getByRole('link')
      .evaluateAll((anchors) =>
        anchors.map((a) => ({
          href: a.getAttribute('href')!,
          count: Number(a.textContent!.match(/\((\d+)\)$/)![1]),
        })),
      );
    expect(years.reduce((sum, year) => sum + year.count, 0)).toBe(total);
    const links = () =>
      page
        .locator('.media-result-title a')
        .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
    const seen = new Set<string | null>();
    for (const year of years) {
      await page.goto(`${stack.siteUrl}${year.href}`);
      const ofYear = new Set(await links());
      let next = page.locator('.pagination a', { hasText: /^Page 2$/ });
      for (let n = 2; (await next.count()) > 0; n += 1) {
        await next.click();
        await page.waitForURL(new RegExp(`${year.href}page/${n}/$`));
        (await links()).forEach((href) => ofYear.add(href));
        next = page.locator('.pagination a', { hasText: new RegExp(`^Page ${n + 1}$`) });
      }
      expect(ofYear.size, year.href).toBe(year.count);
      ofYear.forEach((href) => seen.add(href));
    }
    expect(seen.size).toBe(total);
    await page.goto(search(`${REPORT_SLUG}/`));
    expect(await page.locator('h1').innerText()).toBe('Rapport annuel avec fichier');
    await page.close();
  });

  it('searches through the form: results, facets and pages rendered by the server', async () => {
    const page = await browser.context.newPage();
    await page.goto(search());
    await page.getByLabel('Rechercher dans la médiathèque').fill('concertaion');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/mediatheque\/recherche\/\?q=concertaion/);
    expect(await status(page)).toMatch(/^\d+ ressources? pour « concertaion »$/);
    expect(await titles(page)).toContain('Rapport annuel avec fichier');
    expect(await page.getByLabel('Rechercher dans la médiathèque').inputValue()).toBe(
      'concertaion',
    );

    await page.getByRole('checkbox', { name: /^Rapport \(\d+\)$/ }).check();
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/[?&]type=rapport/);
    const metas = await page.locator('.media-result .card-meta').allInnerTexts();
    expect(metas.length).toBeGreaterThan(0);
    expect(metas.every((meta) => meta.startsWith('Rapport'))).toBe(true);

    await page.goto(search(`recherche/?q=${encodeURIComponent(DEEP_WORDS)}`));
    const passage = await reportPassage(page);
    expect(passage.marks).toEqual(['digues', 'efficaces']);
    expect(passage.href).toMatch(PDF_PAGE_7);

    await page.goto(search('recherche/?q=dialogue'));
    const firstPage = await titles(page);
    await page.locator('.pagination a', { hasText: /^Page 2$/ }).click();
    await page.waitForURL(/[?&]page=2/);
    expect(await titles(page)).not.toEqual(firstPage);
    await page.close();
  });
});

describe('server-rendered results with JavaScript', () => {
  it('are taken over by the island without searching twice', async () => {
    const browser = await launchBrowser(stack.siteUrl, { alsoAllowed: [stack.cmsUrl] });
    const page = await browser.context.newPage();
    const searches: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/_search') searches.push(request.url());
    });
    await page.goto(search('recherche/?q=eau'), { waitUntil: 'networkidle' });
    expect(await status(page)).toMatch(/pour « eau »/);
    expect(searches).toEqual([]);
    await page.getByLabel('Rechercher dans la médiathèque').fill('forêt');
    await expect.poll(() => status(page)).toMatch(/pour « forêt »/);
    expect(page.url()).toBe(search('recherche/?q=for%C3%AAt'));
    await browser.close();
  });
});
