'use client';

import { createColumnHelper, metaHelper, rowSortingFeature, tableFeatures, type SortingState } from '@tanstack/react-table';
import type { ColumnMapping, RowView } from '@/lib/engine';
import type { ReviewStatus } from '@/lib/dataset';
import type { AnswerMode } from '@/lib/export';
import type { SortState } from '@/lib/store';
import { CellText } from './highlighted-text';

export type ColumnKind = 'select' | 'number' | 'text' | 'label' | 'review';

/** What the grid needs to know about a column beyond TanStack's definition. */
export interface GridColumnMeta {
  kind: ColumnKind;
  /** The column's index in the file's header (-1 for the selection and row-number columns). */
  col: number;
  title: string;
  /** Its CSS grid track, and the least width that track takes (for horizontal scrolling). */
  track: string;
  minWidth: number;
  /** The same in a grid under 640 px wide (data-grid.module.css): a narrower text, so a phone shows a label beside it. */
  narrow: { track: string; minWidth: number };
}

/*
 * The table only knows columns, headers, cell values and the sort state. Rows come from the
 * worker one page at a time, so sorting is manual (the engine sorts) and the table's data is just
 * the rows on screen.
 */
export const gridFeatures = tableFeatures({ rowSortingFeature, columnMeta: metaHelper<GridColumnMeta>() });
export type GridFeatures = typeof gridFeatures;

const helper = createColumnHelper<GridFeatures, RowView>();

export const columnId = (col: number): string => `c${col}`;

/** The Review column's words (an unreviewed row shows nothing, so the reviewed ones stand out). */
export const REVIEW_TEXT: Record<ReviewStatus, string> = { unreviewed: '', reviewed: 'Reviewed', flagged: 'Flagged', changed: 'Changed since review' };

/**
 * The grid's columns in display order: selection, row number, the text, then each label. Free-text
 * answers (`answer: 'text'`) are a second text column: edited as text, not picked from values.
 */
export function describeColumns(header: readonly string[], mapping: ColumnMapping, answer: AnswerMode = 'labels'): GridColumnMeta[] {
  const text = (name: string): GridColumnMeta => ({
    kind: 'text',
    col: header.indexOf(name),
    title: name,
    track: 'minmax(300px, 1fr)',
    minWidth: 300,
    narrow: { track: 'minmax(140px, 1fr)', minWidth: 140 },
  });
  return [
    { kind: 'select', col: -1, title: 'Select', track: '44px', minWidth: 44, narrow: { track: '36px', minWidth: 36 } },
    { kind: 'number', col: -1, title: '#', track: '84px', minWidth: 84, narrow: { track: '56px', minWidth: 56 } },
    text(mapping.text),
    ...mapping.labels.map((name): GridColumnMeta =>
      answer === 'text'
        ? text(name)
        : {
            kind: 'label',
            col: header.indexOf(name),
            title: name,
            track: 'minmax(170px, 240px)',
            minWidth: 170,
            narrow: { track: 'minmax(112px, 160px)', minWidth: 112 },
          },
    ),
    // Last, so the text and its labels keep their places: where each row stands in the review.
    { kind: 'review', col: -1, title: 'Review', track: '124px', minWidth: 124, narrow: { track: '104px', minWidth: 104 } },
  ];
}

/**
 * TanStack column definitions for the described columns, for the header (titles, sorting) only:
 * rows render their cells with {@link CellContent} (keep the result stable: memoise it).
 */
export function buildColumnDefs(metas: readonly GridColumnMeta[]) {
  return helper.columns(
    metas.map((meta) => {
      if (meta.kind === 'select') return helper.display({ id: 'select', header: 'Select', enableSorting: false, meta });
      if (meta.kind === 'review') return helper.display({ id: 'review', header: 'Review', enableSorting: false, meta });
      if (meta.kind === 'number') return helper.display({ id: 'number', header: '#', enableSorting: false, meta });
      return helper.accessor((r) => r.cells[meta.col] ?? '', { id: columnId(meta.col), header: meta.title, meta });
    }),
  );
}

/**
 * What a row shows in a column (not the selection box, which the row draws). Straight from the row,
 * not through TanStack's row model: that model was rebuilt for every row on screen at every scroll
 * step, for cells that only show a value.
 */
export function CellContent({ meta, view }: { meta: GridColumnMeta; view: RowView }) {
  if (meta.kind === 'number') return <>{view.number}</>;
  if (meta.kind === 'review') return <>{REVIEW_TEXT[view.review]}</>;
  return <CellText text={view.cells[meta.col] ?? ''} col={meta.col} />;
}

/** The store's sort as TanStack sorting state. */
export function toSorting(sort: SortState | null): SortingState {
  return sort ? [{ id: columnId(sort.col), desc: sort.desc }] : [];
}

/** TanStack sorting state back as the store's sort (one column at a time). */
export function fromSorting(sorting: SortingState): SortState | null {
  const first = sorting[0];
  if (!first) return null;
  const col = Number(first.id.slice(1));
  return Number.isInteger(col) ? { col, desc: first.desc } : null;
}
