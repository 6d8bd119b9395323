import { describe, expect, it } from 'vitest';
import { formatBytes, readingProgress } from './reading';

describe('readingProgress', () => {
  it.each([
    ['not started', null, { percent: 0, text: 'Reading…' }],
    ['an empty file', { bytesRead: 0, totalBytes: 0, rows: 0 }, { percent: 0, text: 'Reading…' }],
    ['part way', { bytesRead: 400, totalBytes: 1000, rows: 12345 }, { percent: 40, text: 'Reading… 12,345 rows · 40%' }],
    ['rounds down (never 100% before the end)', { bytesRead: 999, totalBytes: 1000, rows: 1 }, { percent: 99, text: 'Reading… 1 row · 99%' }],
    ['done', { bytesRead: 1000, totalBytes: 1000, rows: 2 }, { percent: 100, text: 'Reading… 2 rows · 100%' }],
    ['over-reported', { bytesRead: 2000, totalBytes: 1000, rows: 2 }, { percent: 100, text: 'Reading… 2 rows · 100%' }],
  ])('%s', (_name, p, expected) => expect(readingProgress(p)).toEqual(expected));
});

describe('formatBytes', () => {
  it.each([
    [1, '1 byte'],
    [999, '999 bytes'],
    [1000, '1 KB'],
    [1500, '1.5 KB'],
    [812_000, '812 KB'],
    [4_200_000, '4.2 MB'],
    [3_000_000_000, '3 GB'],
  ])('%i → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});
