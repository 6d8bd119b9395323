import type { CheckContext } from './context';
import { joinAnd, plural, quote, rowList } from './format';
import type { CheckResult } from './types';

const CLASSES_IN_MESSAGE = 5;
/** Classes described in `details` (the rows of all of them are in `rows`). */
const MAX_CLASSES = 200;

/** The classes for `details`, capped. */
export function classDetails(list: readonly { label: string; count: number }[]): { classes: { label: string; count: number }[]; truncated?: true } {
  return {
    classes: list.slice(0, MAX_CLASSES).map(({ label, count }) => ({ label, count })),
    ...(list.length > MAX_CLASSES ? { truncated: true as const } : {}),
  };
}

/** The stratification's name in messages: "category", "category + sub_category". */
export function strataName(ctx: CheckContext): string {
  return (ctx.stratify ?? []).map((c) => ctx.name(c)).join(' + ');
}

/**
 * `rare-class`: stratification classes with too few rows. Under `minClassRows` (2) the split cannot
 * run at all (error: scikit-learn needs a row of every class in each file); under `fewClassRows`
 * (10) the model sees few examples and validation one or two (warning). Rows with a missing
 * stratify cell are the empty/na-string checks' business and are not a class here.
 */
export function checkRareClass(ctx: CheckContext): CheckResult[] {
  const classes = ctx.classes();
  if (classes === null) return [];
  const name = strataName(ctx);
  const tooFew = new Uint8Array(classes.values.length);
  const few = new Uint8Array(classes.values.length);
  classes.counts.forEach((count, code) => {
    if (classes.missing[code] === 1) return;
    if (count < ctx.t.minClassRows) tooFew[code] = 1;
    else if (count < ctx.t.fewClassRows) few[code] = 1;
  });
  const results: CheckResult[] = [];
  const list = (marked: Uint8Array): { label: string; count: number; code: number }[] =>
    classes.values
      .map((label, code) => ({ label, count: classes.counts[code]!, code }))
      .filter((c) => marked[c.code] === 1)
      .sort((a, b) => a.count - b.count || a.code - b.code);
  const tooFewList = list(tooFew);
  if (tooFewList.length > 0) {
    const positions = ctx.positionsOf(classes, tooFew);
    const shown = tooFewList.slice(0, CLASSES_IN_MESSAGE).map((c) => {
      const rows = positions.filter((r) => classes.codes[r] === c.code).map((r) => ctx.table.rowNumber(r));
      return `${quote(c.label)} (${rowList(rows)})`;
    });
    if (tooFewList.length > CLASSES_IN_MESSAGE) shown.push(`${(tooFewList.length - CLASSES_IN_MESSAGE).toLocaleString('en-US')} more`);
    const one = tooFewList.length === 1;
    results.push(
      ctx.result({
        id: 'rare-class',
        severity: 'error',
        positions,
        message:
          `The split needs at least ${ctx.t.minClassRows} rows of every ${name} (one for each file), and ` +
          `${one ? `${name} ${shown[0]} has only ${plural(tooFewList[0]!.count, 'row')}` : `${tooFewList.length} ${name} values have fewer: ${joinAnd(shown)}`}. ` +
          `Add examples, relabel ${one && tooFewList[0]!.count === 1 ? 'the row' : 'the rows'}, or remove ${one && tooFewList[0]!.count === 1 ? 'it' : 'them'}.`,
        details: classDetails(tooFewList),
      }),
    );
  }
  const fewList = list(few);
  if (fewList.length > 0) {
    const shown = fewList.slice(0, CLASSES_IN_MESSAGE).map((c) => `${quote(c.label)} (${plural(c.count, 'row')})`);
    if (fewList.length > CLASSES_IN_MESSAGE) shown.push(`${(fewList.length - CLASSES_IN_MESSAGE).toLocaleString('en-US')} more`);
    results.push(
      ctx.result({
        id: 'rare-class',
        severity: 'warning',
        positions: ctx.positionsOf(classes, few),
        message:
          `${plural(fewList.length, `${name} value`)} ${fewList.length === 1 ? 'has' : 'have'} fewer than ${ctx.t.fewClassRows} rows: ${joinAnd(shown)}. ` +
          'The model sees few examples of them, and the validation file gets only one or two, so their scores mean little.',
        details: classDetails(fewList),
      }),
    );
  }
  return results;
}
