import { describe, expect, it } from 'vitest';
import { MT19937 } from '../random';
import { approximateMode } from './index';

/** Next raw output of a fresh generator advanced by `advance`, to compare RNG consumption. */
function nextAfter(seed: number, advance: (rng: MT19937) => void): number {
  const rng = new MT19937(seed);
  advance(rng);
  return rng.nextUint32();
}

describe('approximateMode (§4.5)', () => {
  it('exact proportional quotas draw nothing', () => {
    const rng = new MT19937(42);
    expect(approximateMode([5, 5], 8, rng)).toEqual([4, 4]);
    expect(rng.nextUint32()).toBe(1608637542);
  });

  it('a single candidate for a remainder value consumes nothing (choice of 1 = permutation(1))', () => {
    const rng = new MT19937(42);
    // cont = [0.8, 1.2]: floors [0, 1], need 1, remainders 0.8 > 0.2 are distinct
    expect(approximateMode([2, 3], 2, rng)).toEqual([1, 1]);
    expect(rng.nextUint32()).toBe(1608637542);
  });

  it('ties with different counts: 3,5,7,9,11,13 with N = 24 give three random extra draws', () => {
    const counts = [3, 5, 7, 9, 11, 13];
    const rng = new MT19937(0);
    const quotas = approximateMode(counts, 24, rng);
    const floors = counts.map((c) => Math.floor(c / 2));
    expect(quotas.reduce((a, b) => a + b, 0)).toBe(24);
    expect(quotas.filter((q, i) => q === floors[i]! + 1)).toHaveLength(3);
    expect(quotas.filter((q, i) => q === floors[i])).toHaveLength(3);
    // the tie-break is choice(range(6), 3): it shuffled all six candidates
    const chosen = new MT19937(0).choice([0, 1, 2, 3, 4, 5], 3);
    expect(quotas).toEqual(floors.map((f, i) => (chosen.includes(i) ? f + 1 : f)));
    expect(rng.nextUint32()).toBe(nextAfter(0, (r) => r.permutation(6)));
  });

  it('float drift: (1/49) x 49 = 0.9999999999999999, so the "trivial" second call still draws', () => {
    expect((1 / 49) * 49).toBe(0.9999999999999999);
    const counts = new Array<number>(49).fill(1);
    const rng = new MT19937(7);
    expect(approximateMode(counts, 49, rng)).toEqual(counts);
    // all 49 classes tie at the largest remainder: choice(49 candidates, 49) shuffled all of them
    expect(rng.nextUint32()).toBe(nextAfter(7, (r) => r.permutation(49)));
  });

  it('zero counts are allowed (second call after a class went fully to train)', () => {
    const rng = new MT19937(1);
    expect(approximateMode([0, 3, 1], 4, rng)).toEqual([0, 3, 1]);
  });
});
