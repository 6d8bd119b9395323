import { isPandasNa } from '../csv';
import type { CheckContext } from './context';
import { joinAnd, plural, quote } from './format';
import type { CheckResult } from './types';

const LISTED = 4;

/**
 * `na-string` (error): a cell that is one of pandas' NA strings (`NA`, `N/A`, `null`, `NaN`, `#N/A`,
 * …; sklearn-split.md §6), which the notebook's `read_csv` turns into NaN and writes as NaN. Exact
 * and case-sensitive as in pandas 1.5.3: `None`, `none` and `" NA"` stay text. Empty cells are the
 * `empty` check's.
 */
export function checkNaString(ctx: CheckContext): CheckResult[] {
  const positions: number[] = [];
  const columns: { column: string; count: number; values: { value: string; count: number }[] }[] = [];
  for (const col of ctx.pandasColumns) {
    // In one rare column type pandas keeps NA strings as text (see ColumnProfile.naIsText).
    if (ctx.profile(col).naIsText) continue;
    const found = ctx.matching(col, (v) => v !== '' && isPandasNa(v));
    if (found.length === 0) continue;
    const perValue = new Map<string, number>();
    for (const r of found) {
      const v = ctx.table.cell(r, col);
      perValue.set(v, (perValue.get(v) ?? 0) + 1);
    }
    positions.push(...found);
    columns.push({
      column: ctx.name(col),
      count: found.length,
      values: [...perValue].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count),
    });
  }
  if (columns.length === 0) return [];
  const rows = new Set(positions).size;
  const listed = columns.flatMap((c) => c.values.map((v) => `${quote(v.value)} in ${c.column} (${plural(v.count, 'row')})`));
  const shown = listed.length > LISTED ? [...listed.slice(0, LISTED), `${listed.length - LISTED} more`] : listed;
  return [
    ctx.result({
      id: 'na-string',
      severity: 'error',
      positions,
      message:
        `${plural(rows, 'row')} ${rows === 1 ? 'holds' : 'hold'} a value that pandas reads as "missing" (NaN) rather than as text: ${joinAnd(shown)}. ` +
        'The notebook would write NaN there. Replace the value with words (for example "not applicable") or remove the rows.',
      details: { columns },
    }),
  ];
}
