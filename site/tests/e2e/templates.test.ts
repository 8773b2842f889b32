import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../helpers/browser';
import { expectSecurityHeaders, recordPolicyViolations } from '../helpers/content-security';
import { layoutShiftWhileFontsArriveLate } from '../helpers/layout-shift';
import { structuredDataProblems } from '../helpers/structured-data-rules';
import { TEMPLATES } from '../helpers/templates';
import {
  HOSTILE_SLUG,
  PODCAST_SLUG,
  RECORDING_WORDS,
  REPORT_SLUG,
  TRAINING_SLUG,
  VIDEO_SLUG,
} from '../helpers/cms-fixtures';

const stack = inject('stack');
const SCREENSHOTS = path.join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

let browser: TestBrowser & { foreignRequests: string[] };
beforeAll(async () => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Uploads are served by the organisation's own CMS: not a third party.
  browser = await launchBrowser(stack.siteUrl, { alsoAllowed: [stack.cmsUrl] });
});
afterAll(() => browser?.close());

describe.each(TEMPLATES)('template $name ($path)', ({ name, path: urlPath, heading }) => {
  it('renders in French, has no WCAG 2.1 AA violation, and loads nothing from elsewhere', async () => {
    browser.foreignRequests.length = 0;
    const page = await browser.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const violations = await recordPolicyViolations(page);
    const fonts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.woff2')) fonts.push(new URL(request.url()).pathname);
    });
    const response = await page.goto(`${stack.siteUrl}${urlPath}`, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(name === 'not-found' ? 404 : 200);
    expectSecurityHeaders(await response!.allHeaders());
    // The preloaded fonts are the ones the styles use (Latin Extended comes when a page has
    // such letters), each fetched once.
    const preloaded = await page
      .locator('link[rel="preload"][as="font"]')
      .evaluateAll((links) =>
        links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
      );
    expect(preloaded).toHaveLength(2);
    expect(fonts).toEqual(expect.arrayContaining(preloaded));
    expect(new Set(fonts).size).toBe(fonts.length);
    // Islands hydrate under the policy: Astro drops `ssr` from an island once it has run.
    await expect.poll(() => page.locator('astro-island[ssr]').count()).toBe(0);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expect.poll(() => page.locator('h1').innerText()).toMatch(heading);
    expect(await page.locator('h1').count()).toBe(1);

    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const axeViolations = axe.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(axeViolations).toEqual([]);

    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      // Nothing wider than the screen: no sideways scrolling on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        width,
      );
      await page.screenshot({
        path: path.join(SCREENSHOTS, `${name}-${width}.png`),
        fullPage: true,
      });
    }
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
    // The player page exists to load the third-party player; no other page loads anything foreign.
    expect(browser.foreignRequests).toEqual(
      name === 'media-video-player' ? ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'] : [],
    );
    await page.close();
  });
});

describe.each(TEMPLATES)('template $name ($path) as its fonts load', ({ path: urlPath }) => {
  it.each([375, 1280])(
    'keeps still while its fonts arrive late, at %i px (layout shift ≤ 0.02)',
    async (width) => {
      const shift = await layoutShiftWhileFontsArriveLate(
        browser.context,
        `${stack.siteUrl}${urlPath}`,
        width,
      );
      expect(shift).toBeLessThanOrEqual(0.02);
    },
  );
});

describe('template details', () => {
  it('shows every Qualiopi indicator-1 field, the sessions and Course JSON-LD on a training', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.siteUrl}/formations/${TRAINING_SLUG}/`);
    const facts = await page.locator('dl.facts dt').allInnerTexts();
    for (const label of [
      'Public visé',
      'Prérequis',
      'Durée',
      'Modalités d’accès',
      'Délai d’accès',
      'Tarif',
      'Méthodes pédagogiques',
      'Modalités d’évaluation',
      'Accessibilité aux personnes en situation de handicap',
      'Contact',
    ]) {
      expect(facts).toContain(label);
    }
    const rows = await page.locator('table tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(
      /du 10 mars 2027 au 12 mars 2027\s+Montpellier\s+En présentiel\s+14\s+Inscriptions ouvertes\s+S’inscrire/,
    );
    expect(rows[1]).toMatch(/2 juin 2027.*À distance.*Complet/s);
    const jsonLd = await page.locator('script[type="application/ld+json"]').allInnerTexts();
    const course = jsonLd
      .map((text) => JSON.parse(text))
      .find((data) => data['@type'] === 'Course');
    expect(course.name).toBe('Se former au dialogue territorial');
    expect(course.hasCourseInstance).toEqual([
      expect.objectContaining({
        '@type': 'CourseInstance',
        courseMode: 'Onsite',
        startDate: '2027-03-10',
        endDate: '2027-03-12',
      }),
      expect.objectContaining({ courseMode: 'Online', startDate: '2027-06-02' }),
    ]);
    await page.close();
  });

  it('renders each médiathèque type with its own access: file type and size, audio player, click-to-load video', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.siteUrl}/mediatheque/${REPORT_SLUG}/`);
    expect(await page.locator('.media-access a[download]').innerText()).toMatch(
      /Télécharger.*\(PDF, \d+ ko\)/s,
    );
    expect(await page.locator('article img').getAttribute('alt')).toBe(
      'Carte du bassin versant de l’Orb',
    );

    await page.goto(`${stack.siteUrl}/mediatheque/${PODCAST_SLUG}/`);
    expect(await page.locator('audio[controls]').getAttribute('preload')).toBe('none');

    browser.foreignRequests.length = 0;
    await page.goto(`${stack.siteUrl}/mediatheque/${VIDEO_SLUG}/`, { waitUntil: 'networkidle' });
    expect(await page.locator('iframe').count()).toBe(0);
    expect(browser.foreignRequests).toEqual([]);
    await page.getByRole('link', { name: /Regarder la vidéo/ }).click();
    await page.waitForURL(/\/lecture\/$/);
    expect(await page.locator('iframe').getAttribute('src')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    await expect
      .poll(() =>
        browser.foreignRequests.some((url) => url.startsWith('https://www.youtube-nocookie.com/')),
      )
      .toBe(true);
    browser.foreignRequests.length = 0;
    await page.close();
  });

  it('gives recordings their captions (a <track> served as WebVTT) and a transcript', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.siteUrl}/mediatheque/${PODCAST_SLUG}/`);
    const track = page.locator('audio track[kind="captions"]');
    expect(await track.getAttribute('srclang')).toBe('fr');
    const src = await track.getAttribute('src');
    expect(src).toBe(`/mediatheque/${PODCAST_SLUG}/sous-titres.vtt`);
    // Uploaded as SRT, served as WebVTT from the site's own origin.
    const vtt = await fetch(`${stack.siteUrl}${src}`);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    const captions = await vtt.text();
    expect(captions).toMatch(/^WEBVTT\n\n00:00:02\.000 --> 00:00:06\.000\nBienvenue/);
    expect(captions).toContain(RECORDING_WORDS.podcastCue.words);
    const transcript = page.locator('section.transcript');
    expect(await transcript.getByRole('heading', { level: 2 }).innerText()).toBe('Transcription');
    expect(await transcript.innerText()).toMatch(
      new RegExp(`${RECORDING_WORDS.podcastCue.moment}\\s+Les pêcheurs et les kayakistes`),
    );

    // A typed transcript comes before the captions read as text.
    await page.goto(`${stack.siteUrl}/mediatheque/${VIDEO_SLUG}/`);
    expect(await page.locator('section.transcript').innerText()).toContain(
      RECORDING_WORDS.videoTranscript.words,
    );
    expect(await page.locator('section.transcript').innerText()).not.toContain('Aigoual');
    await page.close();
  });

  it('starts a hosted video’s player at the moment a search result links to', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.siteUrl}/mediatheque/${VIDEO_SLUG}/lecture/?t=65`);
    await expect
      .poll(() => page.locator('iframe').getAttribute('src'))
      .toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=65');
    browser.foreignRequests.length = 0;
    await page.close();
  });

  it('shows hostile CMS text as text', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.siteUrl}/mediatheque/${HOSTILE_SLUG}/`);
    expect(await page.locator('h1').innerText()).toBe(
      '<script>window.__pwned = 1</script> Fiche piégée',
    );
    // The breadcrumb's JSON-LD is the only script in the content, and it is data.
    expect(
      await page
        .locator('main iframe, main script:not([type="application/ld+json"]), main img[src="x"]')
        .count(),
    ).toBe(0);
    // Strapi refuses `javascript:` links itself (the renderer's unit tests cover them); this one tries an attribute breakout.
    const link = page.locator('main a', { hasText: 'piégé' });
    expect(await link.getAttribute('href')).toBe(
      'https://example.org/%22onmouseover=%22window.__pwned=3',
    );
    expect(await link.getAttribute('onmouseover')).toBeNull();
    await page.close();
  });

  it('refuses a script slipped into a page: its policy allows only the site’s own scripts, by hash', async () => {
    const page = await browser.context.newPage();
    const violations = await recordPolicyViolations(page);
    await page.goto(`${stack.siteUrl}/mediatheque/`);
    const policy = (await page.getAttribute(
      'head > meta[http-equiv="content-security-policy"]',
      'content',
    ))!;
    expect(policy).toMatch(/^default-src 'self';/);
    expect(policy).toMatch(/script-src 'self'( 'sha256-[\w+/=]+')+;/);
    expect(policy).toContain(`img-src 'self' ${new URL(stack.cmsUrl).origin};`);
    expect(policy).not.toContain('unsafe-inline');
    // What an injection would do once past the escaping: add an inline script and a handler.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 4';
      document.body.append(script);
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img src="/favicon.svg" onload="window.__pwned = 5">',
      );
    });
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    expect(violations.join('\n')).toMatch(/script-src/);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('gives every template structured data with what search engines require, and its breadcrumb', async () => {
    const page = await browser.context.newPage();
    const expected: Record<string, string> = {
      training: 'Course',
      'media-report': 'Report',
      'media-video': 'VideoObject',
      'media-podcast': 'PodcastEpisode',
    };
    for (const { name, path: urlPath } of TEMPLATES) {
      await page.goto(`${stack.siteUrl}${urlPath}`);
      const blocks = (await page.locator('script[type="application/ld+json"]').allInnerTexts()).map(
        (text) => JSON.parse(text) as Record<string, unknown>,
      );
      expect(structuredDataProblems(blocks), name).toEqual([]);
      const types = blocks.map((block) => block['@type']);
      expect(types, name).toContain('Organization');
      if (expected[name]) expect(types, name).toContain(expected[name]);
      // The BreadcrumbList says what the visible trail says, address for address.
      const visible = await page.locator('nav.breadcrumb li').evaluateAll((items) =>
        items.map((item) => ({
          name: item.textContent!.trim(),
          href: item.querySelector('a')?.href,
        })),
      );
      const list = blocks.find((block) => block['@type'] === 'BreadcrumbList') as
        { itemListElement: Array<{ position: number; name: string; item?: string }> } | undefined;
      expect(
        list?.itemListElement.map(({ name: step, item }) => ({ name: step, href: item })),
        name,
      ).toEqual(visible.length ? visible : undefined);
      list?.itemListElement.forEach((step, index) => expect(step.position).toBe(index + 1));
    }
    await page.close();
  });

  it('publishes Open Graph tags, an Organization, a feed and a sitemap', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${stack.siteUrl}/offres/culture-de-dialogue/`);
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe(
      'Culture de dialogue',
    );
    expect(await page.getAttribute('meta[property="og:url"]', 'content')).toBe(
      `${stack.siteUrl}/offres/culture-de-dialogue/`,
    );
    const jsonLd = (await page.locator('script[type="application/ld+json"]').allInnerTexts()).map(
      (text) => JSON.parse(text),
    );
    expect(jsonLd).toContainEqual(
      expect.objectContaining({ '@type': 'Organization', name: 'Déjà-là' }),
    );
    const rss = await (await fetch(`${stack.siteUrl}/rss.xml`)).text();
    expect(rss).toContain(`<link>${stack.siteUrl}/mediatheque/${PODCAST_SLUG}/</link>`);
    const sitemapIndex = await (await fetch(`${stack.siteUrl}/sitemap-index.xml`)).text();
    const sitemap = await (
      await fetch(
        sitemapIndex.match(/<loc>([^<]+)<\/loc>/)![1].replace(/^https?:\/\/[^/]+/, stack.siteUrl),
      )
    ).text();
    expect(sitemap).toContain(`${stack.siteUrl}/formations/${TRAINING_SLUG}/`);
    expect(sitemap).not.toContain('/mediatheque/annees/');
    // An entry's page says when the entry last changed.
    const trainings = await fetch(
      `${stack.cmsUrl}/api/trainings?filters[slug][$eq]=${TRAINING_SLUG}&fields[0]=updatedAt`,
      { headers: { authorization: `Bearer ${stack.siteToken}` } },
    );
    const [training] = ((await trainings.json()) as { data: Array<{ updatedAt: string }> }).data;
    expect(sitemap).toContain(
      `<loc>${stack.siteUrl}/formations/${TRAINING_SLUG}/</loc><lastmod>${training!.updatedAt}</lastmod>`,
    );
    // Every page it lists may be indexed.
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(listed.length).toBeGreaterThan(100);
    for (const url of listed) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('x-robots-tag') ?? '', url).not.toContain('noindex');
      expect(await response.text(), url).not.toMatch(/<meta name="robots" content="[^"]*noindex/);
    }
    await page.close();
  });

  // The W3C Nu HTML checker on each template as served. Astro's islands put a <style> inside
  // the page's body, which HTML allows only in <head> (withastro/astro#10308): not ours to fix.
  it('passes the W3C Nu HTML checker on every template', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-vnu-'));
    try {
      const files: string[] = [];
      for (const { name, path: urlPath } of TEMPLATES) {
        const file = path.join(dir, `${name}.html`);
        fs.writeFileSync(file, await (await fetch(`${stack.siteUrl}${urlPath}`)).text());
        files.push(file);
      }
      const jar = String(createRequire(import.meta.url)('vnu-jar'));
      const { stderr } = await promisify(execFile)(
        'java',
        ['-jar', jar, '--format', 'json', '--exit-zero-always', ...files],
        { maxBuffer: 16 * 1024 * 1024 },
      );
      const { messages } = JSON.parse(stderr) as {
        messages: Array<{
          type: string;
          url: string;
          lastLine?: number;
          message: string;
          extract?: string;
        }>;
      };
      const errors = messages
        .filter((message) => message.type === 'error')
        .filter((message) => !message.extract?.includes('<style>astro-'))
        .map(
          (message) =>
            `${path.basename(message.url)}:${message.lastLine}: ${message.message} — ${message.extract?.trim()}`,
        );
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
