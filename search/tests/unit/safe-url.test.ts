import { describe, expect, it } from 'vitest';
import { safeLink } from '../../src/safe-url.js';

const SITE = 'https://www.deja-la.fr';

describe('safeLink', () => {
  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    '\u0001javascript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    'http://[bad',
    '   ',
  ])('refuses %j', (url) => {
    expect(safeLink(url, SITE)).toBeNull();
  });

  it('keeps site links relative, and sees through a protocol-relative trick', () => {
    expect(safeLink('/mediatheque/?q=eau#r', SITE)).toEqual({
      href: '/mediatheque/?q=eau#r',
      external: false,
    });
    expect(safeLink('https://www.deja-la.fr/offres/', SITE)).toEqual({
      href: '/offres/',
      external: false,
    });
    expect(safeLink('/\\evil.example/x', SITE)).toEqual({
      href: 'https://evil.example/x',
      external: true,
    });
    expect(safeLink('//evil.example', SITE)?.external).toBe(true);
  });

  it('marks other sites as external, and allows mail and phone links', () => {
    expect(safeLink('https://example.org/a b', SITE)).toEqual({
      href: 'https://example.org/a%20b',
      external: true,
    });
    expect(safeLink('mailto:contact@example.org', SITE)).toEqual({
      href: 'mailto:contact@example.org',
      external: false,
    });
    expect(safeLink('tel:+33400000000', SITE)?.href).toBe('tel:+33400000000');
  });
});
