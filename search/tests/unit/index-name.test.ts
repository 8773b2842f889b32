import { describe, expect, it } from 'vitest';
import { MEDIA_INDEX_UID } from '../../src/index-name.ts';

describe('media index name', () => {
  it('is the uid fixed by the contract with the site and operators', () => {
    expect(MEDIA_INDEX_UID).toBe('media');
  });
});
