'use client';

import { useTable } from '@tanstack/react-table';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { RowView } from '@/lib/engine';
import { useTrainset, useTrainsetApi } from '@/components/store/store-provider';
import { buildColumnDefs, fromSorting, gridFeatures, toSorting, type GridColumnMeta } from './columns';
import { clampActive, type CellPos } from './grid-navigation';
import { GridHeader } from './grid-header';
import { GridRow } from './grid-row';
import { HighlightContext } from './highlighted-text';
import { RowDetail } from './row-detail';
import { isSelected, selectionState, type Selection } from './selection';
import { useActiveCellFocus, useGridKeyboard } from './use-grid-keyboard';
import { useGridEditing } from './use-grid-editing';
import { useScaledScroll } from './use-scaled-scroll';
import { useWindowRows } from './use-window-rows';
import styles from './data-grid.module.css';

/** Fixed row height (two lines of text): fixed sizes keep 100,000-row scrolling exact and cheap. */
export const ROW_HEIGHT = 44;
export const HEADER_HEIGHT = 40;
/**
 * Rows drawn beyond each edge of the view: enough for a wheel step or an arrow key to find its row
 * drawn, few enough that a jump (a drag of the scrollbar, a search hit) draws little more than a
 * screen. Ten made a jump draw 34 rows for the 14 on screen.
 */
const OVERSCAN = 5;

export interface GridHandle {
  editNewRow(index: number, id: number): void;
  /** Put focus back on the active cell (after a bar or dialog outside the grid goes away). */
  focus(): void;
}

interface GridTableProps {
  columns: readonly GridColumnMeta[];
  selection: Selection;
  onToggleRow(index: number, id: number, shift: boolean): void;
  onToggleAll(): void;
  readOnly: boolean;
  handle: Ref<GridHandle>;
}

const NO_ROWS: RowView[] = [];

/** The WAI-ARIA grid: a sticky header row and the virtualised rows of the view. */
export function GridTable({ columns, selection, onToggleRow, onToggleAll, readOnly, handle }: GridTableProps) {
  const api = useTrainsetApi();
  const { length, rowsVersion, sort, search, meta, noRows, viewPending } = useTrainset((s) => ({
    length: s.length,
    viewPending: s.viewPending !== null,
    // No data rows at all (a header-only file, or every row deleted): filters are not the reason.
    noRows: s.status.rows === 0,
    rowsVersion: s.rowsVersion,
    sort: s.sort,
    search: s.search,
    meta: s.meta,
  }));
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeRaw, setActive] = useState<CellPos>(() => ({
    row: 0,
    col: Math.max(
      0,
      columns.findIndex((c) => c.kind === 'text'),
    ),
  }));
  const active = clampActive(activeRaw, { rows: length, cols: columns.length, page: 1 });

  // The active row is always rendered, wherever the user scrolled: it holds the grid's tab stop.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (active.row < 0 || active.row >= range.count || indexes.includes(active.row)) return indexes;
      return [...indexes, active.row].sort((a, b) => a - b);
    },
    [active.row],
  );
  // Past 8 million px of rows (about 180,000) the scroll position is scaled: see use-scaled-scroll.ts.
  const { scroller, scaled, spacer, top } = useScaledScroll(scrollRef, length, ROW_HEIGHT, HEADER_HEIGHT, (OVERSCAN + 2) * ROW_HEIGHT);
  // The warning is only that React Compiler would skip this component; the app does not use the
  // compiler, and the grid re-renders on every scroll by design, so there is nothing to fix.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns unmemoizable functions
  const virtualizer = useVirtualizer({
    count: length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    observeElementRect: scroller.observeElementRect,
    observeElementOffset: scroller.observeElementOffset,
    scrollToFn: scroller.scrollToFn,
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const { rows, byIndex } = useWindowRows(
    items.map((i) => i.index),
    rowsVersion,
    meta,
  );
  const userActive = useCallback(() => api.getState().userActive(), [api]);
  const rowFor = useCallback((index: number) => api.getState().rowAt(index) ?? byIndex.get(index), [api, byIndex]);

  const defs = useMemo(() => buildColumnDefs(columns), [columns]);
  const sorting = useMemo(() => toSorting(sort), [sort]);
  const table = useTable(
    {
      features: gridFeatures,
      columns: defs,
      // The header's sorting only: rows draw their cells themselves (CellContent).
      data: NO_ROWS,
      state: { sorting },
      onSortingChange: (update) => void api.getState().setSort(fromSorting(typeof update === 'function' ? update(sorting) : update)),
      manualSorting: true,
      enableMultiSort: false,
      sortDescFirst: false,
    },
    (s) => ({ sorting: s.sorting }),
  );
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  const scrollToRow = useCallback(
    (index: number) => (scroller.scale.scaled ? scroller.scrollToIndex(index) : virtualizer.scrollToIndex(index, { align: 'auto' })),
    [scroller, virtualizer],
  );
  const requestFocus = useActiveCellFocus(scrollRef, scrollToRow, active);
  const { editing, detail, actions } = useGridEditing({ columns, rows: length, readOnly, rowFor, rowsOnScreen: rows, setActive, requestFocus, onToggleRow });
  useImperativeHandle(handle, () => ({ editNewRow: actions.editNewRow, focus: requestFocus }), [actions, requestFocus]);

  const headerAction = (col: number) => {
    if (columns[col]?.kind === 'select') onToggleAll();
    else if (headers[col]?.column.getCanSort()) headers[col].column.toggleSorting();
  };
  const onKeyDown = useGridKeyboard({
    rows: length,
    pageSize: () => Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - HEADER_HEIGHT) / ROW_HEIGHT) - 1),
    active,
    setActive,
    columns,
    readOnly,
    startEdit: actions.startEditAt,
    openDetail: actions.openDetail,
    toggleRowAt: actions.toggleRowAt,
    headerAction,
    requestFocus,
  });
  const highlight = useMemo(() => ({ needle: search.text, col: search.col }), [search]);
  const layout = {
    ['--grid-tracks' as string]: columns.map((c) => c.track).join(' '),
    ['--grid-min-width' as string]: `${columns.reduce((w, c) => w + c.minWidth, 0)}px`,
    ['--grid-tracks-narrow' as string]: columns.map((c) => c.narrow.track).join(' '),
    ['--grid-min-width-narrow' as string]: `${columns.reduce((w, c) => w + c.narrow.minWidth, 0)}px`,
  };

  return (
    <div className={styles.gridWrap}>
      <div
        ref={scrollRef}
        role="grid"
        aria-label="Dataset rows"
        aria-describedby="grid-help"
        aria-rowcount={length + 1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-readonly={readOnly || undefined}
        aria-busy={viewPending || undefined}
        data-popup-bounds=""
        className={styles.grid}
        style={layout}
        onKeyDown={onKeyDown}
        onScroll={userActive}
      >
        <GridHeader
          headers={headers}
          activeCol={active.row === -1 ? active.col : -1}
          allState={selectionState(selection, length)}
          viewLength={length}
          onToggleAll={onToggleAll}
          onActivate={(col) => actions.activate({ row: -1, col })}
        />
        <HighlightContext.Provider value={highlight}>
          <div
            ref={scroller.attachBody}
            role="rowgroup"
            className={scaled ? `${styles.body} ${styles.scaled}` : styles.body}
            style={{ height: scaled ? spacer : virtualizer.getTotalSize() }}
          >
            {items.map((item, k) => {
              const view = rows[k];
              const isActiveRow = item.index === active.row;
              return (
                <GridRow
                  key={item.index}
                  index={item.index}
                  top={top(item.start)}
                  view={view}
                  columns={columns}
                  activeCol={isActiveRow ? active.col : -1}
                  editing={editing && editing.row === item.index ? editing : null}
                  selected={view ? isSelected(selection, view.id) : false}
                  readOnly={readOnly}
                  actions={actions}
                />
              );
            })}
          </div>
        </HighlightContext.Provider>
      </div>
      {length === 0 && (
        <p className={styles.empty}>
          {noRows ? 'This dataset has no rows. Add one with Add row, or open another file.' : 'No rows to show. Change the search or clear the filters.'}
        </p>
      )}
      <p id="grid-help" hidden>
        Arrow keys move between cells. Enter or F2 edits a cell, Escape cancels. Ctrl+Enter (⌘+Enter on a Mac) opens the row, with its whole text and its
        labels. Space selects the row.
      </p>
      <p id="grid-editor-help" hidden>
        Enter saves and moves down, Shift+Enter saves and moves up, Tab saves and moves right, Shift+Tab left. Alt+Enter or Ctrl+Enter starts a new line. Escape
        cancels.
      </p>
      {detail && <RowDetail key={detail.id} columns={columns} row={detail} readOnly={readOnly} onClose={actions.closeDetail} />}
    </div>
  );
}
