import { afterEach, describe, expect, it, vi } from 'vitest';
import { captionCues } from '../../src/lib/captions';

describe('captions read at render', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does not fetch a captions file past the search’s size limit (5 MB)', async () => {
    const fetched = vi.fn();
    vi.stubGlobal('fetch', fetched);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(
      await captionCues({ captions: { url: '/uploads/enorme.vtt', size: 6_000 } }, 'http://cms'),
    ).toEqual([]);
    expect(fetched).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/larger than the limit/));
    warn.mockRestore();
  });
});
