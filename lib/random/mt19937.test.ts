import { describe, expect, it } from 'vitest';
import { MT19937, isValidSeed } from './index';

// Test vectors: shared/docs/sklearn-split.md §1–3 (taken from numpy 1.24.2 RandomState).

describe('MT19937 seeding and raw outputs (§1)', () => {
  it.each([
    [0, [2357136044, 2546248239, 3071714933]],
    [1, [1791095845, 4282876139, 3093770124]],
    [42, [1608637542, 3421126067, 4083286876]],
    [12345, [3992670690, 3823185381, 1358822685]],
    [4294967295, [419326371, 479346978, 3918654476]],
  ])('seed %i gives the first three outputs of numpy', (seed, expected) => {
    const rng = new MT19937(seed);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual(expected);
  });

  it('seed 42 outputs 624..626 (first words of the second block)', () => {
    const rng = new MT19937(42);
    for (let i = 1; i < 624; i++) rng.nextUint32();
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([1077437785, 108880612, 791707097]);
  });

  it('outputs are unsigned 32-bit integers', () => {
    const rng = new MT19937(7);
    for (let i = 0; i < 2000; i++) {
      const v = rng.nextUint32();
      expect(Number.isInteger(v) && v >= 0 && v <= 0xffffffff).toBe(true);
    }
  });

  it('rejects seeds numpy rejects (programming error: throws)', () => {
    expect(() => new MT19937(-1)).toThrow('Seed must be between 0 and 2**32 - 1');
    expect(() => new MT19937(4294967296)).toThrow(RangeError);
    expect(() => new MT19937(1.5)).toThrow(RangeError);
    expect(() => new MT19937(Number.NaN)).toThrow(RangeError);
    expect(isValidSeed(0)).toBe(true);
    expect(isValidSeed(4294967295)).toBe(true);
    expect(isValidSeed(4294967296)).toBe(false);
  });
});

describe('bounded draw: masked rejection (§2)', () => {
  it('worked example: seed 42, max 4 rejects 1608637542 (&7 = 6) and returns 3421126067 & 7 = 3', () => {
    const rng = new MT19937(42);
    expect(rng.interval(4)).toBe(3);
    // exactly two outputs were consumed: the next one is the third output of seed 42
    expect(rng.nextUint32()).toBe(4083286876);
  });

  it('max = 0 returns 0 without consuming an output', () => {
    const rng = new MT19937(42);
    expect(rng.interval(0)).toBe(0);
    expect(rng.nextUint32()).toBe(1608637542);
  });

  it('matches "mask then reject" on the raw stream for many bounds', () => {
    const a = new MT19937(12345);
    const b = new MT19937(12345);
    for (let max = 1; max < 3000; max += 7) {
      let mask = max;
      for (let s = 1; s <= 16; s *= 2) mask |= mask >>> s;
      let expected: number;
      do expected = (b.nextUint32() & mask) >>> 0;
      while (expected > max);
      expect(a.interval(max)).toBe(expected);
    }
  });

  it('max = 2**32 - 1 uses the full output (mask 0xffffffff, never rejects)', () => {
    const a = new MT19937(1);
    expect(a.interval(0xffffffff)).toBe(1791095845);
  });
});

describe('shuffle / permutation / choice (§3)', () => {
  it.each([
    [0, [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]],
    [1, [2, 9, 6, 4, 0, 3, 1, 7, 8, 5]],
    [42, [8, 1, 5, 0, 7, 2, 9, 4, 3, 6]],
    [12345, [0, 7, 3, 9, 6, 4, 1, 8, 5, 2]],
    [4294967295, [6, 9, 5, 1, 8, 0, 7, 4, 2, 3]],
  ])('seed %i: permutation(10) matches numpy', (seed, expected) => {
    expect(Array.from(new MT19937(seed).permutation(10))).toEqual(expected);
  });

  it('shuffle of a number[] follows the same loop as permutation', () => {
    const values = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    new MT19937(42).shuffle(values);
    expect(values).toEqual([18, 11, 15, 10, 17, 12, 19, 14, 13, 16]);
  });

  it('length 0 and 1 consume nothing', () => {
    const rng = new MT19937(0);
    expect(Array.from(rng.permutation(0))).toEqual([]);
    expect(Array.from(rng.permutation(1))).toEqual([0]);
    expect(rng.nextUint32()).toBe(2357136044);
  });

  it('choice = first k of the full permutation, even when k = len (consumes randomness)', () => {
    const inds = [3, 5, 9, 11];
    const perm = Array.from(new MT19937(42).permutation(4));
    const rng = new MT19937(42);
    expect(rng.choice(inds, 2)).toEqual([inds[perm[0]!], inds[perm[1]!]]);

    const all = new MT19937(42);
    const chosen = all.choice(inds, 4);
    expect([...chosen].sort((x, y) => x - y)).toEqual(inds);
    // the full shuffle was drawn, so the stream moved exactly as permutation(4) moves it
    const ref = new MT19937(42);
    ref.permutation(4);
    expect(all.nextUint32()).toBe(ref.nextUint32());
  });

  it('choice of one candidate consumes nothing', () => {
    const rng = new MT19937(42);
    expect(rng.choice([7], 1)).toEqual([7]);
    expect(rng.nextUint32()).toBe(1608637542);
  });

  it('choice refuses k > len like numpy', () => {
    expect(() => new MT19937(0).choice([1, 2], 3)).toThrow(RangeError);
  });
});
