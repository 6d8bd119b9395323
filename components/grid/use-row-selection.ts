'use client';

import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
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
  type Selection,
} from './selection';
import { collectViewIds } from './view-ids';

export interface RowSelection {
  selection: Selection;
  count: number;
  /** A Shift+click range could not be read (the view changed meanwhile). */
  error: string | null;
  toggleRow(index: number, id: number, shift: boolean): void;
  toggleAll(): void;
  selectAllMatching(): void;
  clear(): void;
  /** Forget rows that were deleted. */
  forget(ids: readonly number[]): void;
  /** The selected ids (for "all matching": every id in the view, fetched if need be). */
  resolve(): Promise<number[]>;
}

/**
 * The grid's row selection, kept in component state as ids. "All matching" belongs to one view:
 * it ends when the filters, the search or the row restriction change; picked ids stay picked.
 */
export function useRowSelection(): RowSelection {
  const api = useTrainsetApi();
  const length = useTrainset((s) => s.length);
  const view = useTrainset((s) => [s.filters, s.search, s.editedOnly, s.reviewFilter, s.only, s.meta]);
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [error, setError] = useState<string | null>(null);
  const [seenView, setSeenView] = useState(view);
  if (seenView !== view) {
    // Adjusting state while rendering (React's pattern for "reset when an input changes").
    setSeenView(view);
    setSelection((s) => (s.kind === 'all' ? NO_SELECTION : { ...s, anchor: null }));
  }
  const current = useRef(selection);
  useLayoutEffect(() => {
    current.current = selection;
  }, [selection]);

  const toggle = useCallback(
    (index: number, id: number, shift: boolean) => {
      setError(null);
      const before = current.current;
      const anchor = before.anchor;
      setSelection((s) => toggleRow(s, id, index));
      if (!shift || anchor === null || anchor === index) return;
      const on = !isSelected(before, id);
      const [start, end] = rangeBetween(anchor, index);
      collectViewIds(api, start, end).then(
        (ids) => setSelection((s) => setRows(s, ids, on, index)),
        (e: Error) => setError(e.message),
      );
    },
    [api],
  );

  return {
    selection,
    count: selectedCount(selection, length),
    error,
    toggleRow: toggle,
    toggleAll: useCallback(() => setSelection((s) => (selectionState(s, api.getState().length) === 'none' ? selectAll() : NO_SELECTION)), [api]),
    selectAllMatching: useCallback(() => setSelection(selectAll()), []),
    clear: useCallback(() => setSelection(NO_SELECTION), []),
    forget: useCallback((ids: readonly number[]) => setSelection((s) => withoutIds(s, ids)), []),
    resolve: useCallback(async () => {
      const s = current.current;
      if (s.kind === 'ids') return resolveSelection(s, []);
      // The whole view: the engine hands over its ids in one message.
      return resolveSelection(s, await api.getState().viewIds());
    }, [api]),
  };
}
