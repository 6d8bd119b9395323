import type { CheckId } from './types';

/**
 * Every id `runChecks` can report, in the order its checks run (a check may report two ids:
 * `duplicate` and `conflicting-duplicate`). Reports list only what was found; this lists what was
 * looked for, so a machine-readable report can say that a check ran and found nothing.
 */
export const CHECK_IDS = [
  'empty',
  'na-string',
  'inferred-type',
  'malformed-row',
  'whitespace',
  'encoding',
  'formula-quote',
  'duplicate',
  'conflicting-duplicate',
  'near-duplicate',
  'near-duplicate-conflict',
  'split-leakage',
  'label-variant',
  'hierarchy',
  'rare-class',
  'imbalance',
  'length',
  'pii',
  'too-few-examples',
  'target-limits',
  'typo',
] as const satisfies readonly CheckId[];

// Fails to compile, naming the id, when a check id is added to CheckId but not here (suspect-label runs on its own).
type Missing = Exclude<CheckId, (typeof CHECK_IDS)[number] | 'suspect-label'>;
export const CHECK_IDS_COMPLETE: [Missing] extends [never] ? true : Missing = true;
