import { isBlank } from './chars';
import type { CheckContext } from './context';
import { joinAnd, plural } from './format';
import type { CheckResult } from './types';

/**
 * `empty` (error): the text or a label is empty or only spaces. pandas reads an empty cell as NaN,
 * so the notebook would write NaN; a cell of spaces would become an example about nothing.
 */
export function checkEmpty(ctx: CheckContext): CheckResult[] {
  const positions: number[] = [];
  const columns: { column: string; count: number }[] = [];
  for (const col of ctx.used) {
    const found = ctx.matching(col, isBlank);
    if (found.length === 0) continue;
    positions.push(...found);
    columns.push({ column: ctx.name(col), count: found.length });
  }
  if (columns.length === 0) return [];
  const rows = new Set(positions).size;
  const where =
    columns.length === 1
      ? `an empty ${columns[0]!.column}`
      : `an empty text or label (${joinAnd(columns.map((c) => `${c.count.toLocaleString('en-US')} in ${c.column}`))})`;
  return [
    ctx.result({
      id: 'empty',
      severity: 'error',
      positions,
      message: `${plural(rows, 'row')} ${rows === 1 ? 'has' : 'have'} ${where}. Every example needs its text and all its labels: fill them in or remove the rows.`,
      details: { columns },
    }),
  ];
}
