/**
 * sklearn's `_approximate_mode(class_counts, n_draws, rng)` (§4.5): per-class quotas that sum to
 * `n_draws`, ties in the fractional parts broken with `rng.choice`.
 */
import type { MT19937 } from '../random';

/**
 * Per-class quotas, bit-for-bit as sklearn 1.2.1 computes them (§4.5).
 *
 * Reproduced on purpose:
 * - `cont_i = (counts_i / total) * nDraws`: a double division then a double multiplication, in
 *   that order, and *no* rounding. In the second call (`counts − trainQuotas`, `n_test`) this
 *   drifts — (1/49) × 49 = 0.9999999999999999 — so quotas floor low and the tie-break below runs
 *   and consumes randomness even though the result usually equals the remaining counts (§4.5
 *   "Float drift in the second call"). Never shortcut it.
 * - Remainders are visited by distinct value, largest first, "same value" meaning exact double
 *   equality; within a value, class indices ascending, and `rng.choice(inds, addNow)` shuffles
 *   *all* tied candidates even when all of them are taken (§3, §4.5).
 *
 * @param counts non-negative integer count per class (in class order).
 * @param nDraws total to distribute.
 * @param rng the split's generator (advanced in place).
 * @returns quota per class.
 */
export function approximateMode(counts: ArrayLike<number>, nDraws: number, rng: MT19937): number[] {
  const k = counts.length;
  let total = 0;
  for (let i = 0; i < k; i++) total += counts[i]!;
  const cont = new Float64Array(k);
  const floored = new Array<number>(k);
  let flooredSum = 0;
  for (let i = 0; i < k; i++) {
    const c = (counts[i]! / total) * nDraws;
    cont[i] = c;
    const f = Math.floor(c);
    floored[i] = f;
    flooredSum += f;
  }
  let need = nDraws - flooredSum;
  if (need > 0) {
    const rem = new Float64Array(k);
    for (let i = 0; i < k; i++) rem[i] = cont[i]! - floored[i]!;
    // numpy: values = sort(unique(rem))[::-1]; for each value, inds = where(rem == value).
    // Sorting the class indices by (remainder desc, index asc) and walking runs of equal
    // remainders visits the same groups in the same order in O(K log K) instead of O(K^2).
    const order = Array.from({ length: k }, (_, i) => i);
    order.sort((a, b) => rem[b]! - rem[a]! || a - b);
    let start = 0;
    while (start < k && need > 0) {
      const value = rem[order[start]!]!;
      let end = start + 1;
      while (end < k && rem[order[end]!] === value) end++;
      const inds = order.slice(start, end);
      const addNow = Math.min(inds.length, need);
      for (const i of rng.choice(inds, addNow)) floored[i] = floored[i]! + 1;
      need -= addNow;
      start = end;
    }
  }
  return floored;
}
