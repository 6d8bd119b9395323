import { ColumnProfiler, isPandasNa, type ColumnProfile } from '../csv';
import type { AnswerMode, ExportTarget } from '../export';
import { isBlank } from './chars';
import { resolveThresholds, type Thresholds } from './thresholds';
import type { CheckDetails, CheckId, CheckInput, CheckOptions, CheckResult, CheckTable, Fix, Severity } from './types';

/**
 * The distinct values of a label column, found in one pass: each row's value as a small code, so
 * checks that reason about labels work on the few distinct values and map back to rows by code.
 */
export interface ColumnValues {
  /** Per row position: the index of its value in `values`. */
  codes: Int32Array;
  /** Distinct values in order of first appearance. */
  values: string[];
  counts: number[];
  /** Position of the first row holding each value. */
  first: number[];
  /** 1 where the value is missing for pandas or blank (empty, NA string, only spaces): such cells are the empty and na-string checks' business. */
  missing: Uint8Array;
}

/** A fix before its rows are turned into grid numbers and ids. */
export type FixDraft = DistributiveOmit<Fix, 'rows' | 'rowIds'> & { positions: ArrayLike<number> };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface ResultDraft {
  id: CheckId;
  severity: Severity;
  /** Row positions concerned, in any order, repeats allowed. */
  positions: ArrayLike<number>;
  message: string;
  /** Defaults to the number of rows. */
  count?: number;
  fixes?: FixDraft[];
  details?: CheckDetails;
}

/** What every check receives: the input, the thresholds, and per-column facts computed once and shared. */
export class CheckContext {
  readonly table: CheckTable;
  readonly text: number;
  readonly labels: readonly number[];
  readonly stratify: readonly number[] | null;
  /** The text, label and stratify columns, each once. */
  readonly used: readonly number[];
  /** How the export writes the answers (`CheckInput.answer`). */
  readonly answer: AnswerMode;
  /** The used columns pandas would read (NA strings, inferred types): all but a free-text answer column. */
  readonly pandasColumns: readonly number[];
  readonly t: Thresholds;
  readonly target: ExportTarget;
  private readonly valuesMemo = new Map<number, ColumnValues>();
  private readonly profileMemo = new Map<number, ColumnProfile>();
  private classesMemo: ColumnValues | null | undefined;

  constructor(
    readonly input: CheckInput,
    readonly options: CheckOptions = {},
  ) {
    this.table = input.table;
    this.text = input.text;
    this.labels = input.labels;
    this.stratify = input.stratify;
    this.used = [...new Set([input.text, ...input.labels, ...(input.stratify ?? [])])];
    this.answer = input.answer ?? 'labels';
    // A free-text answer is written as it is, not read through pandas (as the export does, unless it also stratifies by it).
    const answerColumn = this.answer === 'text' ? input.labels[0] : undefined;
    this.pandasColumns = this.used.filter((c) => c !== answerColumn || (input.stratify?.includes(c) ?? false));
    this.target = input.target ?? 'openai';
    this.t = resolveThresholds(options.thresholds, this.target);
  }

  get rowCount(): number {
    return this.table.rowCount;
  }

  name(col: number): string {
    return this.table.header[col] ?? `column ${col + 1}`;
  }

  /** Distinct values of a label or stratify column (not the text column: its values are nearly all distinct). */
  values(col: number): ColumnValues {
    let v = this.valuesMemo.get(col);
    if (v === undefined) {
      const encoder = new RowEncoder(this.rowCount);
      for (let r = 0; r < this.rowCount; r++) encoder.add(r, this.table.cell(r, col));
      v = withMissing(encoder.done());
      this.valuesMemo.set(col, v);
    }
    return v;
  }

  /**
   * Reduce the label and stratify columns to their distinct values, pausing (yield) every few
   * thousand rows: the checks share them, and the first to ask would otherwise pay for all of them
   * in one step (tens of milliseconds at 100,000 rows, during which a worker answers nothing).
   */
  *prepare(): Generator<void, void, void> {
    for (const col of this.used) {
      if (this.isTextOnly(col) || this.valuesMemo.has(col)) continue;
      const encoder = new RowEncoder(this.rowCount);
      for (let r = 0; r < this.rowCount; r++) {
        encoder.add(r, this.table.cell(r, col));
        if ((r & PREPARE_ROWS_MASK) === PREPARE_ROWS_MASK) yield;
      }
      this.valuesMemo.set(col, withMissing(encoder.done()));
    }
  }

  /**
   * The stratification classes (sklearn joins several columns' values with one space), or null
   * without stratification. A row with a missing stratify cell has a missing class.
   */
  classes(): ColumnValues | null {
    if (this.classesMemo !== undefined) return this.classesMemo;
    const cols = this.stratify;
    if (cols === null || cols.length === 0) return (this.classesMemo = null);
    if (cols.length === 1) return (this.classesMemo = this.values(cols[0]!));
    const parts = cols.map((c) => this.values(c));
    const coded = encodeRows(this.rowCount, (r) => parts.map((p) => p.values[p.codes[r]!]!).join(' '));
    // A class is missing when any of its parts is (judged on the first row holding it: they all agree).
    const missing = Uint8Array.from(coded.first, (r) => (parts.some((p) => p.missing[p.codes[r]!] === 1) ? 1 : 0));
    return (this.classesMemo = { ...coded, missing });
  }

  /** How pandas would type the column (sklearn-split.md §6). Label columns are profiled on their distinct values. */
  profile(col: number): ColumnProfile {
    let p = this.profileMemo.get(col);
    if (p === undefined) {
      const profiler = new ColumnProfiler();
      if (this.isTextOnly(col)) {
        for (let r = 0; r < this.rowCount; r++) profiler.add(this.table.cell(r, col), this.table.rowNumber(r));
      } else {
        // The type depends only on which values occur (and whether any is missing), so the distinct
        // values in order of first appearance give the same kind and the same first example.
        const v = this.values(col);
        v.values.forEach((value, code) => profiler.add(value, this.table.rowNumber(v.first[code]!)));
      }
      p = profiler.result();
      this.profileMemo.set(col, p);
    }
    return p;
  }

  /** The column is read only as the message text (not also as a label): it is scanned row by row. */
  isTextOnly(col: number): boolean {
    return col === this.text && !this.labels.includes(col) && !(this.stratify?.includes(col) ?? false);
  }

  /**
   * Positions of the rows whose cell in `col` passes `test`, ascending. A label column is tested
   * once per distinct value; the text column once per row.
   */
  matching(col: number, test: (value: string) => boolean): number[] {
    if (this.isTextOnly(col)) {
      const out: number[] = [];
      for (let r = 0; r < this.rowCount; r++) if (test(this.table.cell(r, col))) out.push(r);
      return out;
    }
    const v = this.values(col);
    const wanted = Uint8Array.from(v.values, (value) => (test(value) ? 1 : 0));
    return wanted.includes(1) ? this.positionsOf(v, wanted) : [];
  }

  /** Positions of the rows whose code is marked in `wanted` (indexed by code), ascending. */
  positionsOf(v: ColumnValues, wanted: ArrayLike<number>): number[] {
    const out: number[] = [];
    const { codes } = v;
    for (let r = 0; r < codes.length; r++) if (wanted[codes[r]!] === 1) out.push(r);
    return out;
  }

  /** Grid numbers and ids of row positions, ascending, each once. */
  rowsOf(positions: ArrayLike<number>): { rows: number[]; rowIds: number[] } {
    const sorted = Int32Array.from(positions).sort();
    const rows: number[] = [];
    const rowIds: number[] = [];
    for (let i = 0; i < sorted.length; i++) {
      const p = sorted[i]!;
      if (i > 0 && p === sorted[i - 1]) continue;
      rows.push(this.table.rowNumber(p));
      rowIds.push(this.table.rowId(p));
    }
    return { rows, rowIds };
  }

  result(draft: ResultDraft): CheckResult {
    const { rows, rowIds } = this.rowsOf(draft.positions);
    return {
      id: draft.id,
      severity: draft.severity,
      count: draft.count ?? rows.length,
      rows,
      rowIds,
      message: draft.message,
      ...(draft.fixes && draft.fixes.length > 0 ? { fixes: draft.fixes.map((f) => this.fix(f)) } : {}),
      ...(draft.details ? { details: draft.details } : {}),
    };
  }

  private fix(draft: FixDraft): Fix {
    const { positions, ...rest } = draft;
    return { ...rest, ...this.rowsOf(positions) } as Fix;
  }
}

/** Rows read between two pauses of {@link CheckContext.prepare} (a power of two, less one). */
const PREPARE_ROWS_MASK = (1 << 13) - 1;

/** A column's missing values: pandas' NA strings and blanks (judged once per distinct value). */
const withMissing = (coded: Omit<ColumnValues, 'missing'>): ColumnValues => ({
  ...coded,
  missing: Uint8Array.from(coded.values, (value) => (isPandasNa(value) || isBlank(value) ? 1 : 0)),
});

/** Each row's key as a small integer code: the distinct keys in order of first appearance, their counts and first rows. */
class RowEncoder {
  private readonly codes: Int32Array;
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly counts: number[] = [];
  private readonly first: number[] = [];

  constructor(rows: number) {
    this.codes = new Int32Array(rows);
  }

  /** Rows are added in order, each once. */
  add(row: number, key: string): void {
    let code = this.index.get(key);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(key, code);
      this.values.push(key);
      this.counts.push(0);
      this.first.push(row);
    }
    this.codes[row] = code;
    this.counts[code]!++;
  }

  done(): Omit<ColumnValues, 'missing'> {
    return { codes: this.codes, values: this.values, counts: this.counts, first: this.first };
  }
}

function encodeRows(n: number, keyOf: (row: number) => string): Omit<ColumnValues, 'missing'> {
  const encoder = new RowEncoder(n);
  for (let r = 0; r < n; r++) encoder.add(r, keyOf(r));
  return encoder.done();
}
