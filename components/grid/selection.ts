/**
 * Row selection as data: a set of row ids (never view positions, which change with every sort
 * and filter), or "every row in the view" minus some ids, so that selecting 100,000 matching
 * rows does not first need their ids. Positions only appear to say where a Shift+click range
 * starts (`anchor`).
 */

export type Selection = { kind: 'ids'; ids: ReadonlySet<number>; anchor: number | null } | { kind: 'all'; except: ReadonlySet<number>; anchor: number | null };

export const NO_SELECTION: Selection = { kind: 'ids', ids: new Set(), anchor: null };

export function isSelected(s: Selection, id: number): boolean {
  return s.kind === 'ids' ? s.ids.has(id) : !s.except.has(id);
}

/** How many rows are selected, given the rows in the view. */
export function selectedCount(s: Selection, viewLength: number): number {
  return s.kind === 'ids' ? s.ids.size : Math.max(0, viewLength - s.except.size);
}

/** For the header checkbox. */
export function selectionState(s: Selection, viewLength: number): 'none' | 'some' | 'all' {
  const n = selectedCount(s, viewLength);
  if (n === 0) return 'none';
  return n >= viewLength ? 'all' : 'some';
}

export function selectAll(): Selection {
  return { kind: 'all', except: new Set(), anchor: null };
}

/** Select or unselect one row; its position becomes the anchor of the next Shift+click. */
export function toggleRow(s: Selection, id: number, index: number): Selection {
  return setRows(s, [id], !isSelected(s, id), index);
}

/** Select (or unselect) the given rows, e.g. a Shift+click range, keeping the rest. */
export function setRows(s: Selection, ids: readonly number[], on: boolean, anchor: number | null): Selection {
  if (s.kind === 'ids') {
    const next = new Set(s.ids);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    return { kind: 'ids', ids: next, anchor };
  }
  const except = new Set(s.except);
  for (const id of ids)
    if (on) except.delete(id);
    else except.add(id);
  return { kind: 'all', except, anchor };
}

/**
 * The view positions of a Shift+click from `anchor` to `index`, as [start, end) (both ends
 * included in the range). Without an anchor, just the clicked row.
 */
export function rangeBetween(anchor: number | null, index: number): [number, number] {
  if (anchor === null) return [index, index + 1];
  return [Math.min(anchor, index), Math.max(anchor, index) + 1];
}

/** The ids to act on, given every id in the view when the selection is "all". */
export function resolveSelection(s: Selection, viewIds: readonly number[]): number[] {
  if (s.kind === 'ids') return [...s.ids];
  return viewIds.filter((id) => !s.except.has(id));
}

/** Drop ids that no longer exist (after a delete). */
export function withoutIds(s: Selection, gone: readonly number[]): Selection {
  if (gone.length === 0) return s;
  const drop = new Set(gone);
  if (s.kind === 'all') return { ...s, except: new Set([...s.except].filter((id) => !drop.has(id))) };
  return { ...s, ids: new Set([...s.ids].filter((id) => !drop.has(id))) };
}
