'use client';

import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { GridColumnMeta } from './columns';
import { moveActive, type CellPos } from './grid-navigation';

interface GridKeyboardOptions {
  rows: number;
  /** Rows that fit in the viewport (read when a key is pressed). */
  pageSize(): number;
  /** The active cell, already clamped to the bounds. */
  active: CellPos;
  setActive(pos: CellPos): void;
  columns: readonly GridColumnMeta[];
  readOnly: boolean;
  startEdit(pos: CellPos, initial?: string): void;
  /** Ctrl/Cmd+Enter on a row: its detail view. */
  openDetail(pos: CellPos): void;
  toggleRowAt(row: number, shift: boolean): void;
  /** Enter or Space on a column header: sort, or select all. */
  headerAction(col: number): void;
  /** Ask for focus to follow the active cell after the next render. */
  requestFocus(request?: FocusRequest): void;
}

/** Fields where keys type text; the grid leaves their keys alone. */
function isEditor(el: EventTarget): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLInputElement) return el.type !== 'checkbox';
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement || el.isContentEditable;
}

const ARROWS_AND_ENDS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);

/**
 * Spreadsheet keys on the grid (one handler on the grid element; cells bubble to it): arrows,
 * Home/End, Ctrl+Home/End, PageUp/PageDown move the active cell; Enter or F2 edits; Space
 * selects the row (Shift+Space extends from the last selected row); typing on a cell starts
 * editing it with that character; Ctrl/Cmd+Enter opens the row's detail view. Other Ctrl/Cmd
 * combinations than navigation are left to the page, so the app's undo (Ctrl+Z) and the
 * browser's shortcuts keep working.
 */
export function useGridKeyboard(o: GridKeyboardOptions): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    if (e.defaultPrevented || e.nativeEvent.isComposing || e.altKey || isEditor(e.target)) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && e.key === 'Enter' && o.active.row >= 0) {
      e.preventDefault();
      o.openDetail(o.active);
      return;
    }
    if (ctrl && !ARROWS_AND_ENDS.has(e.key)) return;
    const next = moveActive(o.active, { key: e.key, ctrl }, { rows: o.rows, cols: o.columns.length, page: o.pageSize() });
    if (next) {
      e.preventDefault();
      o.setActive(next);
      o.requestFocus();
      return;
    }
    const { row, col } = o.active;
    const kind = o.columns[col]?.kind;
    if (e.key === 'Enter' || e.key === 'F2' || e.key === ' ') {
      e.preventDefault();
      if (row === -1) o.headerAction(col);
      else if (e.key === ' ' || kind === 'select') o.toggleRowAt(row, e.shiftKey);
      else if (!o.readOnly) o.startEdit(o.active);
      return;
    }
    // Typing on a cell starts editing it, as in a spreadsheet: the key is the first character of the new value.
    if (e.key.length === 1 && row >= 0 && (kind === 'label' || kind === 'text') && !o.readOnly) {
      e.preventDefault();
      o.startEdit(o.active, e.key);
    }
  };
}

/** How focus follows the active cell: `scroll: false` for a click, whose cell is on screen already. */
export interface FocusRequest {
  scroll?: boolean;
}

/**
 * Moves focus to the active cell when asked (after a key or the end of an edit), scrolling the
 * row into view below the sticky header (`scrollToRow`: the virtualiser's `scrollToIndex` with
 * `align: 'auto'`, or its scaled equivalent past a few hundred thousand rows) and the scroller so
 * the column shows. After a click nothing scrolls: the cell is where the pointer is, and moving it
 * between the press and the release would make the release miss it (a checkbox would not toggle).
 * The active row is always rendered (see the grid's range extractor), so its cell exists.
 */
export function useActiveCellFocus(
  gridRef: RefObject<HTMLElement | null>,
  scrollToRow: (index: number) => void,
  active: CellPos,
): (request?: FocusRequest) => void {
  const [request, setRequest] = useState(0);
  const handled = useRef(0);
  const scroll = useRef(true);
  useEffect(() => {
    if (request === handled.current) return;
    handled.current = request;
    const grid = gridRef.current;
    if (!grid) return;
    if (active.row >= 0 && scroll.current) scrollToRow(active.row);
    const selector = active.row === -1 ? `[data-header-col="${active.col}"]` : `[data-row="${active.row}"][data-col="${active.col}"]`;
    const cell = grid.querySelector<HTMLElement>(selector);
    if (!cell) return;
    cell.focus({ preventScroll: true });
    if (!scroll.current) return;
    const g = grid.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    if (c.left < g.left) grid.scrollLeft -= g.left - c.left;
    else if (c.right > g.right) grid.scrollLeft += Math.min(c.left - g.left, c.right - g.right);
  }, [request, active, gridRef, scrollToRow]);
  return useCallback((r?: FocusRequest) => {
    scroll.current = r?.scroll ?? true;
    setRequest((n) => n + 1);
  }, []);
}
