import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRow, deleteRows, diffChange, setCell, setColumn } from './changes';
import { Dataset } from './dataset';
import { bruteEditedCount, changeFor, datasetOf, op, smallTable, stateOf } from './testing';
import type { Change } from './types';

const sample = (): Dataset =>
  Dataset.fromRows(
    ['inquiry', 'category', 'sub_category'],
    [
      ['refund please', 'Billing', 'Refund'],
      ['where is it', 'Shipping', 'Late'],
      ['cannot log in', 'Account', 'Login'],
    ],
    [2, 3, 5],
  );

const must = (c: Change | null): Change => {
  if (c === null) throw new Error('expected a change');
  return c;
};

describe('Dataset: reading', () => {
  it('stores rows by column with stable ids, row numbers and file lines', () => {
    const ds = sample();
    expect([ds.size, ds.capacity, ds.width, ds.uploadedCount]).toEqual([3, 3, 3, 3]);
    expect(ds.header).toEqual(['inquiry', 'category', 'sub_category']);
    expect(ds.cell(1, 1)).toBe('Shipping');
    expect(ds.row(2)).toEqual(['cannot log in', 'Account', 'Login']);
    expect([ds.rowNumber(0), ds.rowNumber(2)]).toEqual([1, 3]);
    expect([ds.line(0), ds.line(2)]).toEqual([2, 5]);
    expect([...ds.liveIds()]).toEqual([0, 1, 2]);
    expect(ds.editedCellCount()).toBe(0);
  });

  it('takes ownership of the rows (the array is emptied) and pads short rows', () => {
    const rows = [['a'], ['b', 'c']];
    const ds = Dataset.fromRows(['x', 'y'], rows);
    expect(rows).toEqual([]);
    expect([ds.row(0), ds.row(1), ds.line(0)]).toEqual([['a', ''], ['b', 'c'], 0]);
  });

  it.each<[string, () => unknown]>([
    ['a row longer than the header', () => Dataset.fromRows(['a'], [['1', '2']])],
    ['line numbers that do not match the rows', () => Dataset.fromRows(['a'], [['1']], [1, 2])],
    ['columns of different lengths', () => Dataset.fromColumns(['a', 'b'], [['1'], []])],
    ['a column count that does not match the header', () => Dataset.fromColumns(['a', 'b'], [['1']])],
    ['a cell that does not exist', () => sample().cell(3, 0)],
  ])('throws on %s (a bug, not user input)', (_name, f) => {
    expect(f).toThrow(RangeError);
  });

  it('builds from columns', () => {
    const ds = Dataset.fromColumns(
      ['a', 'b'],
      [
        ['1', '2'],
        ['x', 'y'],
      ],
      Int32Array.of(2, 4),
    );
    expect([ds.row(1), ds.line(1), ds.size]).toEqual([['2', 'y'], 4, 2]);
  });
});

describe('Dataset: edits and their bookkeeping', () => {
  it('marks an edited cell, keeps the uploaded value, and unmarks it when set back', () => {
    const ds = sample();
    const edit = must(setCell(ds, 1, 1, 'Billing'));
    ds.apply(edit);
    expect([ds.cell(1, 1), ds.original(1, 1), ds.isEdited(1, 1), ds.isEdited(1, 0), ds.rowEdited(1), ds.rowEdited(0)]).toEqual([
      'Billing',
      'Shipping',
      true,
      false,
      true,
      false,
    ]);
    expect(ds.editedCellCount()).toBe(1);
    ds.apply(must(setCell(ds, 1, 1, 'Shipping')));
    expect([ds.isEdited(1, 1), ds.rowEdited(1), ds.editedCellCount()]).toEqual([false, false, 0]);
  });

  it('does not count edits of deleted rows, and counts them again when the delete is undone', () => {
    const ds = sample();
    ds.apply(must(setColumn(ds, [0, 1], 2, 'X')));
    expect(ds.editedCellCount()).toBe(2);
    const del = must(deleteRows(ds, [1]));
    ds.apply(del);
    expect([ds.size, ds.isLive(1), [...ds.liveIds()], ds.editedCellCount()]).toEqual([2, false, [0, 2], 1]);
    expect(ds.summary()).toEqual({ editedCells: 1, addedRows: 0, deletedRows: 1 });
    ds.revert(del);
    expect([ds.size, ds.isLive(1), ds.cell(1, 2), ds.editedCellCount()]).toEqual([3, true, 'X', 2]);
  });

  it('gives an added row the next id, number n+1, no line, and counts all its cells as edited', () => {
    const ds = sample();
    const add = addRow(ds, ['new text', 'Billing']);
    ds.apply(add);
    expect([ds.capacity, ds.size, ds.row(3), ds.rowNumber(3), ds.line(3), ds.original(3, 0)]).toEqual([4, 4, ['new text', 'Billing', ''], 4, 0, undefined]);
    expect([ds.isEdited(3, 2), ds.rowEdited(3), ds.editedCellCount(), [...ds.editedIds()]]).toEqual([true, true, 3, [3]]);
    expect(ds.summary()).toEqual({ editedCells: 0, addedRows: 1, deletedRows: 0 });
    // Undoing the add forgets the id, so adding again (or replaying a saved session) gets the same one.
    ds.revert(add);
    expect([ds.capacity, ds.size, ds.editedCellCount()]).toEqual([3, 3, 0]);
    expect(addRow(ds).patches[0]!.rowId).toBe(3);
  });

  it('keeps ids stable when an added row is deleted: the next row gets a new id', () => {
    const ds = sample();
    ds.apply(addRow(ds));
    ds.apply(must(deleteRows(ds, [3])));
    expect([ds.capacity, ds.size]).toEqual([4, 3]);
    expect(addRow(ds).patches[0]!.rowId).toBe(4);
  });

  it('refuses a change that does not fit, leaving the data as it was (all or nothing)', () => {
    const ds = sample();
    const change: Change = {
      label: 'stale',
      patches: [
        { op: 'set', rowId: 0, col: 1, before: 'Billing', after: 'X' },
        { op: 'set', rowId: 1, col: 1, before: 'not what is there', after: 'Y' },
      ],
    };
    const r = ds.tryApply(change);
    expect(r).toEqual({ ok: false, error: 'cannot apply "stale": row 2, category: expected "not what is there", found "Shipping"' });
    expect([ds.cell(0, 1), ds.editedCellCount(), ds.version]).toEqual(['Billing', 0, 0]);
    expect(() => ds.apply(change)).toThrow(/expected "not what is there"/);
  });

  it.each<[string, Change]>([
    ['deleting a deleted row', { label: 'x', patches: [{ op: 'delete', rowId: 7, values: ['', '', ''] }] }],
    ['inserting over a live row', { label: 'x', patches: [{ op: 'insert', rowId: 0, values: ['', '', ''] }] }],
    ['inserting the wrong number of values', { label: 'x', patches: [{ op: 'insert', rowId: 3, values: [''] }] }],
    ['deleting with values that are not the row', { label: 'x', patches: [{ op: 'delete', rowId: 0, values: ['a', 'b', 'c'] }] }],
    ['setting a column that does not exist', { label: 'x', patches: [{ op: 'set', rowId: 0, col: 9, before: '', after: 'a' }] }],
  ])('refuses %s', (_name, change) => {
    const ds = sample();
    expect(ds.tryApply(change).ok).toBe(false);
    expect(stateOf(ds)).toEqual(stateOf(sample()));
  });

  it('inserts at an id beyond the capacity (a replayed diff), leaving the gap dead', () => {
    const ds = sample();
    ds.apply({ label: 'x', patches: [{ op: 'insert', rowId: 5, values: ['a', 'b', 'c'] }] });
    expect([ds.capacity, ds.size, ds.isLive(3), ds.isLive(5), [...ds.liveIds()]]).toEqual([6, 4, false, true, [0, 1, 2, 5]]);
  });

  it('bumps versions: the dataset on every change, a column only when its cells change', () => {
    const ds = sample();
    const v1 = ds.columnVersion(1);
    const v0 = ds.columnVersion(0);
    ds.apply(must(setCell(ds, 0, 1, 'X')));
    expect([ds.version, ds.columnVersion(1) > v1, ds.columnVersion(0) === v0]).toEqual([1, true, true]);
  });
});

describe('Dataset: properties', () => {
  it('apply then revert of any sequence of changes restores every cell and the edited count', () => {
    fc.assert(
      fc.property(smallTable(), fc.array(op, { maxLength: 25 }), (rows, ops) => {
        const ds = datasetOf(rows);
        const initial = stateOf(ds);
        const applied: Change[] = [];
        for (const o of ops) {
          const change = changeFor(ds, o);
          if (change === null) continue;
          ds.apply(change);
          applied.push(change);
          expect(ds.editedCellCount()).toBe(bruteEditedCount(ds, rows));
        }
        for (const change of applied.reverse()) ds.revert(change);
        expect(stateOf(ds)).toEqual(initial);
        expect(ds.capacity).toBe(rows.length);
        expect([...ds.editedCells()]).toEqual([]);
      }),
    );
  });

  it('isEdited and rowEdited agree with a comparison against the upload, cell by cell', () => {
    fc.assert(
      fc.property(smallTable(), fc.array(op, { maxLength: 15 }), (rows, ops) => {
        const ds = datasetOf(rows);
        for (const o of ops) {
          const change = changeFor(ds, o);
          if (change) ds.apply(change);
        }
        for (const id of ds.liveIds()) {
          let any = false;
          for (let c = 0; c < ds.width; c++) {
            const edited = id >= rows.length || ds.cell(id, c) !== rows[id]![c];
            expect(ds.isEdited(id, c)).toBe(edited);
            if (id < rows.length) expect(ds.original(id, c)).toBe(rows[id]![c]);
            any ||= edited;
          }
          expect(ds.rowEdited(id)).toBe(any);
        }
        expect([...ds.editedIds()]).toEqual([...ds.liveIds()].filter((id) => ds.rowEdited(id)));
      }),
    );
  });

  it('diffChange replays on a fresh copy of the file to the same data, and reverting it discards every edit', () => {
    fc.assert(
      fc.property(smallTable(), fc.array(op, { maxLength: 20 }), (rows, ops) => {
        const ds = datasetOf(rows);
        for (const o of ops) {
          const change = changeFor(ds, o);
          if (change) ds.apply(change);
        }
        const diff = diffChange(ds);
        const fresh = datasetOf(rows);
        if (diff === null) {
          expect(stateOf(ds)).toEqual(stateOf(fresh));
          return;
        }
        fresh.apply(diff);
        expect(stateOf(fresh)).toEqual(stateOf(ds));
        fresh.revert(diff);
        expect(stateOf(fresh)).toEqual(stateOf(datasetOf(rows)));
      }),
    );
  });
});
