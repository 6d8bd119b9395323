'use client';

import { memo, useState, type ChangeEvent, type MouseEvent, type ReactNode } from 'react';
import type { RowView } from '@/lib/engine';
import { CellContent, type GridColumnMeta } from './columns';
import { CellEditor, type CommitMove } from './editable-cell';
import type { CellPos } from './grid-navigation';
import styles from './data-grid.module.css';

/** The grid's handlers, one stable object for every row. */
export interface RowActions {
  activate(pos: CellPos): void;
  startEdit(pos: CellPos): void;
  toggleRow(index: number, id: number, shift: boolean): void;
  commitEdit(value: string, move: CommitMove): void;
  cancelEdit(): void;
  /** Show the row whole (its text and labels) in the detail view. */
  openDetail(pos: CellPos): void;
}

export interface EditState {
  row: number;
  col: number;
  id: number;
  /** The cell's value when editing started. */
  value: string;
  /** Text to start from instead of the cell's value (a key typed on a label cell). */
  initial?: string;
}

interface GridRowProps {
  index: number;
  top: number;
  view: RowView | undefined;
  columns: readonly GridColumnMeta[];
  /** The active column when the active cell is in this row, else -1. */
  activeCol: number;
  editing: EditState | null;
  selected: boolean;
  readOnly: boolean;
  actions: RowActions;
}

/** Pointing at a cell cut short (two lines of text, one line of a label) shows its whole value. */
function titleIfCut(e: MouseEvent<HTMLElement>, value: string): void {
  const el = e.currentTarget;
  if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) el.title = value;
  else el.removeAttribute('title');
}

/*
 * Rows re-render only when their own data changes: a cell edit replaces one RowView in the store's
 * cache, so only that row renders again (well under the 50 ms budget), and scrolling re-renders
 * only the rows that come into view.
 */
function sameRow(a: GridRowProps, b: GridRowProps): boolean {
  return (
    a.view === b.view &&
    a.index === b.index &&
    a.top === b.top &&
    a.columns === b.columns &&
    a.activeCol === b.activeCol &&
    a.editing === b.editing &&
    a.selected === b.selected &&
    a.readOnly === b.readOnly &&
    a.actions === b.actions
  );
}

export const GridRow = memo(function GridRow({ index, top, view, columns, activeCol, editing, selected, readOnly, actions }: GridRowProps) {
  // The expand button is drawn only where it shows (the row under the pointer, the active row):
  // on every row it was a fifth of the elements a scroll step makes.
  const [pointedAt, setPointedAt] = useState(false);
  // One element tree whether the row is loaded or not: a placeholder turning into the row must
  // keep the focused cell's element, or keyboard focus would fall back to the page.
  const firstText = columns.findIndex((m) => m.kind === 'text');
  const onSelect = (e: ChangeEvent<HTMLInputElement>) =>
    view && actions.toggleRow(index, view.id, e.nativeEvent instanceof MouseEvent && e.nativeEvent.shiftKey);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={view ? selected : undefined}
      aria-busy={view ? undefined : true}
      className={`${styles.row} ${selected ? styles.selected : ''} ${editing ? styles.rowEditing : ''} ${activeCol >= 0 ? styles.activeRow : ''} ${view ? '' : styles.placeholder}`}
      style={{ transform: `translateY(${top}px)` }}
      onMouseEnter={() => setPointedAt(true)}
      onMouseLeave={() => setPointedAt(false)}
    >
      {columns.map((meta, c) => {
        const edited = view !== undefined && meta.col >= 0 && (view.edited & (1 << meta.col)) !== 0;
        const isEditing = editing?.col === c;
        const pos = { row: index, col: c };
        let content: ReactNode;
        if (!view) content = meta.kind === 'select' ? null : <span className={styles.skeleton} />;
        else if (meta.kind === 'select')
          content = (
            <input
              type="checkbox"
              tabIndex={-1}
              aria-label={`Select row ${view.number}`}
              checked={selected}
              // Keep focus on the cell (the grid's one tab stop) while the click still toggles.
              onMouseDown={(e) => e.preventDefault()}
              onChange={onSelect}
            />
          );
        else if (isEditing && editing)
          content = (
            <CellEditor
              kind={meta.kind}
              col={meta.col}
              title={meta.title}
              number={view.number}
              value={view.cells[meta.col] ?? ''}
              initial={editing.initial}
              onCommit={actions.commitEdit}
              onCancel={actions.cancelEdit}
            />
          );
        else
          content = (
            <span className={meta.kind === 'text' ? styles.clamp : styles.ellipsis} onMouseEnter={(e) => titleIfCut(e, view.cells[meta.col] ?? '')}>
              <CellContent meta={meta} view={view} />
            </span>
          );
        // The mouse's way to the detail view (the keyboard's is Ctrl+Enter, in the grid's help).
        const expand = view && !isEditing && c === firstText && (pointedAt || activeCol >= 0) && (
          <button
            type="button"
            tabIndex={-1}
            aria-hidden="true"
            className={styles.expand}
            title="Open the whole row (Ctrl+Enter)"
            // Keep the cell's own mousedown (activate, or a double-click's edit) out of it.
            onMouseDown={(e) => {
              e.preventDefault();
              e.stopPropagation();
            }}
            onDoubleClick={(e) => e.stopPropagation()}
            onClick={() => actions.openDetail(pos)}
          >
            <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
              <path d="M8.5 1.5h4v4M12.5 1.5 8 6M5.5 12.5h-4v-4M1.5 12.5 6 8" fill="none" stroke="currentColor" strokeWidth="1.5" />
            </svg>
          </button>
        );
        return (
          <div
            key={c}
            role="gridcell"
            aria-colindex={c + 1}
            data-row={index}
            data-col={c}
            tabIndex={activeCol === c ? 0 : -1}
            className={`${styles.cell} ${styles[meta.kind]} ${edited ? styles.edited : ''} ${isEditing ? styles.editing : ''}`}
            onMouseDown={(e) => {
              // Clicks inside the open editor (its options, its text) are the editor's.
              if (isEditing) return;
              // A double-click edits; it must not also select a word of the cell's text.
              if (e.detail > 1) e.preventDefault();
              actions.activate(pos);
            }}
            onDoubleClick={() => view && !readOnly && (meta.kind === 'text' || meta.kind === 'label') && actions.startEdit(pos)}
          >
            {content}
            {expand}
            {meta.kind === 'number' && view?.added && <span className={styles.newBadge}>New</span>}
            {edited && <span className="visually-hidden"> (edited)</span>}
          </div>
        );
      })}
    </div>
  );
}, sameRow);
