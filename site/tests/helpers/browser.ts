import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

// Debian's Chromium; playwright's own browser download is not available here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
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
  options: { javaScriptEnabled?: boolean; width?: number; alsoAllowed?: string[] } = {},
): Promise<TestBrowser & { foreignRequests: string[] }> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dejala-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
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
