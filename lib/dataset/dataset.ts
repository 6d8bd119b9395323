import { REVIEW_STATUSES, type ApplyResult, type Change, type Patch, type ReviewStatus, type RowId } from './types';

/** What has changed since the upload, in numbers, for a status line. */
export interface EditSummary {
  /** Cells of live uploaded rows that differ from the file. */
  editedCells: number;
  /** Live rows added in the app. */
  addedRows: number;
  /** Uploaded rows that are deleted. */
  deletedRows: number;
}

/**
 * The table under review, held column-major: one `string[]` per column indexed by row id, so
 * 1,000,000 rows × 3 columns are 3 arrays rather than a million row objects (about 8 bytes per
 * cell besides the strings themselves, which are shared with the parser's output).
 *
 * It changes only through {@link Dataset.apply} / {@link Dataset.revert} of {@link Change}s, and
 * keeps the uploaded value of every cell that differs from the file in a map keyed by
 * `id * width + col`, so "is this cell edited", "show only edited" and the edited count are O(1)
 * per cell (or per edited cell) and never rescan the table. A deleted row keeps its cells, so
 * undoing the delete needs nothing but the patch.
 */
export class Dataset {
  readonly header: readonly string[];
  /** Number of columns. */
  readonly width: number;
  /** Rows in the uploaded file: ids below this are uploaded rows, ids from it on were added. */
  readonly uploadedCount: number;

  private readonly cols: string[][];
  private readonly lines: Int32Array;
  /** 1 for a deleted (or never used) id. Grows by doubling as rows are added. */
  private dead: Uint8Array;
  /** Per row id: its review status, as the index in `REVIEW_STATUSES`. */
  private marks: Uint8Array;
  /** Live rows per review status (same index). */
  private readonly markCounts = [0, 0, 0, 0];
  private cap: number;
  private live: number;
  /** Uploaded value of each uploaded-row cell that currently differs from it. */
  private readonly uploaded = new Map<number, string>();
  /** Number of entries in `uploaded` per row (rows with none are absent). */
  private readonly rowEdits = new Map<RowId, number>();
  /** Entries of `uploaded` whose row is live. */
  private editedLive = 0;
  private addedLive = 0;
  private readonly colVersions: number[];
  private changeVersion = 0;
  private liveCache: Int32Array | null = null;

  /** The file's data-row number of each uploaded row (differs from id + 1 after rows the reader set aside). */
  private readonly numbers: Int32Array | null;
  /** The highest uploaded data-row number: added rows are numbered after it. */
  private readonly lastNumber: number;

  private constructor(header: readonly string[], cols: string[][], rowCount: number, lines: Int32Array, numbers: Int32Array | null = null) {
    this.numbers = numbers;
    this.lastNumber = numbers && rowCount > 0 ? Math.max(numbers[rowCount - 1]!, rowCount) : rowCount;
    this.header = Object.freeze([...header]);
    this.width = header.length;
    this.cols = cols;
    this.uploadedCount = rowCount;
    this.cap = rowCount;
    this.live = rowCount;
    this.lines = lines;
    this.dead = new Uint8Array(Math.max(16, rowCount));
    this.marks = new Uint8Array(this.dead.length);
    this.markCounts[0] = rowCount;
    this.colVersions = header.map(() => 0);
  }

  /**
   * Build from rows as the CSV reader returns them. Takes ownership of `rows`: the array is emptied
   * while it is transposed, so the row arrays of a large file can be freed as soon as possible.
   * Rows shorter than the header are padded with ''; a longer row is a bug (the reader keeps those
   * apart as bad rows) and throws.
   * @param lines physical line of each row in the file (as `readCsv` gives them); 0s when omitted.
   */
  static fromRows(header: string[], rows: string[][], lines?: number[]): Dataset {
    const width = header.length;
    const n = rows.length;
    if (lines !== undefined && lines.length !== n) throw new RangeError(`${lines.length} line numbers for ${n} rows`);
    for (let i = 0; i < n; i++) {
      if (rows[i]!.length > width) throw new RangeError(`row ${i + 1} has ${rows[i]!.length} cells but the header has ${width}`);
    }
    const cols: string[][] = header.map(() => []);
    const owned = rows as (string[] | undefined)[];
    for (let i = 0; i < n; i++) {
      const row = owned[i]!;
      for (let c = 0; c < width; c++) cols[c]!.push(row[c] ?? '');
      owned[i] = undefined;
    }
    rows.length = 0;
    return new Dataset(header, cols, n, lines ? Int32Array.from(lines) : new Int32Array(n));
  }

  /** Build from columns of equal length (taken over, not copied). */
  /**
   * @param numbers the file's data-row number of each row, when rows were set aside while reading
   *   (rows with too many fields), so the grid and messages keep the file's numbering.
   */
  static fromColumns(header: string[], columns: string[][], lines?: Int32Array, numbers?: Int32Array): Dataset {
    if (columns.length !== header.length) throw new RangeError(`${columns.length} columns for a header of ${header.length}`);
    const n = columns[0]?.length ?? 0;
    columns.forEach((c, i) => {
      if (c.length !== n) throw new RangeError(`column ${i + 1} has ${c.length} cells, column 1 has ${n}`);
    });
    if (lines !== undefined && lines.length !== n) throw new RangeError(`${lines.length} line numbers for ${n} rows`);
    if (numbers !== undefined && numbers.length !== n) throw new RangeError(`${numbers.length} row numbers for ${n} rows`);
    return new Dataset(header, columns, n, lines ?? new Int32Array(n), numbers ?? null);
  }

  /** Live (not deleted) rows. */
  get size(): number {
    return this.live;
  }

  /** Ids allocated so far (uploaded rows + added rows); every id is below it. */
  get capacity(): number {
    return this.cap;
  }

  /** Incremented by every apply and revert: a cheap key for caches of derived data. */
  get version(): number {
    return this.changeVersion;
  }

  /** Incremented whenever a cell of `col` may have changed (an edit, an added or forgotten row). */
  columnVersion(col: number): number {
    return this.colVersions[col] ?? 0;
  }

  isLive(id: RowId): boolean {
    return id >= 0 && id < this.cap && this.dead[id] === 0;
  }

  /** The current value (a deleted row keeps its last values). Throws on an id or column that does not exist. */
  cell(id: RowId, col: number): string {
    const v = this.cols[col]?.[id];
    if (v === undefined) throw new RangeError(`no cell at id ${id}, column ${col}`);
    return v;
  }

  row(id: RowId): string[] {
    return this.cols.map((_, c) => this.cell(id, c));
  }

  /**
   * The column's storage, indexed by row id (dead rows included), for tight loops in this folder.
   * Read-only: writing to it would bypass the edit bookkeeping.
   */
  column(col: number): readonly string[] {
    const c = this.cols[col];
    if (c === undefined) throw new RangeError(`no column ${col}`);
    return c;
  }

  /**
   * The number shown in the grid: the file's data-row number for uploaded rows (1 = first row
   * after the header), n+1, n+2, … for added rows. Equal to the reader's `dataRow` when the file had
   * no rows with too many fields (those are not part of the dataset).
   */
  rowNumber(id: RowId): number {
    if (id >= this.uploadedCount) return this.lastNumber + (id - this.uploadedCount) + 1;
    return this.numbers ? this.numbers[id]! : id + 1;
  }

  /** The row with this data-row number (the inverse of {@link rowNumber}), or -1. */
  idOfRowNumber(number: number): RowId {
    if (number > this.lastNumber) {
      const id = this.uploadedCount + (number - this.lastNumber - 1);
      return id < this.cap ? id : -1;
    }
    if (!this.numbers) return number >= 1 && number <= this.uploadedCount ? number - 1 : -1;
    // Numbers ascend with ids: binary search.
    let lo = 0;
    let hi = this.uploadedCount - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.numbers[mid]!;
      if (v === number) return mid;
      if (v < number) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Physical line in the uploaded file (where the row starts), 0 for added rows or when unknown. */
  line(id: RowId): number {
    return id < this.uploadedCount ? (this.lines[id] ?? 0) : 0;
  }

  /** The row was added in the app (not in the uploaded file). */
  isAdded(id: RowId): boolean {
    return id >= this.uploadedCount;
  }

  /** The value as uploaded (undefined for added rows). */
  original(id: RowId, col: number): string | undefined {
    if (id >= this.uploadedCount) return undefined;
    return this.uploaded.get(id * this.width + col) ?? this.cell(id, col);
  }

  /** The cell differs from its uploaded value, or the row was added. O(1). */
  isEdited(id: RowId, col: number): boolean {
    return id >= this.uploadedCount || this.uploaded.has(id * this.width + col);
  }

  /** Some cell of the row differs from the file, or the row was added. O(1). */
  rowEdited(id: RowId): boolean {
    return id >= this.uploadedCount || this.rowEdits.has(id);
  }

  /** Edited cells of live rows (every cell of an added row counts). O(1). */
  editedCellCount(): number {
    return this.editedLive + this.addedLive * this.width;
  }

  summary(): EditSummary {
    return { editedCells: this.editedLive, addedRows: this.addedLive, deletedRows: this.uploadedCount - (this.live - this.addedLive) };
  }

  /** Live row ids in export order: file order, added rows at the end. A fresh array (safe to transfer). */
  liveIds(): Int32Array {
    return this.liveIdsShared().slice();
  }

  /**
   * The same as {@link liveIds} without the copy: cached until rows are deleted or added, so it
   * must not be modified or transferred. For this folder's own loops.
   */
  liveIdsShared(): Int32Array {
    if (this.liveCache === null) {
      const ids = new Int32Array(this.live);
      let k = 0;
      for (let id = 0; id < this.cap; id++) if (this.dead[id] === 0) ids[k++] = id;
      this.liveCache = ids;
    }
    return this.liveCache;
  }

  /** Live rows that are edited or added, ascending. O(edited rows), not O(rows). */
  editedIds(): Int32Array {
    const ids: number[] = [];
    for (const id of this.rowEdits.keys()) if (this.dead[id] === 0) ids.push(id);
    for (let id = this.uploadedCount; id < this.cap; id++) if (this.dead[id] === 0) ids.push(id);
    return Int32Array.from(ids).sort();
  }

  /** Every uploaded-row cell that differs from the file (deleted rows included), with its uploaded value. */
  *editedCells(): Generator<{ id: RowId; col: number; uploaded: string }> {
    for (const [key, uploaded] of this.uploaded) {
      const id = Math.floor(key / this.width);
      yield { id, col: key - id * this.width, uploaded };
    }
  }

  /** Apply a change. Throws if it does not fit the data (a bug); the data is then unchanged. */
  apply(change: Change): void {
    const r = this.tryApply(change);
    if (!r.ok) throw new Error(r.error);
  }

  /** Undo a change that was applied last (or whose effects are otherwise current). Throws if it does not fit. */
  revert(change: Change): void {
    const r = this.tryRevert(change);
    if (!r.ok) throw new Error(r.error);
  }

  /**
   * Apply a change that may not fit, such as one restored from a saved session: every patch is
   * checked against the current values, and on the first mismatch the patches already done are
   * rolled back and the mismatch is returned.
   */
  tryApply(change: Change): ApplyResult {
    return this.run(change, true);
  }

  tryRevert(change: Change): ApplyResult {
    return this.run(change, false);
  }

  private run(change: Change, forward: boolean): ApplyResult {
    const patches = change.patches;
    const n = patches.length;
    const at = (k: number): Patch => (forward ? patches[k]! : patches[n - 1 - k]!);
    const cap = this.cap;
    for (let k = 0; k < n; k++) {
      const error = this.step(at(k), forward);
      if (error === null) continue;
      for (let j = k - 1; j >= 0; j--) {
        const undo = this.step(at(j), !forward);
        // Each patch just succeeded, so its inverse fits by construction.
        if (undo !== null) throw new Error(`rollback failed: ${undo}`);
      }
      // Ids an insert grew into are all dead again: give them back.
      while (this.cap > cap) this.shrink();
      return { ok: false, error: `${forward ? 'cannot apply' : 'cannot undo'} "${change.label}": ${error}` };
    }
    if (n > 0) this.changeVersion++;
    return { ok: true };
  }

  private step(p: Patch, forward: boolean): string | null {
    switch (p.op) {
      case 'set':
        return forward ? this.setCell(p.rowId, p.col, p.before, p.after) : this.setCell(p.rowId, p.col, p.after, p.before);
      case 'insert':
        return forward ? this.insertRow(p.rowId, p.values) : this.deleteRow(p.rowId, p.values, true);
      case 'delete':
        return forward ? this.deleteRow(p.rowId, p.values, false) : this.insertRow(p.rowId, p.values);
      case 'review':
        return forward ? this.setReview(p.rowId, p.before, p.after) : this.setReview(p.rowId, p.after, p.before);
    }
  }

  private setReview(id: RowId, expected: ReviewStatus, status: ReviewStatus): string | null {
    if (!this.isLive(id)) return `row ${id + 1} does not exist or is deleted`;
    const before = REVIEW_STATUSES.indexOf(expected);
    const after = REVIEW_STATUSES.indexOf(status);
    if (before < 0 || after < 0) return `row ${id + 1}: unknown review status ${JSON.stringify(before < 0 ? expected : status)}`;
    if (this.marks[id] !== before) return `row ${id + 1}: expected review status ${expected}, found ${REVIEW_STATUSES[this.marks[id]!]}`;
    this.marks[id] = after;
    this.markCounts[before]!--;
    this.markCounts[after]!++;
    return null;
  }

  /** The row's review status (unreviewed for a dead or unknown id). */
  reviewStatus(id: RowId): ReviewStatus {
    return id >= 0 && id < this.cap ? REVIEW_STATUSES[this.marks[id]!]! : 'unreviewed';
  }

  /** Live rows per review status. */
  reviewCounts(): Record<ReviewStatus, number> {
    const [unreviewed, reviewed, flagged, changed] = this.markCounts as [number, number, number, number];
    return { unreviewed, reviewed, flagged, changed };
  }

  private setCell(id: RowId, col: number, expected: string, value: string): string | null {
    const current = this.cols[col]?.[id];
    if (current === undefined || id >= this.cap) return `row ${id + 1} has no column ${col + 1}`;
    if (current !== expected) return `row ${id + 1}, ${this.header[col]}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(current)}`;
    this.write(id, col, value);
    return null;
  }

  private insertRow(id: RowId, values: readonly string[]): string | null {
    if (!Number.isInteger(id) || id < 0) return `invalid row id ${id}`;
    if (values.length !== this.width) return `row ${id + 1}: ${values.length} values for ${this.width} columns`;
    if (id >= this.cap) this.grow(id + 1);
    else if (this.dead[id] === 0) return `row ${id + 1} exists already`;
    for (let c = 0; c < this.width; c++) this.write(id, c, values[c]!);
    this.markLive(id);
    return null;
  }

  /**
   * `forget`: the delete undoes an insert. If the row is the last one, its id is given back
   * (capacity shrinks), so the next added row gets the same id, exactly as when the history is
   * replayed on a fresh copy of the file (a restored session). Other dead rows at the end were
   * deleted by the user and keep their ids.
   */
  private deleteRow(id: RowId, values: readonly string[], forget: boolean): string | null {
    if (!this.isLive(id)) return `row ${id + 1} does not exist or is deleted already`;
    if (values.length !== this.width) return `row ${id + 1}: ${values.length} values for ${this.width} columns`;
    for (let c = 0; c < this.width; c++) {
      if (this.cols[c]![id] !== values[c])
        return `row ${id + 1}, ${this.header[c]}: expected ${JSON.stringify(values[c])}, found ${JSON.stringify(this.cols[c]![id])}`;
    }
    this.markDead(id);
    if (forget && id >= this.uploadedCount && id === this.cap - 1) this.shrink();
    return null;
  }

  private write(id: RowId, col: number, value: string): void {
    const column = this.cols[col]!;
    if (id < this.uploadedCount) {
      const key = id * this.width + col;
      const uploaded = this.uploaded.get(key);
      if (uploaded === undefined) {
        if (value !== column[id]) {
          this.uploaded.set(key, column[id]!);
          this.countRowEdit(id, 1);
        }
      } else if (value === uploaded) {
        this.uploaded.delete(key);
        this.countRowEdit(id, -1);
      }
    }
    column[id] = value;
    this.colVersions[col]!++;
  }

  private countRowEdit(id: RowId, delta: number): void {
    const n = (this.rowEdits.get(id) ?? 0) + delta;
    if (n === 0) this.rowEdits.delete(id);
    else this.rowEdits.set(id, n);
    if (this.dead[id] === 0) this.editedLive += delta;
  }

  private markDead(id: RowId): void {
    this.dead[id] = 1;
    this.live--;
    this.markCounts[this.marks[id]!]!--;
    this.liveCache = null;
    if (id >= this.uploadedCount) this.addedLive--;
    else this.editedLive -= this.rowEdits.get(id) ?? 0;
  }

  private markLive(id: RowId): void {
    this.dead[id] = 0;
    this.live++;
    this.markCounts[this.marks[id]!]!++;
    this.liveCache = null;
    if (id >= this.uploadedCount) this.addedLive++;
    else this.editedLive += this.rowEdits.get(id) ?? 0;
  }

  /** New ids up to `cap`, dead and empty until an insert fills them. */
  private grow(cap: number): void {
    if (cap > this.dead.length) {
      const next = new Uint8Array(Math.max(cap, this.dead.length * 2));
      next.set(this.dead);
      this.dead = next;
      const marks = new Uint8Array(next.length);
      marks.set(this.marks);
      this.marks = marks;
    }
    for (let id = this.cap; id < cap; id++) {
      this.dead[id] = 1;
      for (const column of this.cols) column.push('');
    }
    this.cap = cap;
    this.liveCache = null;
    for (let c = 0; c < this.width; c++) this.colVersions[c]!++;
  }

  private shrink(): void {
    this.cap--;
    this.dead[this.cap] = 0;
    this.marks[this.cap] = 0;
    for (const column of this.cols) column.pop();
    this.liveCache = null;
    for (let c = 0; c < this.width; c++) this.colVersions[c]!++;
  }
}
