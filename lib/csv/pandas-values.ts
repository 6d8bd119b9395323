/**
 * What `pandas.read_csv` (1.5.3, defaults) makes of a cell, so the exporter can refuse exactly where
 * the notebook would write something other than the cell's text (sklearn-split.md §6).
 */

/**
 * pandas' default NA strings: a cell equal to one of these (after unquoting, exact, case-sensitive)
 * is NaN. `None` is not among them in 1.5.3 (it is from pandas 2.0).
 */
export const PANDAS_NA_STRINGS: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'n/a',
  'nan',
  'null',
]);

/** The longest NA string has 8 characters; checking the length first avoids hashing long texts. */
const MAX_NA_LENGTH = 8;

export const isPandasNa = (cell: string): boolean => cell.length <= MAX_NA_LENGTH && PANDAS_NA_STRINGS.has(cell);

// C isspace(), not JS \s (which also matches NBSP and other Unicode spaces that pandas keeps).
const INT = /^[ \t\n\r\f\v]*[+-]?[0-9]+[ \t\n\r\f\v]*$/;
const FLOAT =
  /^[ \t\n\r\f\v]*[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|inf|infinity)[ \t\n\r\f\v]*$/i;
const BOOL = /^(?:true|false)$/i;
const UINT64_MAX = 18446744073709551615n;
const INT64_MIN = -9223372036854775808n;

/** How pandas would type a column: text stays text only if some non-NA cell is not a number or boolean. */
export type InferredKind = 'string' | 'int' | 'float' | 'bool' | 'empty';

export interface ColumnProfile {
  kind: InferredKind;
  /** Cells pandas reads as NaN (empty or an NA string). */
  naCount: number;
  /** The first few such cells, for messages. */
  naCells: { dataRow: number; value: string }[];
  /** For a number/bool column: the first cell, to show what pandas would write. */
  example?: { dataRow: number; value: string };
}

const MAX_EXAMPLES = 20;

/** Accumulates one column's cells (in order) and says how pandas would type it. */
export class ColumnProfiler {
  private naCount = 0;
  private readonly naCells: { dataRow: number; value: string }[] = [];
  private nonNa = 0;
  private maybeInt = true;
  private maybeFloat = true;
  private maybeBool = true;
  private example?: { dataRow: number; value: string };

  add(cell: string, dataRow: number): void {
    if (isPandasNa(cell)) {
      this.naCount++;
      if (this.naCells.length < MAX_EXAMPLES) this.naCells.push({ dataRow, value: cell });
      return;
    }
    this.nonNa++;
    if (!(this.maybeInt || this.maybeFloat || this.maybeBool)) return;
    if (this.example === undefined) this.example = { dataRow, value: cell };
    if (this.maybeInt && !INT.test(cell)) this.maybeInt = false;
    else if (this.maybeInt && !fitsInt(cell)) {
      // Beyond uint64 pandas gives up on numbers and keeps the column as text.
      this.maybeInt = false;
      this.maybeFloat = false;
    }
    if (this.maybeFloat && !FLOAT.test(cell)) this.maybeFloat = false;
    if (this.maybeBool && !BOOL.test(cell)) this.maybeBool = false;
  }

  result(): ColumnProfile {
    let kind: InferredKind;
    if (this.nonNa === 0) kind = 'empty';
    else if (this.maybeInt) kind = this.naCount > 0 ? 'float' : 'int';
    else if (this.maybeFloat) kind = 'float';
    else if (this.maybeBool) kind = 'bool';
    else kind = 'string';
    return {
      kind,
      naCount: this.naCount,
      naCells: this.naCells,
      ...(kind === 'int' || kind === 'float' || kind === 'bool' ? { example: this.example } : {}),
    };
  }
}

function fitsInt(cell: string): boolean {
  const t = cell.trim();
  if (t.length < 19) return true;
  const v = BigInt(t);
  return v >= INT64_MIN && v <= UINT64_MAX;
}

/** Profile a whole column at once. */
export function profileColumn(cells: readonly string[]): ColumnProfile {
  const p = new ColumnProfiler();
  cells.forEach((c, i) => p.add(c, i + 1));
  return p.result();
}
