/**
 * Stable identity of a row: its 0-based position among the data rows of the uploaded file; rows
 * added in the app get ids n, n+1, … (n = rows uploaded). An id never changes with sorting,
 * filtering or deleting, so edits, selections and history refer to ids, never to screen positions.
 */
export type RowId = number;

/**
 * One reversible step on one row. `before`/`values` carry what is needed to undo it, so a patch
 * can be applied and reverted without looking anything up, and replayed on a fresh copy of the
 * uploaded file (a restored session) where a mismatch is detected rather than silently applied.
 */
export type Patch =
  | { op: 'set'; rowId: RowId; col: number; before: string; after: string }
  /** The row becomes live with these values (a new row, or an undone delete). */
  | { op: 'insert'; rowId: RowId; values: string[] }
  /** The row stops being live; `values` are its cells at that moment. */
  | { op: 'delete'; rowId: RowId; values: string[] }
  /** The row's review status changes (the review mode: kept, flagged, or edited after review). */
  | { op: 'review'; rowId: RowId; before: ReviewStatus; after: ReviewStatus };

/**
 * Where a row stands in the review: not looked at yet, reviewed (its labels kept or fixed), flagged
 * for a second look, or reviewed and then changed elsewhere (its review no longer vouches for it).
 */
export type ReviewStatus = 'unreviewed' | 'reviewed' | 'flagged' | 'changed';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['unreviewed', 'reviewed', 'flagged', 'changed'];

/** One undoable step (a bulk operation is one Change with many patches). */
export interface Change {
  /** What the user did, in words, for "Undo …" / "Redo …". */
  label: string;
  /** Applied in order; reverted in reverse order. */
  patches: Patch[];
  /**
   * Which columns are the text and the labels, before and after, when the change is "Change
   * columns" (its patches are then empty): the data stays, the roles of its columns change.
   */
  columns?: { before: ColumnRoles; after: ColumnRoles };
}

/** The column holding the text and the ones holding the labels, by name. */
export interface ColumnRoles {
  text: string;
  labels: string[];
}

/** Applying or reverting a change that does not fit the data (for example a stale restored session). */
export type ApplyResult = { ok: true } | { ok: false; error: string };
