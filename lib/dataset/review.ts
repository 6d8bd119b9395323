import { setCells } from './changes';
import type { Dataset } from './dataset';
import type { Change, Patch, ReviewStatus, RowId } from './types';

const VERB: Record<ReviewStatus, string> = {
  unreviewed: 'Mark {rows} unreviewed',
  reviewed: 'Mark {rows} reviewed',
  flagged: 'Flag {rows}',
  changed: 'Mark {rows} changed since review',
};

const rowsWord = (ds: Dataset, ids: readonly RowId[]): string =>
  ids.length === 1 ? `row ${ds.rowNumber(ids[0]!)}` : `${ids.length.toLocaleString('en-US')} rows`;

/** Review patches giving `status` to the live rows among `ids` that do not have it yet (each once). */
function reviewPatches(ds: Dataset, ids: Iterable<RowId>, status: ReviewStatus): Patch[] {
  const seen = new Set<RowId>();
  const patches: Patch[] = [];
  for (const id of ids) {
    if (seen.has(id) || !ds.isLive(id)) continue;
    seen.add(id);
    const before = ds.reviewStatus(id);
    if (before !== status) patches.push({ op: 'review', rowId: id, before, after: status });
  }
  return patches;
}

/** Give rows a review status, as one undoable change ("Mark row 4 reviewed", "Flag 3 rows"); null when none changes. */
export function markReview(ds: Dataset, ids: Iterable<RowId>, status: ReviewStatus): Change | null {
  const patches = reviewPatches(ds, ids, status);
  if (patches.length === 0) return null;
  return {
    label: VERB[status].replace(
      '{rows}',
      rowsWord(
        ds,
        patches.map((p) => p.rowId),
      ),
    ),
    patches,
  };
}

/**
 * Set cells of one row and mark it reviewed, as one change: the reviewer's "use this label" (the
 * suggestion, or a label picked from the list). Null when the row is gone. The row's review patch is
 * always there (reviewed → reviewed when it was reviewed already), so the change reviews the row
 * itself and `withReviewFollowUp` never marks it "changed since review".
 */
export function reviewWithCells(ds: Dataset, id: RowId, cells: readonly { col: number; value: string }[], label: string): Change | null {
  if (!ds.isLive(id)) return null;
  const sets = setCells(ds, id, cells)?.patches ?? [];
  const status = ds.reviewStatus(id);
  if (sets.length === 0 && status === 'reviewed') return null;
  return { label, patches: [...sets, { op: 'review', rowId: id, before: status, after: 'reviewed' }] };
}

/**
 * A change that edits rows someone reviewed does not clear their review silently: each reviewed row
 * whose cells it sets (and whose status it does not set itself) is marked "changed since review", in
 * the same change, so undo takes both back. Flagged rows stay flagged.
 */
export function withReviewFollowUp(ds: Dataset, change: Change): Change {
  let edited: Set<RowId> | null = null;
  let reviewedHere: Set<RowId> | null = null;
  for (const p of change.patches) {
    if (p.op === 'set' && ds.reviewStatus(p.rowId) === 'reviewed') (edited ??= new Set()).add(p.rowId);
    else if (p.op === 'review') (reviewedHere ??= new Set()).add(p.rowId);
  }
  if (!edited) return change;
  const follow: Patch[] = [];
  for (const id of edited) if (!reviewedHere?.has(id)) follow.push({ op: 'review', rowId: id, before: 'reviewed', after: 'changed' });
  return follow.length === 0 ? change : { ...change, patches: [...change.patches, ...follow] };
}
