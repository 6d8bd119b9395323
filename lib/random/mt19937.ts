/**
 * MT19937 exactly as `numpy.random.RandomState(seed)` (numpy's *legacy* generator) uses it, plus the
 * three legacy helpers the split needs: bounded draws, `shuffle`/`permutation` and
 * `choice(..., replace=False)`.
 *
 * Spec: shared/docs/sklearn-split.md §1–3. Everything here reproduces numpy 1.24's stream bit for bit;
 * none of it is a general-purpose RNG API (no floats, no 64-bit draws, no Gaussian cache).
 */

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

/** Largest seed numpy's legacy seeding accepts (2**32 - 1). */
export const MAX_SEED = 0xffffffff;

/** true when `seed` is an integer numpy's `RandomState(int)` accepts: 0 <= seed <= 2**32 - 1. */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED;
}

/**
 * The Mersenne Twister seeded like `numpy.random.RandomState(seed)`.
 *
 * Seeding is the classic `init_genrand` (§1), **not** `init_by_array`, which is what Python's
 * `random.seed(42)` and most JS MT libraries use and which gives a completely different stream.
 */
export class MT19937 {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /**
   * @param seed integer in [0, 2**32 - 1].
   * @throws RangeError for any other value (a programming error: split code validates seeds first
   *   and reports them as values).
   */
  constructor(seed: number) {
    if (!isValidSeed(seed)) {
      throw new RangeError('Seed must be between 0 and 2**32 - 1');
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    let prev = seed >>> 0;
    for (let i = 1; i < N; i++) {
      // Math.imul gives exactly the low 32 bits of the product; a plain `*` on doubles would
      // exceed 2**53 and lose them (§1).
      prev = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
      mt[i] = prev;
    }
    // index = 624: the first draw regenerates the whole block, as numpy does.
    this.index = N;
  }

  /** Regenerate the 624-word block in place (entries >= 227 read already-updated words on purpose). */
  private twist(): void {
    const mt = this.mt;
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    this.index = 0;
  }

  /** Next tempered 32-bit output, as an unsigned integer in [0, 2**32 - 1]. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * Uniform integer in the **inclusive** range [0, max]: numpy's `random_interval` (§2).
   *
   * Masked rejection, not modulo and not Lemire: mask = smallest 2^k - 1 >= max, draw, AND with the
   * mask, retry while the result exceeds `max` (every rejected draw consumes an output).
   * `max = 0` returns 0 **without consuming** an output, exactly as numpy does.
   *
   * @param max integer in [0, 2**32 - 1] (the 64-bit branch numpy has for larger bounds is
   *   unreachable for array indices and not implemented).
   */
  interval(max: number): number {
    if (max === 0) return 0;
    if (!(Number.isInteger(max) && max > 0 && max <= 0xffffffff)) {
      throw new RangeError(`interval: max must be an integer in [0, 2**32 - 1], got ${max}`);
    }
    let mask = max >>> 0;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    // numpy also ORs in `mask >> 32`, a no-op below 2**32; in JS `x >>> 32` is `x`, so it is left out.
    mask >>>= 0;
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /**
   * In-place legacy Fisher–Yates shuffle, from the end (§3): for i = len-1 down to 1,
   * j = interval(i) (inclusive bound), swap a[i] and a[j]. Length 0 or 1 consumes nothing.
   */
  shuffle(a: Int32Array | number[]): void {
    for (let i = a.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      const tmp = a[i]!;
      a[i] = a[j]!;
      a[j] = tmp;
    }
  }

  /** `RandomState.permutation(n)`: shuffle of [0, 1, ..., n-1] (§3). */
  permutation(n: number): Int32Array {
    if (!(Number.isInteger(n) && n >= 0 && n <= 0x7fffffff)) {
      throw new RangeError(`permutation: n must be a non-negative integer, got ${n}`);
    }
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = i;
    this.shuffle(a);
    return a;
  }

  /**
   * `RandomState.choice(inds, size=k, replace=False)` without probabilities (§3): numpy shuffles the
   * **full** range `permutation(len(inds))` and keeps the first k — so it consumes randomness even
   * when k = len(inds). Only the chosen set matters to callers, but the order is numpy's too.
   *
   * @throws RangeError when k is not an integer in [0, len(inds)] (numpy raises too).
   */
  choice(inds: ArrayLike<number>, k: number): number[] {
    if (!(Number.isInteger(k) && k >= 0 && k <= inds.length)) {
      throw new RangeError("Cannot take a larger sample than population when 'replace=False'");
    }
    const p = this.permutation(inds.length);
    const out = new Array<number>(k);
    for (let i = 0; i < k; i++) out[i] = inds[p[i]!]!;
    return out;
  }
}
