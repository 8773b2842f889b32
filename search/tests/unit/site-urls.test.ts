import { describe, expect, it } from 'vitest';
import { mediaItemPath } from '../../src/site-urls.js';

describe('mediaItemPath', () => {
  it('builds the médiathèque URL with a trailing slash', () => {
    expect(mediaItemPath('rapport-2022')).toBe('/mediatheque/rapport-2022/');
  });

  it('encodes characters that are not URL-safe', () => {
    expect(mediaItemPath('a b')).toBe('/mediatheque/a%20b/');
  });
});
