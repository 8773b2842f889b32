import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Debian's Chromium; playwright's own browser download is not available here.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A fresh Chromium profile. Requests to anything but the site under test (and `alsoAllowed`
 * origins, such as the CMS serving uploads) are recorded in `foreignRequests` and refused.
 */
export async function launchBrowser(
  siteUrl: string,
  options: {
    javaScriptEnabled?: boolean;
    width?: number;
    /** CSS pixels to device pixels: 2 or 3 on phones. */
    deviceScaleFactor?: number;
    alsoAllowed?: string[];
    /** For textInFrame: its made-up host page counts as public, the site as local. */
    allowLocalNetworkFromPublicPages?: boolean;
  } = {},
): Promise<TestBrowser & { foreignRequests: string[] }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: options.allowLocalNetworkFromPublicPages
      ? [...CHROMIUM_ARGS, '--disable-features=LocalNetworkAccessChecks']
      : CHROMIUM_ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'fr-FR',
  });
  const foreignRequests: string[] = [];
  const allowed = [siteUrl, ...(options.alsoAllowed ?? [])].map((url) => new URL(url).origin);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || allowed.includes(new URL(url).origin)) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  return {
    context,
    foreignRequests,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * What a page of `hostOrigin` shows of `target` in an iframe: its text, or '' when the
 * browser refused to frame it. The host page is made up by the browser (no server needed):
 * launch it with `allowLocalNetworkFromPublicPages`, or Chromium refuses any frame of the
 * loopback site in it.
 */
export async function textInFrame(
  context: BrowserContext,
  hostOrigin: string,
  target: string,
): Promise<string> {
  const host = `${new URL(hostOrigin).origin}/page-qui-encadre/`;
  await context.route(host, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="fr"><title>Cadre</title><iframe src="${target}"></iframe></html>`,
    }),
  );
  const page = await context.newPage();
  try {
    await page.goto(host, { waitUntil: 'load' });
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    if (!frame || !frame.url().startsWith(new URL(target).origin)) return '';
    return await frame.locator('body').innerText();
  } finally {
    await page.close();
    await context.unroute(host);
  }
}
