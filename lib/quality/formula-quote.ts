import type { CheckContext, FixDraft } from './context';
import { plural, quote } from './format';
import type { CheckResult } from './types';

/**
 * A cell that starts with an apostrophe and then `=`, `+`, `-` or `@`: the mark Trainset's cleaned
 * CSV (and spreadsheet programs) put before such a cell so a spreadsheet shows it as text instead of
 * running it as a formula. Read back as training data, the apostrophe would go into the file.
 */
const FORMULA_QUOTE = /^'[=+\-@]/;

/** The cell without the apostrophe a spreadsheet export put before it. */
export function removeFormulaQuote(value: string): string {
  return FORMULA_QUOTE.test(value) ? value.slice(1) : value;
}

/**
 * `formula-quote` (warning): cells that look like a cleaned CSV read back, with `'` before text
 * starting with `= + - @` ("'-2+3 is what I was charged"). Each column gets one fix that removes
 * the apostrophe, so the text is the customer's again.
 */
export function checkFormulaQuote(ctx: CheckContext): CheckResult[] {
  const positions: number[] = [];
  const fixes: FixDraft[] = [];
  const parts: string[] = [];
  let first: string | undefined;
  for (const col of ctx.used) {
    const rows = ctx.matching(col, (v) => FORMULA_QUOTE.test(v));
    if (rows.length === 0) continue;
    const column = ctx.name(col);
    positions.push(...rows);
    fixes.push({ kind: 'remove-formula-quote', col, column, positions: rows });
    parts.push(`${plural(rows.length, 'cell')} in ${column}`);
    first ??= `The first is row ${ctx.table.rowNumber(rows[0]!)}: ${quote(ctx.table.cell(rows[0]!, col), 60)}.`;
  }
  if (positions.length === 0) return [];
  return [
    ctx.result({
      id: 'formula-quote',
      severity: 'warning',
      positions,
      message: `${parts.join(' and ')} ${positions.length === 1 ? 'starts' : 'start'} with an apostrophe before = + - or @, as a spreadsheet-safe CSV writes them (Trainset's cleaned CSV does). ${first} Read back as training data, the apostrophe would be in the file: remove it.`,
      fixes,
    }),
  ];
}
