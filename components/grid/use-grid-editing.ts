'use client';

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RowView } from '@/lib/engine';
import { useTrainsetApi } from '@/components/store/store-provider';
import type { GridColumnMeta } from './columns';
import type { CommitMove } from './editable-cell';
import { afterCommit, type CellPos } from './grid-navigation';
import type { EditState, RowActions } from './grid-row';
import type { FocusRequest } from './use-grid-keyboard';

interface EditingOptions {
  columns: readonly GridColumnMeta[];
  /** Rows in the view. */
  rows: number;
  readOnly: boolean;
  /** The row shown at a view position (cached or still on screen). */
  rowFor(index: number): RowView | undefined;
  /** Changes whenever the rows on screen change. */
  rowsOnScreen: unknown;
  setActive(pos: CellPos): void;
  requestFocus(request?: FocusRequest): void;
  onToggleRow(index: number, id: number, shift: boolean): void;
}

export interface GridActions extends RowActions {
  startEditAt(pos: CellPos, initial?: string): void;
  /** The row's detail view went away: focus goes back to the active cell. */
  closeDetail(): void;
  toggleRowAt(index: number, shift: boolean): void;
  /** Edit the text of a just-added row once it has been fetched. */
  editNewRow(index: number, id: number): void;
}

/**
 * Which cell is being edited (or which row is open in the detail view), and the row handlers. The handlers form one stable object (so the
 * memoised rows do not re-render when the grid does) and read the latest props from a ref.
 * Saving calls the store's `edit`, which shows the new value at once and confirms in the worker.
 */
export function useGridEditing(o: EditingOptions): { editing: EditState | null; detail: RowView | null; actions: GridActions } {
  const api = useTrainsetApi();
  const [editing, setEditing] = useState<EditState | null>(null);
  const [detail, setDetail] = useState<RowView | null>(null);
  const latest = useRef({ ...o, editing });
  const pending = useRef<{ index: number; id: number } | null>(null);
  useLayoutEffect(() => {
    latest.current = { ...o, editing };
  });

  const fresh = useRef<number | null>(null);

  const actions = useMemo<GridActions>(() => {
    /**
     * A row just added and left without typing anything (Escape, or Enter on the empty cell) is
     * taken away again: an empty row would only block the export. Undoing its "Add row" step removes
     * it (Redo would bring it back). True when it was discarded.
     */
    const discardUntouched = (id: number): boolean => {
      if (fresh.current !== id) return false;
      fresh.current = null;
      const s = api.getState();
      if (s.status.undoLabel !== 'Add row') return false;
      void s.undo();
      return true;
    };
    const startEditAt = (pos: CellPos, initial?: string) => {
      const { columns, readOnly, rowFor, setActive } = latest.current;
      const meta = columns[pos.col];
      const row = rowFor(pos.row);
      if (readOnly || !row || !meta || (meta.kind !== 'text' && meta.kind !== 'label')) return;
      setActive(pos);
      // Keys typed faster than the editor opens arrive here one by one: each is added to what was
      // typed, so every key is kept at any typing speed (the first one starts the edit).
      setEditing((prev) =>
        initial !== undefined && prev && prev.row === pos.row && prev.col === pos.col && prev.initial !== undefined
          ? { ...prev, initial: prev.initial + initial }
          : { row: pos.row, col: pos.col, id: row.id, value: row.cells[meta.col] ?? '', ...(initial !== undefined ? { initial } : {}) },
      );
    };
    return {
      startEditAt,
      startEdit: (pos) => startEditAt(pos),
      activate(pos) {
        // Also for clicks that keep the browser from focusing (checkboxes, header buttons).
        latest.current.setActive(pos);
        latest.current.requestFocus({ scroll: false });
      },
      toggleRow: (index, id, shift) => latest.current.onToggleRow(index, id, shift),
      toggleRowAt(index, shift) {
        const row = latest.current.rowFor(index);
        if (row) latest.current.onToggleRow(index, row.id, shift);
      },
      commitEdit(value: string, move: CommitMove) {
        const { editing: e, columns, readOnly, setActive, requestFocus } = latest.current;
        if (!e) return;
        setEditing(null);
        const meta = columns[e.col]!;
        // Enter or a click away on a new row with nothing typed; Tab moves on to its labels.
        if (value === e.value && move !== 'left' && move !== 'right' && discardUntouched(e.id)) return requestFocus();
        fresh.current = null;
        if (!readOnly && value !== e.value) void api.getState().edit({ kind: 'set', id: e.id, col: meta.col, value });
        if (move === 'none') return;
        setActive(afterCommit(e, move, { rows: latest.current.rows, cols: columns.length }));
        requestFocus();
      },
      cancelEdit() {
        const e = latest.current.editing;
        setEditing(null);
        if (e) discardUntouched(e.id);
        latest.current.requestFocus();
      },
      openDetail(pos) {
        const row = latest.current.rowFor(pos.row);
        if (!row) return;
        latest.current.setActive(pos);
        setDetail(row);
      },
      closeDetail() {
        setDetail(null);
        latest.current.requestFocus();
      },
      editNewRow(index, id) {
        const textCol = latest.current.columns.findIndex((c) => c.kind === 'text');
        pending.current = { index, id };
        fresh.current = id;
        latest.current.setActive({ row: index, col: textCol });
        latest.current.requestFocus();
      },
    };
  }, [api]);

  // A just-added row is edited as soon as it arrives from the worker.
  const { rowsOnScreen, rowFor } = o;
  useEffect(() => {
    const p = pending.current;
    if (!p || rowFor(p.index)?.id !== p.id) return;
    pending.current = null;
    actions.startEditAt({ row: p.index, col: latest.current.columns.findIndex((c) => c.kind === 'text') });
  }, [rowsOnScreen, rowFor, actions]);

  return { editing, detail, actions };
}
