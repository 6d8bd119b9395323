import { plural, quote } from '../format';
import type { CheckInput, CheckResult, SuspectLabel, SuspectSummary } from '../types';
import { findSuspectLabels, findSuspectLabelsSliced, type SuspectLabels, type SuspectOptions, type SuspectSlicing } from './find';

/** Flagged rows quoted in the message. */
const IN_MESSAGE = 3;

/**
 * Below this out-of-sample agreement the model has not learnt the labels well enough for its
 * disagreements to mean much: measured on the committed samples of banking77 and hwu64 (about 5
 * rows per label, 55–59% agreement) it flagged a quarter of the rows, mostly correct ones, while on
 * the full sets (86–88%) its flags are mostly real mistakes or ambiguous texts. Then nothing is
 * flagged, quietly: an info saying so fired on every small file (`findSuspectLabels` gives the agreement).
 */
export const MIN_AGREEMENT = 0.75;

/**
 * The `suspect-label` finding (a warning) from what {@link findSuspectLabels} found, or none when no
 * row was flagged or the model agrees with under {@link MIN_AGREEMENT} of the labels (too little learnt to judge by). `rows`, `rowIds` and `details.suggestions` are most suspicious first; the
 * message names the first few and says how many rows were not judged (classes too small to learn).
 */
export function suspectLabelResult(input: CheckInput, found: SuspectLabels): CheckResult[] {
  const n = found.positions.length;
  if (n === 0 || found.agreement < MIN_AGREEMENT) return [];
  const { table } = input;
  const columns = input.labels.map((c) => table.header[c] ?? `column ${c + 1}`);
  const named = (values: string[]): Record<string, string> => Object.fromEntries(columns.map((c, i) => [c, values[i]!]));
  const suggestions: SuspectLabel[] = Array.from(found.positions, (position, i) => ({
    row: table.rowNumber(position),
    rowId: table.rowId(position),
    given: named(found.classes[found.given[i]!]!),
    suggested: named(found.classes[found.suggested[i]!]!),
    confidence: round(found.confidence[i]!),
    selfConfidence: round(found.selfConfidence[i]!),
    rank: i + 1,
  }));
  const label = (values: Record<string, string>): string => quote(Object.values(values).join(' › '), 50);
  const examples = suggestions
    .slice(0, IN_MESSAGE)
    .map(
      (s) =>
        `row ${s.row} (${quote(table.cell(found.positions[s.rank - 1]!, input.text), 50)}) is ${label(s.given)}, looks like ${label(s.suggested)} (${percent(s.confidence)})`,
    );
  const { tooSmall } = found;
  const message =
    `${plural(n, 'row')} may be mislabelled: a model trained on the other rows confidently gives ${n === 1 ? 'it' : 'them'} another label ` +
    `(it agrees with ${percent(found.agreement)} of the ${plural(found.judged, 'label')} it judged). ` +
    `Most suspicious first: ${examples.join('; ')}${n > IN_MESSAGE ? `; and ${(n - IN_MESSAGE).toLocaleString('en-US')} more` : ''}. ` +
    'Look at each: relabel the wrong ones; some are texts that fit two labels, which is worth knowing too.' +
    (tooSmall.rows > 0
      ? ` ${plural(tooSmall.rows, 'row')} of ${plural(tooSmall.classes, 'label')} with fewer than ${tooSmall.minRows} rows ${tooSmall.rows === 1 ? 'was' : 'were'} not judged: too few to learn from.`
      : '');
  return [
    {
      id: 'suspect-label',
      severity: 'warning',
      count: n,
      rows: suggestions.map((s) => s.row),
      rowIds: suggestions.map((s) => s.rowId),
      message,
      details: { suggestions, suspect: summary(found) },
    },
  ];
}

function summary(found: SuspectLabels): SuspectSummary {
  return {
    judged: found.judged,
    tooSmall: { ...found.tooSmall },
    classes: found.classes.length,
    folds: found.folds,
    trainRows: found.trainRows,
    agreement: round(found.agreement),
  };
}

/**
 * The suspect-label check in one go (Node: the CLI, tests): `[]` or one warning. Not part of
 * `runChecks`, which stays quick enough to run after every edit; this one takes about a second per
 * 30,000 rows.
 */
export function checkSuspectLabels(input: CheckInput, options: SuspectOptions = {}): CheckResult[] {
  return suspectLabelResult(input, findSuspectLabels(input, options));
}

/**
 * The suspect-label check in slices, for the app's worker: pauses between slices, reports progress,
 * and returns null when cancelled (an edit made the answer stale). The table must not change while it runs.
 */
export async function checkSuspectLabelsSliced(input: CheckInput, slicing: SuspectSlicing, options: SuspectOptions = {}): Promise<CheckResult[] | null> {
  const found = await findSuspectLabelsSliced(input, slicing, options);
  return found === null ? null : suspectLabelResult(input, found);
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
const percent = (x: number): string => `${Math.round(x * 100)}%`;
