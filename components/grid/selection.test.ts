import { describe, expect, it } from 'vitest';
import {
  NO_SELECTION,
  isSelected,
  rangeBetween,
  resolveSelection,
  selectAll,
  selectedCount,
  selectionState,
  setRows,
  toggleRow,
  withoutIds,
} from './selection';

describe('selection', () => {
  it('toggles rows by id and remembers the position as the anchor', () => {
    const a = toggleRow(NO_SELECTION, 42, 3);
    expect(isSelected(a, 42)).toBe(true);
    expect(a.anchor).toBe(3);
    const b = toggleRow(a, 42, 3);
    expect(isSelected(b, 42)).toBe(false);
    expect(selectedCount(b, 10)).toBe(0);
  });

  it('does not mutate the previous selection', () => {
    const a = toggleRow(NO_SELECTION, 1, 0);
    toggleRow(a, 2, 1);
    expect(selectedCount(a, 10)).toBe(1);
  });

  it('selects every row in the view without knowing their ids, minus exceptions', () => {
    const all = selectAll();
    expect(isSelected(all, 123456)).toBe(true);
    expect(selectedCount(all, 500)).toBe(500);
    const some = toggleRow(all, 7, 2);
    expect(isSelected(some, 7)).toBe(false);
    expect(selectedCount(some, 500)).toBe(499);
    expect(selectionState(some, 500)).toBe('some');
    expect(resolveSelection(some, [5, 6, 7, 8])).toEqual([5, 6, 8]);
  });

  it.each([
    [null, 4, [4, 5]],
    [2, 6, [2, 7]],
    [9, 3, [3, 10]],
    [5, 5, [5, 6]],
  ] as const)('range from anchor %s to %s is %o', (anchor, index, expected) => {
    expect(rangeBetween(anchor, index)).toEqual(expected);
  });

  it('sets a range on or off, keeping other rows', () => {
    const a = setRows(toggleRow(NO_SELECTION, 100, 0), [1, 2, 3], true, 3);
    expect(resolveSelection(a, []).sort()).toEqual([1, 100, 2, 3].sort());
    const b = setRows(a, [2, 3], false, 3);
    expect(resolveSelection(b, []).sort()).toEqual([1, 100]);
  });

  it('reports the header checkbox state', () => {
    expect(selectionState(NO_SELECTION, 10)).toBe('none');
    expect(selectionState(toggleRow(NO_SELECTION, 1, 0), 10)).toBe('some');
    expect(selectionState(selectAll(), 10)).toBe('all');
    expect(selectionState(selectAll(), 0)).toBe('none');
  });

  it('forgets deleted rows', () => {
    const a = setRows(NO_SELECTION, [1, 2, 3], true, null);
    expect(resolveSelection(withoutIds(a, [2]), []).sort()).toEqual([1, 3]);
  });
});
