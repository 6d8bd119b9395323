import type { Dataset } from './dataset';
import type { Change, Patch, RowId } from './types';

/*
 * Change builders: pure functions of the dataset and the user's intent that return the patches
 * (or null when nothing would change, so no empty step lands in the history). They never mutate;
 * the caller applies the change and pushes it onto the history.
 */

const LABEL_VALUE_MAX = 40;

/** A value as it appears in an undo label: quoted, shortened. */
export function quoteForLabel(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > LABEL_VALUE_MAX ? `${flat.slice(0, LABEL_VALUE_MAX - 1)}…` : flat);
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function checkColumn(ds: Dataset, col: number): void {
  if (!Number.isInteger(col) || col < 0 || col >= ds.width) throw new RangeError(`no column ${col} (the dataset has ${ds.width})`);
}

/**
 * Live ids from an iterable, each once, in ascending (export) order. Sorting keeps patch order
 * independent of the order rows were selected in, so equal selections give equal changes.
 */
export function uniqueLiveIds(ds: Dataset, ids: Iterable<RowId>): Int32Array {
  const out: number[] = [];
  for (const id of ids) if (ds.isLive(id)) out.push(id);
  const sorted = Int32Array.from(out).sort();
  let k = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[k++] = sorted[i]!;
  return sorted.subarray(0, k);
}

/** Edit one cell. Null if the row is not live or the value is already that. */
export function setCell(ds: Dataset, id: RowId, col: number, value: string): Change | null {
  checkColumn(ds, col);
  if (!ds.isLive(id)) return null;
  const before = ds.cell(id, col);
  if (before === value) return null;
  return { label: `Edit ${ds.header[col]} in row ${ds.rowNumber(id)}`, patches: [{ op: 'set', rowId: id, col, before, after: value }] };
}

/** Set several cells of one row as one change (the row's detail view saved): cells already holding their value are skipped. */
export function setCells(ds: Dataset, id: RowId, cells: readonly { col: number; value: string }[]): Change | null {
  for (const { col } of cells) checkColumn(ds, col);
  if (!ds.isLive(id)) return null;
  const changed = cells.filter(({ col, value }) => ds.cell(id, col) !== value);
  if (changed.length === 0) return null;
  const patches: Patch[] = changed.map(({ col, value }) => ({ op: 'set', rowId: id, col, before: ds.cell(id, col), after: value }));
  const what = changed.length === 1 ? ds.header[changed[0]!.col] : plural(changed.length, 'cell');
  return { label: `Edit ${what} in row ${ds.rowNumber(id)}`, patches };
}

/** Set one column to one value on many rows ("set label" on a selection). Rows already holding it are skipped. */
export function setColumn(ds: Dataset, ids: Iterable<RowId>, col: number, value: string, label?: string): Change | null {
  checkColumn(ds, col);
  const column = ds.column(col);
  const patches: Patch[] = [];
  for (const id of uniqueLiveIds(ds, ids)) {
    const before = column[id]!;
    if (before !== value) patches.push({ op: 'set', rowId: id, col, before, after: value });
  }
  if (patches.length === 0) return null;
  return { label: label ?? `Set ${ds.header[col]} to ${quoteForLabel(value)} on ${plural(patches.length, 'row')}`, patches };
}

/** Delete rows (each patch keeps the row's values, so undo restores them). */
export function deleteRows(ds: Dataset, ids: Iterable<RowId>): Change | null {
  const live = uniqueLiveIds(ds, ids);
  if (live.length === 0) return null;
  const patches: Patch[] = Array.from(live, (id) => ({ op: 'delete' as const, rowId: id, values: ds.row(id) }));
  return { label: `Delete ${plural(patches.length, 'row')}`, patches };
}

/** Add a row at the end (new id = `ds.capacity`); missing values are '', extra ones are dropped. */
export function addRow(ds: Dataset, values: string[] = []): Change {
  const row = Array.from({ length: ds.width }, (_, c) => values[c] ?? '');
  return { label: 'Add row', patches: [{ op: 'insert', rowId: ds.capacity, values: row }] };
}

/** Merge labels: every live row whose value in `col` is one of `from` gets `to`. */
export function renameValue(ds: Dataset, col: number, from: string[], to: string): Change | null {
  const wanted = [...new Set(from)].filter((v) => v !== to);
  if (wanted.length === 0) return null;
  const names = wanted.map(quoteForLabel).join(', ');
  return setWhere(ds, [[{ col, values: wanted }]], col, to, (n) => `Rename ${names} to ${quoteForLabel(to)} in ${ds.header[col]} (${plural(n, 'row')})`);
}

/** A label value, optionally only where its parent column holds `parent`. */
export interface LabelRef {
  value: string;
  parent?: string;
}

const labelList = (refs: readonly LabelRef[]): string =>
  refs.map((r) => (r.parent === undefined ? quoteForLabel(r.value) : `${quoteForLabel(r.value)} under ${quoteForLabel(r.parent)}`)).join(', ');

/**
 * Rename or merge labels of `col`: rows holding one of `refs` (under its parent, when the ref names
 * one, read from `parentCol`) get `to`. One ref renames; several merge. Sub-labels often repeat
 * across parents, so a ref with a parent leaves the same value under other parents alone.
 */
export function relabel(ds: Dataset, col: number, refs: readonly LabelRef[], to: string, parentCol?: number): Change | null {
  const anyOf = refs.map((r) => refMatch(col, r, parentCol));
  const verb = refs.length > 1 ? 'Merge' : 'Rename';
  return setWhere(ds, anyOf, col, to, (n) => `${verb} ${labelList(refs)} to ${quoteForLabel(to)} in ${ds.header[col]} (${plural(n, 'row')})`);
}

/**
 * Move sub-labels under another parent: rows holding one of `refs` in `childCol` (under its parent,
 * when the ref names one) get `to` in `parentCol`; their sub-label is kept.
 */
export function moveLabels(ds: Dataset, parentCol: number, childCol: number, refs: readonly LabelRef[], to: string): Change | null {
  const anyOf = refs.map((r) => refMatch(childCol, r, parentCol));
  return setWhere(
    ds,
    anyOf,
    parentCol,
    to,
    (n) => `Move ${ds.header[childCol]} ${labelList(refs)} to ${ds.header[parentCol]} ${quoteForLabel(to)} (${plural(n, 'row')})`,
  );
}

function refMatch(col: number, ref: LabelRef, parentCol: number | undefined): ValueMatch[] {
  const match: ValueMatch[] = [{ col, values: [ref.value] }];
  if (ref.parent !== undefined) {
    if (parentCol === undefined) throw new RangeError(`a label under ${JSON.stringify(ref.parent)} needs the parent column`);
    match.push({ col: parentCol, values: [ref.parent] });
  }
  return match;
}

/** Rows whose value in `col` is one of `values`. */
export interface ValueMatch {
  col: number;
  values: readonly string[];
}

/**
 * Set `col` to `to` on every live row matching all the conditions of at least one group of
 * `anyOf` (rows already holding `to` are skipped). The general form of rename, merge and move;
 * `label(n)` names the step for n changed rows. Null when no row would change.
 */
export function setWhere(ds: Dataset, anyOf: readonly (readonly ValueMatch[])[], col: number, to: string, label: (rows: number) => string): Change | null {
  checkColumn(ds, col);
  const groups = anyOf.map((all) =>
    all.map((m) => {
      checkColumn(ds, m.col);
      return { column: ds.column(m.col), values: new Set(m.values) };
    }),
  );
  const column = ds.column(col);
  const patches: Patch[] = [];
  for (const id of ds.liveIdsShared()) {
    const before = column[id]!;
    if (before === to) continue;
    if (groups.some((all) => all.every((t) => t.values.has(t.column[id]!)))) patches.push({ op: 'set', rowId: id, col, before, after: to });
  }
  if (patches.length === 0) return null;
  return { label: label(patches.length), patches };
}

/**
 * Everything that differs from the uploaded file, as one change that replays on a fresh copy of it:
 * edited cells (deleted rows included, so their values match the delete patches), then deleted
 * uploaded rows, then live added rows with their ids. For persistence when the history is limited
 * or not wanted, and for "discard all edits" (revert it). Null when nothing differs.
 */
export function diffChange(ds: Dataset, label = 'All edits'): Change | null {
  const sets: Patch[] = [];
  for (const { id, col, uploaded } of ds.editedCells()) sets.push({ op: 'set', rowId: id, col, before: uploaded, after: ds.cell(id, col) });
  sets.sort((a, b) => a.rowId - b.rowId || (a.op === 'set' && b.op === 'set' ? a.col - b.col : 0));
  const patches = sets;
  for (let id = 0; id < ds.uploadedCount; id++) if (!ds.isLive(id)) patches.push({ op: 'delete', rowId: id, values: ds.row(id) });
  for (let id = ds.uploadedCount; id < ds.capacity; id++) if (ds.isLive(id)) patches.push({ op: 'insert', rowId: id, values: ds.row(id) });
  return patches.length === 0 ? null : { label, patches };
}
