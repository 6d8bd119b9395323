import { CheckContext } from './context';
import { checkDuplicates } from './duplicate';
import { checkEmpty } from './empty';
import { checkEncoding } from './encoding';
import { checkFormulaQuote } from './formula-quote';
import { checkHierarchy } from './hierarchy';
import { checkImbalance } from './imbalance';
import { checkInferredType } from './inferred-type';
import { checkLabelVariant } from './label-variant';
import { checkLength } from './length';
import { checkMalformedRows } from './malformed-row';
import { checkNearDuplicates } from './near-duplicate';
import { checkNaString } from './na-string';
import { checkPii } from './pii';
import { checkRareClass } from './rare-class';
import { checkTargetLimits } from './target-limits';
import { checkTooFewExamples } from './too-few-examples';
import { checkTypo } from './typo';
import type { CheckInput, CheckOptions, CheckReport, CheckResult, Severity } from './types';
import { checkWhitespace } from './whitespace';

/**
 * A check: its findings, or a generator that yields where it may pause (a long pass over the rows)
 * and returns them. `runChecks` runs it through; `runChecksSliced` pauses at its yields.
 */
type Check = (ctx: CheckContext) => CheckResult[] | Generator<void, CheckResult[], void>;

const CHECKS: Check[] = [
  checkEmpty,
  checkNaString,
  checkInferredType,
  checkMalformedRows,
  checkWhitespace,
  checkEncoding,
  checkFormulaQuote,
  checkDuplicates,
  checkLabelVariant,
  checkHierarchy,
  checkRareClass,
  checkImbalance,
  checkLength,
  checkPii,
  checkTooFewExamples,
  checkTargetLimits,
];

/**
 * The slow checks (seconds at 100k rows; never an error, so they do not decide whether the files
 * may be downloaded): the app runs them after the others, in their own run, so a download or a click
 * right after a change does not wait for them. `runChecks` runs both lists.
 */
const SLOW_CHECKS: Check[] = [checkNearDuplicates, checkTypo];

/** Which checks a sliced run makes: the quick ones (they decide the downloads), or the slow ones. */
export type CheckLane = 'quick' | 'slow';

/** A check's findings, its pauses run through. */
function drain(out: ReturnType<Check>): CheckResult[] {
  if (!isSteps(out)) return out;
  let step = out.next();
  while (!step.done) step = out.next();
  return step.value;
}

const isSteps = (out: ReturnType<Check>): out is Generator<void, CheckResult[], void> => !Array.isArray(out);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Run every check on the table. Each check makes one pass over the columns it reads (label columns
 * are reduced to their distinct values once, shared by all checks), so 1,000,000 rows take a few
 * seconds in Node and the app runs it in the dataset worker.
 *
 * The report lists only checks that found something: errors first, then warnings, then info, by id
 * within a severity. Any error means the export would be refused or wrong.
 */
export function runChecks(input: CheckInput, options: CheckOptions = {}): CheckReport {
  const ctx = new CheckContext(input, options);
  return report(
    ctx,
    [...CHECKS, ...SLOW_CHECKS].flatMap((check) => drain(check(ctx))),
  );
}

/** How a sliced run gives way: `pause` between checks, and stops (null) when `cancelled` says its answer is no longer wanted. */
export interface CheckSlicing {
  pause: () => Promise<void>;
  cancelled: () => boolean;
  /** Milliseconds of work between two pauses (default 30). */
  sliceMs?: number;
  /** The quick checks (default) or the slow ones. */
  lane?: CheckLane;
}

/**
 * `runChecks` in slices: it pauses between two checks once a slice's time is spent, so a worker
 * answers the calls that came meanwhile (a sort, the next rows) instead of after the whole run. The
 * table must not change during a pause; the caller cancels the run when it does.
 */
export async function runChecksSliced(input: CheckInput, options: CheckOptions, slicing: CheckSlicing): Promise<CheckReport | null> {
  const sliceMs = slicing.sliceMs ?? 30;
  const ctx = new CheckContext(input, options);
  const results: CheckResult[] = [];
  let sliceStart = performance.now();
  const giveWay = async (): Promise<boolean> => {
    if (performance.now() - sliceStart <= sliceMs) return true;
    await slicing.pause();
    sliceStart = performance.now();
    return !slicing.cancelled();
  };
  const prepare = ctx.prepare();
  while (!prepare.next().done) if (!(await giveWay())) return null;
  for (const check of slicing.lane === 'slow' ? SLOW_CHECKS : CHECKS) {
    if (!(await giveWay())) return null;
    const out = check(ctx);
    if (!isSteps(out)) {
      results.push(...out);
      continue;
    }
    let step = out.next();
    while (!step.done) {
      if (!(await giveWay())) return null;
      step = out.next();
    }
    results.push(...step.value);
  }
  return report(ctx, results);
}

function report(ctx: CheckContext, results: CheckResult[]): CheckReport {
  results.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows: ctx.table.rowCount, checks: results, thresholds: ctx.t };
}

/** True when a check found something that blocks the export. */
export const hasErrors = (report: CheckReport): boolean => report.checks.some((c) => c.severity === 'error');
