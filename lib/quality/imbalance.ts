import type { CheckContext } from './context';
import { plural, quote, ratio } from './format';
import { classDetails, strataName } from './rare-class';
import type { CheckResult } from './types';

/**
 * `imbalance` (info): the largest class has more than `imbalanceRatio` (10) times the rows of the
 * smallest. Classes are the stratification's, or the first label column's without stratification.
 * The rows listed are those of every class under a tenth (1/ratio) of the largest.
 */
export function checkImbalance(ctx: CheckContext): CheckResult[] {
  // Free-text answers are not classes (and are never stratified by).
  if (ctx.answer === 'text' && ctx.classes() === null) return [];
  const classes = ctx.classes() ?? (ctx.labels.length > 0 ? ctx.values(ctx.labels[0]!) : null);
  if (classes === null) return [];
  const name = ctx.classes() !== null ? strataName(ctx) : ctx.name(ctx.labels[0]!);
  const present = classes.values.map((label, code) => ({ label, count: classes.counts[code]!, code })).filter((c) => classes.missing[c.code] !== 1);
  if (present.length < 2) return [];
  const largest = present.reduce((a, b) => (b.count > a.count ? b : a));
  const smallest = present.reduce((a, b) => (b.count < a.count ? b : a));
  const r = largest.count / smallest.count;
  if (r <= ctx.t.imbalanceRatio) return [];
  const small = new Uint8Array(classes.values.length);
  const smallList = present.filter((c) => c.count * ctx.t.imbalanceRatio < largest.count).sort((a, b) => a.count - b.count || a.code - b.code);
  for (const c of smallList) small[c.code] = 1;
  return [
    ctx.result({
      id: 'imbalance',
      severity: 'info',
      positions: ctx.positionsOf(classes, small),
      message:
        `The largest ${name}, ${quote(largest.label)} (${plural(largest.count, 'row')}), has ${ratio(r)} times as many rows as the smallest, ` +
        `${quote(smallest.label)} (${plural(smallest.count, 'row')}); ${plural(smallList.length, `${name} value`)} ${smallList.length === 1 ? 'has' : 'have'} under ` +
        `1/${ctx.t.imbalanceRatio} of the largest's rows. A model leans towards large classes: add examples of the small ones if they matter.`,
      details: { ...classDetails(smallList), largest: { label: largest.label, count: largest.count } },
    }),
  ];
}
