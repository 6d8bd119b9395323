/**
 * Quality checks: what would hurt a fine-tune, found before export — empty and NA cells, stray
 * spaces, mojibake, duplicates and conflicting labels, label variants and hierarchy drift, classes
 * too small to split, imbalance, length, personal data, too few examples, the chosen target's
 * limits (too many examples, files too large). Each check is a file;
 * `runChecks` runs them all on a framework-free view of the table (a `Dataset` in the app's
 * worker, streamed columns in the CLI), and `fixChange` turns a proposed fix into one undoable change.
 */
export type {
  CellFixKind,
  CheckDetails,
  CheckId,
  CheckInput,
  CheckOptions,
  CheckReport,
  CheckResult,
  CheckTable,
  Fix,
  LabelVariant,
  RowGroup,
  Severity,
  SuspectLabel,
  SuspectSummary,
  TokenCounter,
  Typo,
  TypoOptions,
} from './types';
export { CHECK_IDS } from './ids';
export {
  DEFAULT_THRESHOLDS,
  THRESHOLD_INFO,
  isThresholdName,
  parseThreshold,
  resolveThresholds,
  targetThresholds,
  type ThresholdName,
  type Thresholds,
} from './thresholds';
export { runChecks, runChecksSliced, hasErrors, type CheckLane, type CheckSlicing } from './run';
export { columnsTable, datasetTable, checkInput, type CheckSettings } from './table';
export { cleanCell, fixChange, fixSamples, type FixSample } from './fix';
export { normaliseText } from './duplicate';
export { nearDuplicateGroupIds } from './near-duplicate';
export { foldLabel, editDistance } from './label-variant';
export { piiKinds, type PiiKind } from './pii';
export { loadEnglishWords, looksEnglish, matchCase, replaceWord } from './typo';
export {
  checkSuspectLabels,
  checkSuspectLabelsSliced,
  findSuspectLabels,
  findSuspectLabelsSliced,
  suspectLabelResult,
  type SuspectLabels,
  type SuspectOptions,
  type SuspectSlicing,
} from './suspect';
