/**
 * Public types of the sklearn-parity split (shared/docs/sklearn-split.md §4).
 * Other modules (exporter, CLI, app) are written against these shapes: keep them stable.
 */

/**
 * A `test_size` as Python sees it. Python distinguishes int and float test sizes (float 1.0 is
 * invalid, int 1 is valid, §4.1); JS cannot, so the kind travels with the value.
 * For `kind: 'int'` the value must be an integer.
 */
export type TestSize = { kind: 'float' | 'int'; value: number };

/** Machine-readable reason a split was refused; the human text is in {@link SplitError.message}. */
export type SplitErrorCode =
  /** `test_size=... should be either positive and smaller than ...` (§4.1) */
  | 'invalid-test-size'
  /** `With n_samples=..., the resulting train set will be empty...` (§4.1) */
  | 'empty-train'
  /** `The least populated class in y has only 1 member...` (§4.4 check 1) */
  | 'singleton-class'
  /** `The train_size = N should be greater or equal to the number of classes = K` (§4.4 check 2) */
  | 'train-lt-classes'
  /** `The test_size = N should be greater or equal to the number of classes = K` (§4.4 check 3) */
  | 'test-lt-classes'
  /** `Seed must be between 0 and 2**32 - 1` (§4.4 check 4; also sklearn's text for a non-integer seed) */
  | 'invalid-seed';

/** A refused split: an expected outcome, returned as a value (never thrown). */
export type SplitError = {
  code: SplitErrorCode;
  /** Exactly sklearn's/numpy's text for the same input (Python float repr included). */
  message: string;
  /**
   * For `singleton-class` only: the class strings (joined with a space for several stratify
   * columns) that have a single member, in class (code-point) order, so callers can point at rows.
   */
  classes?: string[];
};

/** A successful split. */
export type SplitOk = {
  ok: true;
  /** Row indices (0-based, into the input) in output order, exactly as sklearn returns them. */
  train: Int32Array;
  /** Row indices (0-based, into the input) in output order, exactly as sklearn returns them. */
  test: Int32Array;
  /** Length of `train` (n_train of §4.1). */
  nTrain: number;
  /** Length of `test` (n_test of §4.1). */
  nTest: number;
  /** Stratified only (empty for no stratification): classes in sklearn order (code-point sorted, §4.3). */
  classes: string[];
  /** Stratified only: number of rows of each class, parallel to `classes`. */
  classCounts: number[];
  /** Stratified only: rows of each class that went to train (first `_approximate_mode`, §4.5). */
  trainPerClass: number[];
  /** Stratified only: rows of each class that went to test (second `_approximate_mode`, §4.5). */
  testPerClass: number[];
};

/** Outcome of a split: the indices, or the error sklearn would have raised. */
export type SplitResult = SplitOk | { ok: false; error: SplitError };

/** Outcome of {@link splitSizes}. */
export type SplitSizesResult = { ok: true; nTrain: number; nTest: number } | { ok: false; error: SplitError };
