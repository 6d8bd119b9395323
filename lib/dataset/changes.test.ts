import { describe, expect, it } from 'vitest';
import { addRow, deleteRows, diffChange, moveLabels, relabel, renameValue, setCell, setCells, setColumn, setWhere, uniqueLiveIds } from './changes';
import { Dataset } from './dataset';

const sample = (): Dataset =>
  Dataset.fromRows(
    ['inquiry', 'category', 'sub_category'],
    [
      ['refund please', 'Billing', 'Refund'],
      ['where is it', 'Shipping', 'Late'],
      ['cannot log in', 'Account', 'Login'],
      ['charged twice', 'billing', 'Refund'],
    ],
  );

describe('change builders', () => {
  it('setCell: one patch with before and after; null when nothing changes or the row is gone', () => {
    const ds = sample();
    expect(setCell(ds, 1, 1, 'Billing')).toEqual({
      label: 'Edit category in row 2',
      patches: [{ op: 'set', rowId: 1, col: 1, before: 'Shipping', after: 'Billing' }],
    });
    expect(setCell(ds, 1, 1, 'Shipping')).toBeNull();
    expect(setCell(ds, 99, 1, 'x')).toBeNull();
    expect(() => setCell(ds, 0, 3, 'x')).toThrow(RangeError);
  });

  it('setCells: the cells of one row that change, as one change; null when none does', () => {
    const ds = sample();
    expect(
      setCells(ds, 1, [
        { col: 0, value: 'where is my parcel' },
        { col: 1, value: 'Shipping' },
        { col: 2, value: 'Lost' },
      ]),
    ).toEqual({
      label: 'Edit 2 cells in row 2',
      patches: [
        { op: 'set', rowId: 1, col: 0, before: 'where is it', after: 'where is my parcel' },
        { op: 'set', rowId: 1, col: 2, before: 'Late', after: 'Lost' },
      ],
    });
    expect(setCells(ds, 1, [{ col: 2, value: 'Lost' }])!.label).toBe('Edit sub_category in row 2');
    expect(setCells(ds, 1, [{ col: 1, value: 'Shipping' }])).toBeNull();
    expect(setCells(ds, 99, [{ col: 1, value: 'x' }])).toBeNull();
    expect(() => setCells(ds, 0, [{ col: 3, value: 'x' }])).toThrow(RangeError);
  });

  it('setColumn: skips rows that already hold the value, repeated and dead ids; sorted by id', () => {
    const ds = sample();
    ds.apply(deleteRows(ds, [2])!);
    const c = setColumn(ds, [3, 1, 0, 1, 2, 42], 1, 'Billing');
    expect(c).toEqual({
      label: 'Set category to "Billing" on 2 rows',
      patches: [
        { op: 'set', rowId: 1, col: 1, before: 'Shipping', after: 'Billing' },
        { op: 'set', rowId: 3, col: 1, before: 'billing', after: 'Billing' },
      ],
    });
    expect(setColumn(ds, [0], 1, 'Billing')).toBeNull();
    expect(setColumn(ds, [1], 1, 'x', 'Relabel')?.label).toBe('Relabel');
    expect(setColumn(ds, [1], 1, 'a very long label that goes on and on and on and on')?.label).toBe(
      'Set category to "a very long label that goes on and on a…" on 1 row',
    );
  });

  it("deleteRows: keeps each row's values for undo; null when no live row is named", () => {
    const ds = sample();
    expect(deleteRows(ds, new Set([2, 0]))).toEqual({
      label: 'Delete 2 rows',
      patches: [
        { op: 'delete', rowId: 0, values: ['refund please', 'Billing', 'Refund'] },
        { op: 'delete', rowId: 2, values: ['cannot log in', 'Account', 'Login'] },
      ],
    });
    expect(deleteRows(ds, [])).toBeNull();
    expect(deleteRows(ds, [-1, 4])).toBeNull();
  });

  it('addRow: the next id, values padded or cut to the header', () => {
    const ds = sample();
    expect(addRow(ds, ['a', 'b', 'c', 'd'])).toEqual({ label: 'Add row', patches: [{ op: 'insert', rowId: 4, values: ['a', 'b', 'c'] }] });
    expect(addRow(ds).patches[0]).toEqual({ op: 'insert', rowId: 4, values: ['', '', ''] });
  });

  it('renameValue: merges labels on every live row, exact match only', () => {
    const ds = sample();
    ds.apply(deleteRows(ds, [0])!);
    const c = renameValue(ds, 1, ['Billing', 'billing', 'Payments'], 'Billing & payments');
    expect(c?.patches).toEqual([{ op: 'set', rowId: 3, col: 1, before: 'billing', after: 'Billing & payments' }]);
    expect(c?.label).toBe('Rename "Billing", "billing", "Payments" to "Billing & payments" in category (1 row)');
    expect(renameValue(ds, 1, ['Nope'], 'x')).toBeNull();
    expect(renameValue(ds, 1, ['Shipping'], 'Shipping')).toBeNull();
  });

  it('moveLabels: moves a sub-label from one parent to another, keeping rows under other parents', () => {
    const ds = sample();
    const c = moveLabels(ds, 1, 2, [{ value: 'Refund', parent: 'Billing' }], 'Account');
    expect(c?.patches).toEqual([{ op: 'set', rowId: 0, col: 1, before: 'Billing', after: 'Account' }]);
    expect(c?.label).toBe('Move sub_category "Refund" under "Billing" to category "Account" (1 row)');
    // Without a parent: under any parent, so the "billing" row moves too.
    expect(moveLabels(ds, 1, 2, [{ value: 'Refund' }], 'Account')?.patches.map((p) => p.rowId)).toEqual([0, 3]);
    // Several at once: one step.
    expect(
      moveLabels(
        ds,
        1,
        2,
        [
          { value: 'Refund', parent: 'billing' },
          { value: 'Late', parent: 'Shipping' },
        ],
        'Account',
      )?.patches.map((p) => p.rowId),
    ).toEqual([1, 3]);
    expect(moveLabels(ds, 1, 2, [{ value: 'Refund', parent: 'Shipping' }], 'Account')).toBeNull();
    expect(moveLabels(ds, 1, 2, [{ value: 'Late', parent: 'Shipping' }], 'Shipping')).toBeNull();
  });

  it('relabel: renames everywhere, under one parent only, or merges several labels in one step', () => {
    const ds = sample();
    expect(relabel(ds, 1, [{ value: 'billing' }], 'Billing')).toEqual({
      label: 'Rename "billing" to "Billing" in category (1 row)',
      patches: [{ op: 'set', rowId: 3, col: 1, before: 'billing', after: 'Billing' }],
    });
    const under = relabel(ds, 2, [{ value: 'Refund', parent: 'billing' }], 'Double charge', 1);
    expect(under?.patches).toEqual([{ op: 'set', rowId: 3, col: 2, before: 'Refund', after: 'Double charge' }]);
    expect(under?.label).toBe('Rename "Refund" under "billing" to "Double charge" in sub_category (1 row)');
    const merged = relabel(ds, 2, [{ value: 'Late' }, { value: 'Login' }], 'Other');
    expect(merged?.label).toBe('Merge "Late", "Login" to "Other" in sub_category (2 rows)');
    expect(merged?.patches.map((p) => p.rowId)).toEqual([1, 2]);
    expect(() => relabel(ds, 2, [{ value: 'Refund', parent: 'Billing' }], 'x')).toThrow(RangeError);
  });

  it('setWhere: only rows matching a whole group of conditions, skipping deleted rows and rows already set', () => {
    const ds = sample();
    ds.apply(deleteRows(ds, [3])!);
    const c = setWhere(
      ds,
      [
        [
          { col: 2, values: ['Refund', 'Late'] },
          { col: 1, values: ['Billing', 'billing', 'Shipping'] },
        ],
      ],
      2,
      'Late',
      (n) => `${n}`,
    );
    expect(c).toEqual({ label: '1', patches: [{ op: 'set', rowId: 0, col: 2, before: 'Refund', after: 'Late' }] });
    expect(setWhere(ds, [[{ col: 1, values: ['Account'] }], [{ col: 2, values: ['Late'] }]], 0, 'x', String)?.patches.map((p) => p.rowId)).toEqual([1, 2]);
    expect(() => setWhere(ds, [[{ col: 7, values: [] }]], 1, 'x', String)).toThrow(RangeError);
  });

  it('uniqueLiveIds: live ids once each, ascending', () => {
    const ds = sample();
    expect([...uniqueLiveIds(ds, [3, 3, 0, 9, -2, 1.5, 2])]).toEqual([0, 2, 3]);
  });

  it('diffChange: edited cells, deleted uploaded rows and live added rows; null for untouched data', () => {
    const ds = sample();
    expect(diffChange(ds)).toBeNull();
    ds.apply(setCell(ds, 3, 1, 'Billing')!);
    ds.apply(setCell(ds, 0, 0, 'refund')!);
    ds.apply(deleteRows(ds, [1])!);
    ds.apply(addRow(ds, ['new']));
    ds.apply(addRow(ds, ['gone']));
    ds.apply(deleteRows(ds, [5])!);
    expect(diffChange(ds)?.patches).toEqual([
      { op: 'set', rowId: 0, col: 0, before: 'refund please', after: 'refund' },
      { op: 'set', rowId: 3, col: 1, before: 'billing', after: 'Billing' },
      { op: 'delete', rowId: 1, values: ['where is it', 'Shipping', 'Late'] },
      { op: 'insert', rowId: 4, values: ['new', '', ''] },
    ]);
  });
});
