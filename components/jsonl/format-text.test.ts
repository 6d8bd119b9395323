import { describe, expect, it } from 'vitest';
import { formatSummary, kindCounts } from './format-text';

describe('format summary', () => {
  it('says when the file is clean, and counts errors otherwise', () => {
    expect(formatSummary({ errors: {}, examples: 500 })).toBe('No format errors in 500 examples');
    expect(formatSummary({ errors: { missing_content: 2, invalid_json: 1 }, examples: 1 })).toBe('3 format errors in 1 example');
    expect(formatSummary({ errors: { data_type: 1 }, examples: 2_000 })).toBe('1 format error in 2,000 examples');
  });
  it('lists the kinds found, in order, without zeros', () => {
    expect(kindCounts({ invalid_json: 1, data_type: 0, missing_content: 3 })).toEqual([
      { kind: 'invalid_json', count: 1 },
      { kind: 'missing_content', count: 3 },
    ]);
  });
});
