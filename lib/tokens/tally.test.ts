import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenTally } from './tally';

function tally(counts: readonly number[], limit: number, longest?: number): TokenTally {
  const t = new TokenTally({ limit, longest });
  counts.forEach((c) => t.add(c));
  return t;
}

describe('TokenTally', () => {
  it('sums, averages, finds the median and the maximum', () => {
    expect(tally([5, 1, 3, 8, 3], 6).summary()).toMatchObject({ examples: 5, totalTokens: 20, mean: 4, median: 3, max: 8 });
    // With an even number of examples the median is the mean of the two middle ones, as numpy's.
    expect(tally([4, 1, 3, 2], 10).summary().median).toBe(2.5);
  });

  it('bills each example up to the limit, and lists the examples over it', () => {
    const s = tally([5, 1, 7, 8, 6], 6).summary();
    expect(s.billableTokens).toBe(5 + 1 + 6 + 6 + 6);
    expect(s.overLimit).toEqual([2, 3]);
    expect(s.limit).toBe(6);
  });

  it('keeps the N longest, longest first, the earlier one first on a tie', () => {
    const s = tally([5, 9, 3, 9, 7, 1], 100, 3).summary();
    expect(s.longest).toEqual([
      { position: 1, tokens: 9 },
      { position: 3, tokens: 9 },
      { position: 4, tokens: 7 },
    ]);
    expect(tally([5, 9], 100, 0).summary().longest).toEqual([]);
  });

  it('names examples by the positions given, and lists those over the limit in ascending order', () => {
    const t = new TokenTally({ limit: 10 });
    t.add(12, 40);
    t.add(3, 7);
    t.add(11, 9);
    const s = t.summary();
    expect(s.overLimit).toEqual([9, 40]);
    expect(s.longest[0]).toEqual({ position: 40, tokens: 12 });
  });

  it('is all zeros without examples', () => {
    expect(new TokenTally({ limit: 10 }).summary()).toEqual({
      examples: 0,
      totalTokens: 0,
      limit: 10,
      billableTokens: 0,
      mean: 0,
      median: 0,
      max: 0,
      longest: [],
      overLimit: [],
    });
  });

  it('reports progress every N examples', () => {
    const seen: number[] = [];
    const t = new TokenTally({ limit: 10, progressEvery: 2, onProgress: (n) => seen.push(n) });
    for (let i = 0; i < 5; i++) t.add(1);
    expect(seen).toEqual([2, 4]);
    expect(t.examples).toBe(5);
  });

  it('agrees with a plain computation over all the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 200 }), { maxLength: 60 }), fc.integer({ min: 1, max: 200 }), (counts, limit) => {
        const s = tally(counts, limit, 5).summary();
        const sorted = [...counts].sort((a, b) => a - b);
        const n = counts.length;
        expect(s.totalTokens).toBe(counts.reduce((a, b) => a + b, 0));
        expect(s.billableTokens).toBe(counts.reduce((a, b) => a + Math.min(limit, b), 0));
        expect(s.max).toBe(n === 0 ? 0 : sorted[n - 1]);
        expect(s.median).toBe(n === 0 ? 0 : (sorted[Math.floor((n - 1) / 2)]! + sorted[Math.floor(n / 2)]!) / 2);
        expect(s.overLimit).toEqual(counts.flatMap((c, i) => (c > limit ? [i] : [])));
        const byLength = counts.map((tokens, position) => ({ position, tokens })).sort((a, b) => b.tokens - a.tokens || a.position - b.position);
        expect(s.longest).toEqual(byLength.slice(0, 5));
      }),
    );
  });
});
