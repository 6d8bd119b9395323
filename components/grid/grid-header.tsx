'use client';

import { FlexRender, type Header } from '@tanstack/react-table';
import { useEffect, useRef } from 'react';
import type { RowView } from '@/lib/engine';
import type { GridFeatures } from './columns';
import styles from './data-grid.module.css';

interface GridHeaderProps {
  headers: Header<GridFeatures, RowView, unknown>[];
  /** The active column when the active cell is a header, else -1. */
  activeCol: number;
  allState: 'none' | 'some' | 'all';
  viewLength: number;
  onToggleAll(): void;
  onActivate(col: number): void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/** The header row: the select-all checkbox, then one sortable header per column (asc → desc → none). */
export function GridHeader({ headers, activeCol, allState, viewLength, onToggleAll, onActivate }: GridHeaderProps) {
  return (
    <div role="rowgroup" className={styles.head}>
      <div role="row" aria-rowindex={1} className={styles.headRow}>
        {headers.map((header, c) => {
          const meta = header.column.columnDef.meta!;
          const sortable = header.column.getCanSort();
          const sorted = header.column.getIsSorted();
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-colindex={c + 1}
              aria-sort={sortable ? (sorted ? ARIA_SORT[sorted] : 'none') : undefined}
              data-header-col={c}
              tabIndex={activeCol === c ? 0 : -1}
              className={`${styles.headCell} ${styles[meta.kind]}`}
              onMouseDown={() => onActivate(c)}
            >
              {meta.kind === 'select' ? (
                <SelectAll state={allState} disabled={viewLength === 0} onToggle={onToggleAll} />
              ) : sortable ? (
                <button
                  type="button"
                  tabIndex={-1}
                  className={styles.sortButton}
                  title={`Sort by ${meta.title}`}
                  // Focus stays on the header cell, the grid's own stop for this column.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={header.column.getToggleSortingHandler()}
                >
                  <span className={styles.ellipsis}>
                    <FlexRender header={header} />
                  </span>
                  <SortArrow dir={sorted} />
                </button>
              ) : (
                <span title="Row number in the file">
                  <FlexRender header={header} />
                </span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function SelectAll({ state, disabled, onToggle }: { state: 'none' | 'some' | 'all'; disabled: boolean; onToggle(): void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      tabIndex={-1}
      aria-label="Select all rows in view"
      checked={state === 'all'}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onChange={onToggle}
    />
  );
}

function SortArrow({ dir }: { dir: false | 'asc' | 'desc' }) {
  return (
    <svg className={`${styles.sortArrow} ${dir ? styles.sortActive : ''}`} width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {dir !== 'desc' && <path d="M6 2 9.5 6h-7z" fill="currentColor" opacity={dir === 'asc' ? 1 : 0.35} />}
      {dir !== 'asc' && <path d="M6 10 2.5 6h7z" fill="currentColor" opacity={dir === 'desc' ? 1 : 0.35} />}
    </svg>
  );
}
