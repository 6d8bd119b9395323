/** Entry point mirroring `sklearn.model_selection.train_test_split` on row indices. */
import { shuffleSplit } from './shuffle-split';
import { stratifiedSplitCodes } from './stratified';
import type { SplitResult, TestSize } from './types';

/**
 * `train_test_split(range(n), test_size=T, stratify=y, random_state=seed)`, returning row indices.
 *
 * - `labels` as strings (one per row): `stratify=df['col']`.
 * - `labels` as string arrays (one per row): several stratify columns. sklearn joins each row's
 *   values with a single space (§4.2), so ("a b", "c") and ("a", "b c") are one class "a b c";
 *   reproduced on purpose.
 * - `labels === null`: `stratify=None`, i.e. {@link shuffleSplit} over `n` rows.
 *
 * Missing labels (NaN in Python, §4.2) are not handled here: callers refuse them beforehand.
 *
 * @param n number of rows; required when `labels` is null; when given with labels it must equal
 *   `labels.length`.
 * @throws TypeError / RangeError when `n` is missing for `labels === null` or disagrees with
 *   `labels.length` (programming errors; sklearn would raise "Found input variables with
 *   inconsistent numbers of samples").
 */
export function trainTestSplit(labels: readonly string[] | readonly (readonly string[])[] | null, testSize: TestSize, seed: number, n?: number): SplitResult {
  if (labels === null) {
    if (n === undefined) throw new TypeError('trainTestSplit: n is required when labels is null');
    return shuffleSplit(n, testSize, seed);
  }
  if (n !== undefined && n !== labels.length) {
    throw new RangeError(`trainTestSplit: n = ${n} but ${labels.length} labels were given`);
  }
  // Map each row's class string to a first-seen code; the stratified core sorts the distinct labels.
  const codes = new Int32Array(labels.length);
  const codeOf = new Map<string, number>();
  const codeLabels: string[] = [];
  for (let r = 0; r < labels.length; r++) {
    const row = labels[r]!;
    const label = typeof row === 'string' ? row : row.join(' ');
    let code = codeOf.get(label);
    if (code === undefined) {
      code = codeLabels.length;
      codeOf.set(label, code);
      codeLabels.push(label);
    }
    codes[r] = code;
  }
  return stratifiedSplitCodes(codes, codeLabels, testSize, seed);
}
