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
const DECIMAL = /^[ \t\n\r\f\v]*[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r\f\v]*$/;
// pandas recognises infinity only as the exact cell (no spaces), in any case, with a sign or not.
const INFINITY = /^[+-]?inf(?:inity)?$/i;
const BOOL = /^(?:true|false)$/i;
const INT64_MIN = -9223372036854775808n;
const INT64_MAX = 9223372036854775807n;
const UINT64_MAX = 18446744073709551615n;

/** How pandas would type a column: text stays text only if some non-NA cell is not a number or boolean. */
export type InferredKind = 'string' | 'int' | 'float' | 'bool' | 'empty';

export interface ColumnProfile {
  kind: InferredKind;
  /** Cells pandas reads as NaN (empty or an NA string). */
  naCount: number;
  /** The first few such cells, for messages. */
  naCells: { dataRow: number; value: string }[];
  /**
   * pandas keeps NA strings as text in this column: an all-integer column whose values do not fit
   * int64 and cannot be uint64 (a negative value or a missing cell) falls back to text *without*
   * NA conversion, so `""` and `NA` are written as strings there (checked against pandas 1.5.3).
   */
  naIsText: boolean;
  /** For a number/bool column: the first cell, to show what pandas would write. */
  example?: { dataRow: number; value: string };
}

const MAX_EXAMPLES = 20;

/** A {@link ColumnProfiler}'s state as plain data. */
export interface ProfilerSnapshot {
  naCount: number;
  naCells: { dataRow: number; value: string }[];
  nonNa: number;
  maybeInt: boolean;
  maybeFloat: boolean;
  maybeBool: boolean;
  outsideInt64: boolean;
  aboveUint64: boolean;
  negative: boolean;
  example?: { dataRow: number; value: string };
}

/** Accumulates one column's cells (in order) and says how pandas would type it. */
export class ColumnProfiler {
  private naCount = 0;
  private readonly naCells: { dataRow: number; value: string }[] = [];
  private nonNa = 0;
  private maybeInt = true;
  private maybeFloat = true;
  private maybeBool = true;
  /** Integer cells outside int64, above uint64, or negative: they decide int64/uint64/text. */
  private outsideInt64 = false;
  private aboveUint64 = false;
  private negative = false;
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
    if (this.maybeInt) {
      if (INT.test(cell)) this.noteInteger(cell);
      else this.maybeInt = false;
    }
    if (this.maybeFloat && !DECIMAL.test(cell) && !INFINITY.test(cell)) this.maybeFloat = false;
    if (this.maybeBool && !BOOL.test(cell)) this.maybeBool = false;
  }

  private noteInteger(cell: string): void {
    const digits = cell.trim();
    if (digits.startsWith('-') && /[1-9]/.test(digits)) this.negative = true;
    if (digits.length < 19) return;
    const v = BigInt(digits);
    if (v < INT64_MIN || v > INT64_MAX) this.outsideInt64 = true;
    if (v > UINT64_MAX) this.aboveUint64 = true;
  }

  /** What it has seen, as plain data (to be sent from another thread and {@link absorb}ed). */
  snapshot(): ProfilerSnapshot {
    const { naCount, naCells, nonNa, maybeInt, maybeFloat, maybeBool, outsideInt64, aboveUint64, negative, example } = this;
    return { naCount, naCells, nonNa, maybeInt, maybeFloat, maybeBool, outsideInt64, aboveUint64, negative, ...(example ? { example } : {}) };
  }

  /**
   * Add what another profiler saw of the cells below these (its data rows counted from 1: they are
   * shifted by `dataRowShift`): the result is the one of a profiler that saw them all in order.
   */
  absorb(s: ProfilerSnapshot, dataRowShift: number): void {
    for (const c of s.naCells) if (this.naCells.length < MAX_EXAMPLES) this.naCells.push({ dataRow: c.dataRow + dataRowShift, value: c.value });
    this.naCount += s.naCount;
    // The example is the first cell that is not missing.
    if (this.nonNa === 0 && s.example) this.example = { dataRow: s.example.dataRow + dataRowShift, value: s.example.value };
    this.nonNa += s.nonNa;
    this.maybeInt &&= s.maybeInt;
    this.maybeFloat &&= s.maybeFloat;
    this.maybeBool &&= s.maybeBool;
    this.outsideInt64 ||= s.outsideInt64;
    this.aboveUint64 ||= s.aboveUint64;
    this.negative ||= s.negative;
  }

  result(): ColumnProfile {
    let kind: InferredKind;
    let naIsText = false;
    if (this.nonNa === 0) kind = 'empty';
    else if (this.maybeInt && this.aboveUint64) kind = 'string';
    else if (this.maybeInt && this.outsideInt64) {
      // int64 overflowed; uint64 works only without negatives and missing cells.
      if (!this.negative && this.naCount === 0) kind = 'int';
      else {
        kind = 'string';
        naIsText = true;
      }
    } else if (this.maybeInt) kind = this.naCount > 0 ? 'float' : 'int';
    else if (this.maybeFloat) kind = 'float';
    else if (this.maybeBool) kind = 'bool';
    else kind = 'string';
    return {
      kind,
      naCount: this.naCount,
      naCells: this.naCells,
      naIsText,
      ...(kind === 'int' || kind === 'float' || kind === 'bool' ? { example: this.example } : {}),
    };
  }
}

/** Profile a whole column at once. */
export function profileColumn(cells: readonly string[]): ColumnProfile {
  const p = new ColumnProfiler();
  cells.forEach((c, i) => p.add(c, i + 1));
  return p.result();
}
