import type { CheckContext } from './context';
import { joinAnd, quote } from './format';
import type { CheckResult } from './types';

/**
 * `inferred-type` (error): every filled cell of a used column is a number (or true/false), so
 * pandas reads the column as numbers or booleans and the notebook would write `7` for `"007"`, or
 * `true` for `"TRUE"`. The export refuses such a column; the rows listed are each column's first
 * example.
 */
export function checkInferredType(ctx: CheckContext): CheckResult[] {
  const positions: number[] = [];
  const found: { column: string; kind: string; value: string; row: number }[] = [];
  const columns: { column: string; count: number; kinds: Record<string, number> }[] = [];
  for (const col of ctx.pandasColumns) {
    const p = ctx.profile(col);
    if (!p.example || (p.kind !== 'int' && p.kind !== 'float' && p.kind !== 'bool')) continue;
    // The example is reported by its grid number; find its position (the first row holding it).
    const position = firstPosition(ctx, col, p.example.value);
    positions.push(position);
    const kind = p.kind === 'bool' ? 'true/false' : 'numbers';
    found.push({ column: ctx.name(col), kind, value: p.example.value, row: p.example.dataRow });
    columns.push({ column: ctx.name(col), count: 1, kinds: { [p.kind]: 1 } });
  }
  if (found.length === 0) return [];
  const what = joinAnd(found.map((f) => `${f.column} holds only ${f.kind} (first ${quote(f.value)}, row ${f.row})`));
  return [
    ctx.result({
      id: 'inferred-type',
      severity: 'error',
      positions,
      message:
        `${what}, so pandas would read ${found.length === 1 ? 'that column' : 'those columns'} as ${found.length === 1 ? found[0]!.kind : 'numbers or true/false'} ` +
        'and the notebook would write them as such (for example 7 for "007"). The export refuses this: make the values words (for example "code 7").',
      details: { columns },
    }),
  ];
}

function firstPosition(ctx: CheckContext, col: number, value: string): number {
  if (!ctx.isTextOnly(col)) {
    const v = ctx.values(col);
    return v.first[v.values.indexOf(value)] ?? 0;
  }
  for (let r = 0; r < ctx.rowCount; r++) if (ctx.table.cell(r, col) === value) return r;
  return 0;
}
