import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';

const stack = inject('stack');

function files(dir: string, extension?: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile() && (!extension || file.endsWith(extension)));
}

/**
 * Opening tags of executable scripts (JSON-LD is data, not JavaScript). Tags are scanned whole,
 * quoted attributes included, so `<script` inside an attribute value (escaped CMS text in a
 * meta tag) is not mistaken for a tag; a script's own content is skipped.
 */
function executableScripts(html: string): string[] {
  const found: string[] = [];
  const tag = /<(\/?[a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^>"'])*)>/g;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    if (match[1].toLowerCase() !== 'script') continue;
    if (!/type="application\/ld\+json"/.test(match[2])) found.push(match[0]);
    const end = html.indexOf('</script>', tag.lastIndex);
    tag.lastIndex = end < 0 ? html.length : end + '</script>'.length;
  }
  return found;
}

describe('JavaScript budget and secrets', () => {
  it('ships no JavaScript on any page but the médiathèque search and hosted videos’ players', () => {
    const pages = files(stack.clientDir, '.html').map((file) =>
      path.relative(stack.clientDir, file),
    );
    expect(pages.length).toBeGreaterThan(100);
    const withScripts = pages.filter(
      (page) =>
        executableScripts(fs.readFileSync(path.join(stack.clientDir, page), 'utf8')).length > 0,
    );
    // A player page starts the third-party player at the moment a search result links to.
    const players = pages.filter((page) => page.endsWith(path.join('lecture', 'index.html')));
    expect(players.length).toBeGreaterThan(0);
    expect(withScripts.sort()).toEqual([path.join('mediatheque', 'index.html'), ...players].sort());
  });

  it('keeps the médiathèque under 80 kB of gzipped JavaScript', async () => {
    const browser = await launchBrowser(stack.siteUrl, { alsoAllowed: [stack.cmsUrl] });
    const page = await browser.context.newPage();
    const scripts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push(new URL(response.url()).pathname);
    });
    await page.goto(`${stack.siteUrl}/mediatheque/`, { waitUntil: 'networkidle' });
    await browser.close();
    const html = fs.readFileSync(path.join(stack.clientDir, 'mediatheque', 'index.html'), 'utf8');
    const inline =
      executableScripts(html).length > 0
        ? [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('')
        : '';
    const gzipped = (bytes: Buffer | string) => zlib.gzipSync(bytes, { level: 9 }).length;
    const loaded = scripts.reduce(
      (sum, script) => sum + gzipped(fs.readFileSync(path.join(stack.clientDir, script))),
      0,
    );
    const total = loaded + gzipped(inline);
    expect(scripts.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(80 * 1000);
  });

  it('never writes a secret into the build', () => {
    const secrets = {
      siteToken: stack.siteToken,
      fullToken: stack.fullToken,
      masterKey: stack.masterKey,
      searchKey: stack.searchKey,
    };
    const leaks: string[] = [];
    // The whole build: the static files and the server half alike.
    for (const file of files(stack.outDir)) {
      const content = fs.readFileSync(file).toString('latin1');
      for (const [name, value] of Object.entries(secrets))
        if (content.includes(value)) leaks.push(`${name} in ${file}`);
    }
    expect(leaks).toEqual([]);
  });
});
