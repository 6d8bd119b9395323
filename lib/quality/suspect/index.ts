/**
 * suspect-label: rows whose label looks wrong. Every row is scored out of sample by 5-fold
 * cross-validation of a naive Bayes text classifier on hashed word and character features (the
 * class is the joint label, so a suggestion is always a combination found in the data), and
 * confident learning flags the rows whose model confidently believes another label.
 *
 * A separate run, not one of `runChecks`' checks: `checkSuspectLabels` (Node, one go) or
 * `checkSuspectLabelsSliced` (a worker: slices, progress, cancellation) give the usual `CheckResult`.
 */
export { checkSuspectLabels, checkSuspectLabelsSliced, suspectLabelResult } from './check';
export { findSuspectLabels, findSuspectLabelsSliced, type SuspectLabels, type SuspectOptions, type SuspectSlicing } from './find';
