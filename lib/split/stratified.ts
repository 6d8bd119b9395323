/**
 * `train_test_split(..., stratify=y, random_state=seed)` = sklearn's `StratifiedShuffleSplit`
 * (§4.2–4.6), on rows already reduced to small integer class codes.
 */
import { MT19937 } from '../random';
import { approximateMode } from './approximate-mode';
import { compareCodePoints } from './compare';
import { seedError, singletonClassError, testLtClassesError, trainLtClassesError } from './errors';
import { splitSizes } from './test-size';
import type { SplitResult, TestSize } from './types';

/**
 * Stratified split of rows given as class codes — the fast path for big data.
 *
 * Same result as `train_test_split(range(n), test_size=T, stratify=y, random_state=seed)` where
 * row r's label is `codeLabels[codes[r]]`. Codes may be in any order (e.g. first-seen); classes
 * are put in sklearn order by sorting only the distinct labels, by code point (§4.3). Member lists
 * come from a counting sort (ascending row order, as sklearn's stable argsort gives), so 1,000,000
 * rows take a few tens of milliseconds.
 *
 * Checks, in sklearn's order (the first failure is returned): test size / empty train (§4.1),
 * singleton class, n_train < K, n_test < K (§4.4), then the seed (§4.4 check 4 — the seed is only
 * looked at once the class checks pass, exactly as `check_random_state` is called that late).
 *
 * Robustness beyond the contract: a code that no row uses is ignored (sklearn never sees it), and
 * two codes with the same label string are merged into one class.
 *
 * @param codes class code per row, each in `0 .. codeLabels.length - 1`.
 * @param codeLabels class string of each code.
 * @param testSize the test size with its Python kind.
 * @param seed `random_state`; valid seeds are integers in [0, 2**32 - 1].
 * @throws RangeError if a code is out of range (a programming error).
 */
export function stratifiedSplitCodes(codes: Int32Array | Uint32Array, codeLabels: readonly string[], testSize: TestSize, seed: number): SplitResult {
  const n = codes.length;
  const sizes = splitSizes(n, testSize);
  if (!sizes.ok) return sizes;
  const { nTrain, nTest } = sizes;

  // --- classes (§4.3): count per code, sort the used codes' labels by code point, merge equal labels
  const nCodes = codeLabels.length;
  const codeCounts = new Int32Array(nCodes);
  for (let r = 0; r < n; r++) {
    const c = codes[r]!;
    if (!(c >= 0 && c < nCodes)) throw new RangeError(`stratifiedSplitCodes: row ${r} has code ${c}, outside 0..${nCodes - 1}`);
    codeCounts[c]!++;
  }
  const usedCodes: number[] = [];
  for (let c = 0; c < nCodes; c++) if (codeCounts[c]! > 0) usedCodes.push(c);
  usedCodes.sort((a, b) => compareCodePoints(codeLabels[a]!, codeLabels[b]!) || a - b);
  const classOfCode = new Int32Array(nCodes);
  const classes: string[] = [];
  const classCounts: number[] = [];
  for (const c of usedCodes) {
    const label = codeLabels[c]!;
    if (classes.length === 0 || classes[classes.length - 1] !== label) {
      classes.push(label);
      classCounts.push(0);
    }
    const k = classes.length - 1;
    classOfCode[c] = k;
    classCounts[k] = classCounts[k]! + codeCounts[c]!;
  }
  const nClasses = classes.length;

  // --- class-count checks, in sklearn's order (§4.4)
  const singletons = classes.filter((_, k) => classCounts[k]! < 2);
  if (singletons.length > 0) return { ok: false, error: singletonClassError(singletons) };
  if (nTrain < nClasses) return { ok: false, error: trainLtClassesError(nTrain, nClasses) };
  if (nTest < nClasses) return { ok: false, error: testLtClassesError(nTest, nClasses) };
  const badSeed = seedError(seed);
  if (badSeed !== null) return { ok: false, error: badSeed };

  // --- member lists: counting sort, rows ascending within each class (§4.3)
  const classStart = new Int32Array(nClasses + 1);
  for (let k = 0; k < nClasses; k++) classStart[k + 1] = classStart[k]! + classCounts[k]!;
  const fill = classStart.slice(0, nClasses);
  const members = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const k = classOfCode[codes[r]!]!;
    members[fill[k]!++] = r;
  }

  // --- quotas (§4.5): _approximate_mode twice, always, on the same generator
  const rng = new MT19937(seed);
  const trainPerClass = approximateMode(classCounts, nTrain, rng);
  const remaining = classCounts.map((c, k) => c - trainPerClass[k]!);
  const testPerClass = approximateMode(remaining, nTest, rng);

  // --- indices (§4.6). Each class: permutation(c_i) applied to its member list. Shuffling the member
  // list itself applies the very same swaps, so the result equals members[perm[j]] without
  // materialising perm. Then take the first n_i for train and the next t_i for test, with
  // Python's clamping slice semantics.
  let trainLen = 0;
  let testLen = 0;
  for (let k = 0; k < nClasses; k++) {
    const c = classCounts[k]!;
    const a = Math.min(trainPerClass[k]!, c);
    trainLen += a;
    testLen += Math.max(0, Math.min(a + testPerClass[k]!, c) - a);
  }
  const train = new Int32Array(trainLen);
  const test = new Int32Array(testLen);
  let ti = 0;
  let si = 0;
  for (let k = 0; k < nClasses; k++) {
    const start = classStart[k]!;
    const c = classCounts[k]!;
    const shuffled = members.subarray(start, start + c);
    rng.shuffle(shuffled);
    const a = Math.min(trainPerClass[k]!, c);
    const b = Math.max(a, Math.min(a + testPerClass[k]!, c));
    train.set(shuffled.subarray(0, a), ti);
    ti += a;
    test.set(shuffled.subarray(a, b), si);
    si += b - a;
  }
  // train = rng.permutation(train); test = rng.permutation(test): whole-list shuffles, train first.
  rng.shuffle(train);
  rng.shuffle(test);

  return {
    ok: true,
    train,
    test,
    nTrain: train.length,
    nTest: test.length,
    classes,
    classCounts,
    trainPerClass,
    testPerClass,
  };
}
