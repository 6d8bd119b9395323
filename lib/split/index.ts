/**
 * Byte-parity reimplementation of sklearn 1.2.1's `train_test_split` (stratified and not) on row
 * indices, driven by numpy 1.24's legacy MT19937. Spec: shared/docs/sklearn-split.md §1–4.
 */
export type { SplitError, SplitErrorCode, SplitOk, SplitResult, SplitSizesResult, TestSize } from './types';
export { parseTestSize, splitSizes } from './test-size';
export { pythonFloatRepr } from './python-repr';
export { compareCodePoints } from './compare';
export { stratifiedSplitCodes } from './stratified';
export { shuffleSplit } from './shuffle-split';
export { trainTestSplit } from './train-test-split';
export { approximateMode } from './approximate-mode';
export { keepGroupsTogether, type GroupKeeping, type KeptSplit } from './keep-groups';
