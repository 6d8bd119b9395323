/**
 * Confident learning (Northcutt, Jiang & Chuang 2021, the method of cleanlab's `find_label_issues`
 * with `filter_by='both'`), on out-of-sample probabilities kept compactly: for each row the
 * probability of its given class and its `TOP` most probable classes. A class outside a row's top
 * few has a probability below 1/(TOP+1), too little to be "confidently believed" for any class
 * the model has learnt, so nothing the method needs is lost (the approximation is documented in
 * the output's comments rather than hidden: a class whose mean self-confidence is under that bound
 * was not learnt, and is never suggested).
 */

/** Classes kept per row, most probable first. */
export const TOP = 4;

/** Out-of-sample predictions of the judged rows (`m` of them). */
export interface Predictions {
  /** Number of classes. */
  classes: number;
  /** Per judged row: its given class. */
  given: Int32Array;
  /** Per judged row: the probability of its given class (its "self-confidence"). */
  self: Float32Array;
  /** Per judged row, `TOP` entries: the most probable classes, most probable first. */
  topClass: Int32Array;
  topProb: Float32Array;
}

/** The rows confident learning flags, most suspicious (lowest self-confidence) first. */
export interface Issues {
  /** Indexes into the judged rows. */
  rows: Int32Array;
  /** The class the model confidently believes instead. */
  suggested: Int32Array;
  /** The probability of the suggested class. */
  confidence: Float32Array;
}

/** The probability row `i` gives class `k`: from its top classes, else 0 (under 1/(TOP+1), see above). */
function prob(p: Predictions, i: number, k: number): number {
  if (p.given[i] === k) return p.self[i]!;
  for (let t = 0; t < TOP; t++) if (p.topClass[i * TOP + t] === k) return p.topProb[i * TOP + t]!;
  return 0;
}

/**
 * 1. Per-class thresholds: the mean self-confidence of the rows given that class.
 * 2. The confident joint: each row counted under (given class, the most probable class whose
 *    probability reaches that class's threshold), when there is one; `believed[i]` keeps it.
 * 3. Calibrated so that each given class's row of the joint sums to the class's size, then
 *    rounded: `joint[s][j]` estimates how many rows given `s` truly belong to `j`.
 * 4. Prune by noise rate: for each pair s ≠ j, the `joint[s][j]` rows given `s` with the largest
 *    margin p(j) - p(s) are issues (never all of a class: one row of each class is kept).
 * 5. Of those, only rows the model predicts as another class (argmax ≠ given) and that are in the
 *    joint off the diagonal (`filter_by='both'`) are flagged; the suggestion is the believed class.
 */
export function findIssues(p: Predictions): Issues {
  const m = p.given.length;
  const K = p.classes;
  const size = new Float64Array(K);
  const threshold = new Float64Array(K);
  for (let i = 0; i < m; i++) {
    size[p.given[i]!]!++;
    threshold[p.given[i]!]! += p.self[i]!;
  }
  for (let k = 0; k < K; k++) threshold[k] = size[k]! > 0 ? threshold[k]! / size[k]! : 1;

  const believed = new Int32Array(m).fill(-1);
  const joint = new Float64Array(K * K);
  for (let i = 0; i < m; i++) {
    const s = p.given[i]!;
    let best = -1;
    let bestP = -1;
    if (p.self[i]! >= threshold[s]!) {
      best = s;
      bestP = p.self[i]!;
    }
    for (let t = 0; t < TOP; t++) {
      const k = p.topClass[i * TOP + t]!;
      const q = p.topProb[i * TOP + t]!;
      if (k >= 0 && k !== s && q >= threshold[k]! && q > bestP) {
        best = k;
        bestP = q;
      }
    }
    if (best < 0) continue;
    believed[i] = best;
    joint[s * K + best]!++;
  }
  for (let s = 0; s < K; s++) {
    let rowSum = 0;
    for (let j = 0; j < K; j++) rowSum += joint[s * K + j]!;
    for (let j = 0; j < K; j++) joint[s * K + j] = rowSum > 0 ? Math.round((joint[s * K + j]! * size[s]!) / rowSum) : 0;
  }

  // Rows of each given class, for the pruning.
  const byClass: number[][] = Array.from({ length: K }, () => []);
  for (let i = 0; i < m; i++) byClass[p.given[i]!]!.push(i);
  const pruned = new Uint8Array(m);
  for (let s = 0; s < K; s++) {
    const rows = byClass[s]!;
    let budget = rows.length - 1;
    for (let j = 0; j < K && budget > 0; j++) {
      const want = j === s ? 0 : Math.min(joint[s * K + j]!, budget);
      if (want <= 0) continue;
      const margin = rows.map((i) => prob(p, i, j) - p.self[i]!);
      const order = rows.map((_, r) => r).sort((a, b) => margin[b]! - margin[a]! || rows[a]! - rows[b]!);
      for (let r = 0; r < want; r++) pruned[rows[order[r]!]!] = 1;
      budget -= want;
    }
  }

  const flagged: number[] = [];
  for (let i = 0; i < m; i++) {
    const s = p.given[i]!;
    const top = p.topClass[i * TOP]!;
    if (pruned[i] === 1 && top !== s && believed[i] !== -1 && believed[i] !== s) flagged.push(i);
  }
  // Most suspicious first: the lowest self-confidence; ties in row order.
  flagged.sort((a, b) => p.self[a]! - p.self[b]! || a - b);
  const suggested = Int32Array.from(flagged, (i) => believed[i]!);
  return {
    rows: Int32Array.from(flagged),
    suggested,
    confidence: Float32Array.from(flagged, (i, n) => prob(p, i, suggested[n]!)),
  };
}
