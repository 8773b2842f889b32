import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatFileSize, formatFileType } from '../../src/lib/format';

describe('French formatting', () => {
  it('formats dates without shifting the day', () => {
    expect(formatDate('2026-03-05')).toBe('5 mars 2026');
    expect(formatDate('2026-12-31T23:30:00.000Z')).toBe('31 décembre 2026');
  });

  it('formats Strapi file sizes (kB) in ko and Mo with a decimal comma', () => {
    expect(formatFileSize(0.2)).toBe('1 ko');
    expect(formatFileSize(512.4)).toBe('512 ko');
    expect(formatFileSize(1264.6)).toBe('1,2 Mo');
  });

  it('names file types and durations', () => {
    expect(formatFileType('.pdf', 'application/pdf')).toBe('PDF');
    expect(formatFileType(null, 'audio/mpeg')).toBe('MPEG');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(75)).toBe('1 h 15 min');
  });
});
