import { isPandasNa } from '../../csv';
import { isBlank } from '../chars';
import type { CheckInput } from '../types';
import { findIssues, TOP, type Predictions } from './confident';
import { Featurizer, SparseRows } from './features';
import { ClassCounts, classTotals, fitTemperature, logPriors, logProbabilities, scoreRow, softmax } from './model';

/** Settings of the suspect-label search; the defaults are what the app and `trainset check` use. */
export interface SuspectOptions {
  /** Cross-validation folds (default 5): each row is judged by a model trained on the other folds. */
  folds?: number;
  /** Seeds the fold assignment (default 42): the same data and seed give the same findings. */
  seed?: number;
  /** Label classes with fewer rows are not judged and never suggested (default 5: one per fold). */
  minClassRows?: number;
  /**
   * Rows the models are trained on, at most (default 40,000): above it each fold trains on a
   * stratified sample (the same share of every class) and still judges all its rows. Counting
   * features is cheap, but keeping them costs memory (about 1 KB a row for a 150-character text);
   * 32,000 training rows per fold are far more than naive Bayes needs to learn a few hundred classes.
   */
  maxTrainRows?: number;
  /**
   * log2 of the number of hashed features (default 15, fewer with many classes so the weights stay
   * under 2^22: 16 MB per model). More features were measured to be no better (docs/suspect-labels.md).
   */
  bits?: number;
}

/** How a long run gives way (the shape of `runChecksSliced` and the token count). */
export interface SuspectSlicing {
  /** Awaited between slices (a macrotask, so a worker answers the requests queued meanwhile). */
  pause: () => Promise<void>;
  /** Checked after each pause: true when the answer is no longer wanted (the run then returns null). */
  cancelled: () => boolean;
  /** Work done and total (3 units per row: reading, training, scoring), after each slice and at the end with done = total. */
  onProgress?: (done: number, total: number) => void;
  /** Milliseconds of work between two pauses (default 30). */
  sliceMs?: number;
}

/** What the search found, by row position (not yet grid numbers). */
export interface SuspectLabels {
  /** Positions of the flagged rows, most suspicious (lowest self-confidence) first. */
  positions: Int32Array;
  /** Per flagged row: its given class, the suggested class (indexes into `classes`), the model's probabilities of both. */
  given: Int32Array;
  suggested: Int32Array;
  confidence: Float32Array;
  selfConfidence: Float32Array;
  /** The label values of each class, one per label column (the joint label). */
  classes: string[][];
  /** Rows judged (with a text, every label, and a class of at least `minClassRows` rows). */
  judged: number;
  /** Rows not judged because their class is too small to learn, and how many such classes. */
  tooSmall: { rows: number; classes: number; minRows: number };
  /** Rows the fold models were trained on in all (each model on about (folds - 1) / folds of them). */
  trainRows: number;
  folds: number;
  /** Share of the judged rows whose given label is the model's most probable one (its out-of-sample accuracy, if the labels were right). */
  agreement: number;
}

/** [done, total] work units, yielded every few hundred rows so the caller can pause. */
type Step = readonly [number, number];

const YIELD_EVERY = 512;
/** Rows of the training sample whose features size the room for all of them. */
const RESERVE_AFTER = 256;
/** Features made into weights between two yields. */
const FEATURE_CHUNK = 2048;
/** Rows (from all folds) whose out-of-sample scores fit the temperature. */
const CALIBRATION_ROWS = 600;

/**
 * The search as a generator: it yields its progress every few hundred rows and returns the
 * findings. {@link findSuspectLabels} runs it in one go, {@link findSuspectLabelsSliced} in slices.
 */
export function* suspectLabelSteps(input: CheckInput, options: SuspectOptions = {}): Generator<Step, SuspectLabels, void> {
  const folds = options.folds ?? 5;
  const seed = options.seed ?? 42;
  const minRows = Math.max(options.minClassRows ?? 5, folds);
  const maxTrain = options.maxTrainRows ?? 40_000;
  const { table } = input;
  const n = table.rowCount;
  const labelCols = input.answer === 'text' ? [] : input.labels;

  // 1. Each row's joint label as a class code (-1 when a label or the text is missing: those are
  // the empty and na-string checks' business), and a hash of its text that orders the rows.
  const joint = jointLabels(input, labelCols);
  yield [0, n * 3];
  const hash = new Uint32Array(n);
  const seedMix = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  for (let r = 0; r < n; r++) {
    if (joint.codes[r]! >= 0) {
      const text = table.cell(r, input.text);
      if (isBlank(text) || isPandasNa(text)) joint.codes[r] = -1;
      else hash[r] = textHash(text, seedMix);
    }
    if ((r & (YIELD_EVERY - 1)) === 0) yield [r, n * 3];
  }

  // 2. Classes big enough to learn, renumbered 0..K-1 in order of first appearance.
  const counts = new Int32Array(joint.values.length);
  for (let r = 0; r < n; r++) if (joint.codes[r]! >= 0) counts[joint.codes[r]!]!++;
  const learnt = new Int32Array(joint.values.length).fill(-1);
  const classes: string[][] = [];
  const tooSmall = { rows: 0, classes: 0, minRows };
  counts.forEach((c, code) => {
    if (c >= minRows) learnt[code] = classes.push(joint.values[code]!) - 1;
    else if (c > 0) {
      tooSmall.rows += c;
      tooSmall.classes++;
    }
  });
  const K = classes.length;
  const label = new Int32Array(n).fill(-1);
  for (let r = 0; r < n; r++) if (joint.codes[r]! >= 0) label[r] = learnt[joint.codes[r]!]!;
  const empty = (judged: number): SuspectLabels => ({
    positions: new Int32Array(0),
    given: new Int32Array(0),
    suggested: new Int32Array(0),
    confidence: new Float32Array(0),
    selfConfidence: new Float32Array(0),
    classes,
    judged,
    tooSmall,
    trainRows: 0,
    folds,
    agreement: 0,
  });
  if (K < 2) return empty(0);

  // 3. Stratified folds: each class's rows in the order of their text hashes (so neither the rows'
  // order in the file nor their neighbours decide), dealt to the folds in turn; the first rows of
  // that order are the training sample, the same share of every class.
  yield [n, n * 3];
  const { order, classStart } = rowsByClass(label, hash, K);
  yield [n, n * 3];
  const judged = order.length;
  const fold = new Int8Array(n).fill(-1);
  const share = judged > maxTrain ? maxTrain / judged : 1;
  const sampled: number[] = [];
  for (let k = 0; k < K; k++) {
    const size = classStart[k + 1]! - classStart[k]!;
    const quota = share === 1 ? size : Math.max(folds, Math.round(size * share));
    for (let rank = 0; rank < size; rank++) {
      const r = order[classStart[k]! + rank]!;
      fold[r] = rank % folds;
      if (rank < quota) sampled.push(r);
    }
  }

  const bits = options.bits ?? Math.min(15, Math.max(12, Math.floor(Math.log2((1 << 22) / K))));
  const featurizer = new Featurizer(bits);
  const dim = featurizer.dim;
  // Progress in thirds of 3n units: reading the rows, training (features and the fold models), scoring.
  const total = 3 * n;
  let done = n;

  // 4. Features of the training sample, and their counts per class over all folds.
  const train = new SparseRows();
  const sampleOf = new Int32Array(n).fill(-1);
  const all = new ClassCounts(dim, K);
  for (let i = 0; i < sampled.length; i++) {
    const r = sampled[i]!;
    sampleOf[r] = i;
    train.add(featurizer.features(table.cell(r, input.text)));
    // From the first rows' sizes, room for the whole sample at once (a quarter more, for longer texts later).
    if (i === RESERVE_AFTER) train.reserve(sampled.length, Math.ceil((train.start[train.count]! / train.count) * sampled.length * 1.25));
    all.add(train, i, label[r]!, 1);
    if ((i & (YIELD_EVERY - 1)) === 0) yield [done + Math.floor((i * n) / (2 * sampled.length)), total];
  }
  done += Math.floor(n / 2);

  // 5. Per fold: the counts of the other folds' sample (all minus this fold's), made into weights,
  // then every row of this fold scored by that model: out-of-sample probabilities for every row.
  const position = new Int32Array(judged);
  const judgedIndex = new Int32Array(n).fill(-1);
  {
    let j = 0;
    for (let r = 0; r < n; r++) {
      if (label[r]! < 0) continue;
      position[j] = r;
      judgedIndex[r] = j++;
    }
  }
  const p: Predictions = {
    classes: K,
    given: Int32Array.from(position, (r) => label[r]!),
    self: new Float32Array(judged),
    topClass: new Int32Array(judged * TOP).fill(-1),
    topProb: new Float32Array(judged * TOP),
  };
  const work = new ClassCounts(dim, K);
  const scores = new Float64Array(K);
  let priors: Float64Array = new Float64Array(K);
  const score = (r: number, out: Float64Array): void => {
    const i = sampleOf[r]!;
    if (i >= 0) scoreRow(work.counts, priors, train.index, train.value, train.start[i]!, train.start[i + 1]!, out);
    else {
      const f = featurizer.features(table.cell(r, input.text));
      scoreRow(work.counts, priors, f.index, f.value, 0, f.nnz, out);
    }
  };
  /** Make `work` fold f's model: the other folds' counts as log-probabilities, and their priors. */
  function* buildModel(f: number, units: number): Generator<Step, void, void> {
    work.counts.set(all.counts);
    const sizes = new Float64Array(K);
    for (let i = 0; i < sampled.length; i++) {
      const r = sampled[i]!;
      if (fold[r] === f) work.add(train, i, label[r]!, -1);
      else sizes[label[r]!]!++;
      if ((i & (YIELD_EVERY * 8 - 1)) === 0) yield [done, total];
    }
    priors = logPriors(sizes);
    const totals = classTotals(work.counts, K);
    for (let from = 0; from < dim; from += FEATURE_CHUNK) {
      logProbabilities(work.counts, K, totals, from, Math.min(dim, from + FEATURE_CHUNK));
      yield [done + Math.floor((units * from) / dim), total];
    }
    done += units;
  }
  // First pass: each fold's model scores a spread of its own rows; one temperature is fitted on all
  // of them (per fold, a few mislabelled rows among few calibration rows made it swing tenfold).
  const foldRowsOf = Array.from({ length: folds }, (_, f) => foldRows(order, fold, f));
  const perFold = Math.ceil(CALIBRATION_ROWS / folds);
  const calibration = foldRowsOf.map((rows) => spread(rows, perFold));
  const calibrationCount = calibration.reduce((sum, rows) => sum + rows.length, 0);
  const calibrationScores = new Float64Array(calibrationCount * K);
  const calibrationLabels = new Int32Array(calibrationCount);
  const modelUnits = Math.floor(n / (4 * folds));
  let c = 0;
  for (let f = 0; f < folds; f++) {
    yield* buildModel(f, modelUnits);
    for (const r of calibration[f]!) {
      score(r, calibrationScores.subarray(c * K, (c + 1) * K));
      calibrationLabels[c++] = label[r]!;
    }
  }
  const temperature = fitTemperature(calibrationScores, calibrationLabels, K);
  // Second pass: every row of each fold, scored by that fold's model.
  for (let f = 0; f < folds; f++) {
    yield* buildModel(f, modelUnits);
    const rows = foldRowsOf[f]!;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      score(r, scores);
      softmax(scores, temperature);
      keep(p, judgedIndex[r]!, scores);
      if ((i & (YIELD_EVERY - 1)) === 0) yield [done + Math.floor((i * n) / judged), total];
    }
    done += Math.floor((rows.length * n) / judged);
  }

  // 6. Confident learning on the out-of-sample probabilities.
  yield [done, total];
  const issues = findIssues(p);
  let agree = 0;
  for (let j = 0; j < judged; j++) if (p.topClass[j * TOP] === p.given[j]) agree++;
  yield [total, total];
  const positions = Int32Array.from(issues.rows, (j) => position[j]!);
  return {
    positions,
    given: Int32Array.from(issues.rows, (j) => p.given[j]!),
    suggested: issues.suggested,
    confidence: issues.confidence,
    selfConfidence: Float32Array.from(issues.rows, (j) => p.self[j]!),
    classes,
    judged,
    tooSmall,
    trainRows: sampled.length,
    folds,
    agreement: agree / judged,
  };
}

/**
 * Find the rows whose label the model, trained on the other rows, confidently disagrees with. For
 * Node (the CLI, tests): runs in one go.
 */
export function findSuspectLabels(input: CheckInput, options: SuspectOptions = {}): SuspectLabels {
  const steps = suspectLabelSteps(input, options);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/**
 * {@link findSuspectLabels} in slices, for a worker: it pauses once a slice's time is spent and
 * returns null when `cancelled()` says so after a pause. The table must not change while it runs.
 */
export async function findSuspectLabelsSliced(input: CheckInput, slicing: SuspectSlicing, options: SuspectOptions = {}): Promise<SuspectLabels | null> {
  const sliceMs = slicing.sliceMs ?? 30;
  const steps = suspectLabelSteps(input, options);
  let sliceStart = performance.now();
  let step = steps.next();
  while (!step.done) {
    if (performance.now() - sliceStart > sliceMs) {
      slicing.onProgress?.(step.value[0], step.value[1]);
      await slicing.pause();
      if (slicing.cancelled()) return null;
      sliceStart = performance.now();
    }
    step = steps.next();
  }
  const total = 3 * input.table.rowCount;
  slicing.onProgress?.(total, total);
  return step.value;
}

/** Each row's joint label (all label columns) as a code, -1 when any label is missing; the values of each code. */
function jointLabels(input: CheckInput, cols: readonly number[]): { codes: Int32Array; values: string[][] } {
  const n = input.table.rowCount;
  const codes = new Int32Array(n).fill(cols.length === 0 ? -1 : 0);
  let values: string[][] = [[]];
  for (const col of cols) {
    // One column at a time: its values as codes, then (joint so far, this column) as a new dense code.
    const index = new Map<string, number>();
    const missing: boolean[] = [];
    const own: string[] = [];
    const pairs = new Map<number, number>();
    const next: string[][] = [];
    for (let r = 0; r < n; r++) {
      if (codes[r]! < 0) continue;
      const value = input.table.cell(r, col);
      let c = index.get(value);
      if (c === undefined) {
        c = own.length;
        index.set(value, c);
        own.push(value);
        missing.push(isBlank(value) || isPandasNa(value));
      }
      if (missing[c]) {
        codes[r] = -1;
        continue;
      }
      const key = codes[r]! * n + c;
      let j = pairs.get(key);
      if (j === undefined) {
        j = next.length;
        pairs.set(key, j);
        next.push([...values[codes[r]!]!, value]);
      }
      codes[r] = j;
    }
    values = next;
  }
  return { codes, values };
}

/** FNV-1a over the text's code units, finalised: orders rows within a class independently of their positions. */
function textHash(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** The judged rows grouped by class (`order[classStart[k] .. classStart[k + 1])`), each class in hash order, ties by position. */
function rowsByClass(label: Int32Array, hash: Uint32Array, K: number): { order: Int32Array; classStart: Int32Array } {
  const classStart = new Int32Array(K + 1);
  for (let r = 0; r < label.length; r++) if (label[r]! >= 0) classStart[label[r]! + 1]!++;
  for (let k = 0; k < K; k++) classStart[k + 1]! += classStart[k]!;
  const order = new Int32Array(classStart[K]!);
  const fill = classStart.slice(0, K);
  for (let r = 0; r < label.length; r++) if (label[r]! >= 0) order[fill[label[r]!]!++] = r;
  // Within a class, rows are in position order; sort by (hash, position) through one float key per
  // row: hash · 2^21 + rank is exact below 2^53, and a typed-array sort needs no comparator.
  for (let k = 0; k < K; k++) {
    const from = classStart[k]!;
    const size = classStart[k + 1]! - from;
    const keys = new Float64Array(size);
    const rankBits = Math.max(1, Math.ceil(Math.log2(size + 1)));
    const shift = 2 ** rankBits;
    const hashShift = rankBits > 21 ? rankBits - 21 : 0;
    for (let i = 0; i < size; i++) keys[i] = Math.floor(hash[order[from + i]!]! / 2 ** hashShift) * shift + i;
    keys.sort();
    const rows = order.slice(from, from + size);
    for (let i = 0; i < size; i++) order[from + i] = rows[keys[i]! % shift]!;
  }
  return { order, classStart };
}

/** The rows of fold `f`, in class-then-hash order. */
function foldRows(order: Int32Array, fold: Int8Array, f: number): Int32Array {
  let count = 0;
  for (let i = 0; i < order.length; i++) if (fold[order[i]!] === f) count++;
  const rows = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < order.length; i++) if (fold[order[i]!] === f) rows[j++] = order[i]!;
  return rows;
}

/** Up to `m` rows spread evenly over `rows` (which are in class order, so every class is represented). */
function spread(rows: Int32Array, m: number): Int32Array {
  const count = Math.min(m, rows.length);
  return Int32Array.from({ length: count }, (_, i) => rows[Math.floor((i * rows.length) / count)]!);
}

/** Keep a row's probability of its given class and its TOP most probable classes. */
function keep(p: Predictions, j: number, probs: Float64Array): void {
  p.self[j] = probs[p.given[j]!]!;
  const base = j * TOP;
  for (let k = 0; k < probs.length; k++) {
    const q = probs[k]!;
    if (p.topClass[base + TOP - 1]! >= 0 && q <= p.topProb[base + TOP - 1]!) continue;
    let t = TOP - 1;
    while (t > 0 && (p.topClass[base + t - 1]! < 0 || q > p.topProb[base + t - 1]!)) {
      p.topClass[base + t] = p.topClass[base + t - 1]!;
      p.topProb[base + t] = p.topProb[base + t - 1]!;
      t--;
    }
    p.topClass[base + t] = k;
    p.topProb[base + t] = q;
  }
}
