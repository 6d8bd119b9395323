/** `train_test_split(..., stratify=None)` = sklearn's `ShuffleSplit` (§4.8). */
import { MT19937 } from '../random';
import { seedError } from './errors';
import { splitSizes } from './test-size';
import type { SplitResult, TestSize } from './types';

/**
 * Unstratified split of rows 0..n-1, as `train_test_split(range(n), test_size=T, random_state=seed)`.
 *
 * Sizes as in §4.1 (no label checks at all), then the seed, then one `permutation(n)`:
 * test = perm[0 : n_test], train = perm[n_test : n_test + n_train], each in permutation order —
 * test comes *first* and there is no extra shuffle (§4.8). The class fields of the result are empty.
 *
 * @param n number of rows (a non-negative integer).
 * @throws RangeError if `n` is not a non-negative integer (a programming error).
 */
export function shuffleSplit(n: number, testSize: TestSize, seed: number): SplitResult {
  const sizes = splitSizes(n, testSize);
  if (!sizes.ok) return sizes;
  const badSeed = seedError(seed);
  if (badSeed !== null) return { ok: false, error: badSeed };
  const perm = new MT19937(seed).permutation(n);
  const test = perm.slice(0, sizes.nTest);
  const train = perm.slice(sizes.nTest, sizes.nTest + sizes.nTrain);
  return {
    ok: true,
    train,
    test,
    nTrain: train.length,
    nTest: test.length,
    classes: [],
    classCounts: [],
    trainPerClass: [],
    testPerClass: [],
  };
}
