import { describe, expect, it } from 'vitest';
import { imageKey } from '../../src/image-key.js';

const photo = {
  url: '/uploads/atelier_3f2a.jpg',
  hash: 'atelier_3f2a',
  size: 812.4,
  width: 3000,
  height: 2000,
};

describe('imageKey', () => {
  it('names a file by Strapi’s hash and what it holds', () => {
    expect(imageKey(photo)).toMatch(/^atelier_3f2a-[0-9a-f]{12}$/);
    expect(imageKey({ ...photo })).toBe(imageKey(photo));
  });

  it('changes when an editor replaces the file (Strapi keeps its hash and address)', () => {
    expect(imageKey({ ...photo, size: 640.1 })).not.toBe(imageKey(photo));
    expect(imageKey({ ...photo, width: 2000, height: 3000 })).not.toBe(imageKey(photo));
  });

  it('makes a safe folder name of any hash', () => {
    expect(imageKey({ ...photo, hash: '../../etc/passwd' })).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(imageKey({ url: '/uploads/x.png' })).toMatch(/^image-[0-9a-f]{12}$/);
  });
});
