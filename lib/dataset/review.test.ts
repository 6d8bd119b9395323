import { describe, expect, it } from 'vitest';
import { setCell, deleteRows } from './changes';
import { Dataset } from './dataset';
import { History, recoverHistorySnapshot, replayHistory } from './history';
import { markReview, reviewWithCells, withReviewFollowUp } from './review';
import type { Change } from './types';

const sample = (): Dataset =>
  Dataset.fromRows(
    ['inquiry', 'category', 'sub_category'],
    [
      ['refund please', 'Billing', 'Refund'],
      ['where is my parcel', 'Billing', 'Refund'],
      ['cannot log in', 'Account', 'Login'],
    ],
  );

/** Apply as the engine does: the follow-up rule first, then the change. */
function commit(ds: Dataset, change: Change | null): Change {
  const full = withReviewFollowUp(ds, change!);
  ds.apply(full);
  return full;
}

describe('review status', () => {
  it('every row starts unreviewed; marking is one undoable change that counts live rows', () => {
    const ds = sample();
    expect(ds.reviewCounts()).toEqual({ unreviewed: 3, reviewed: 0, flagged: 0, changed: 0 });
    const change = commit(ds, markReview(ds, [0, 2, 0], 'reviewed'));
    expect(change.label).toBe('Mark 2 rows reviewed');
    expect(ds.reviewStatus(0)).toBe('reviewed');
    expect(ds.reviewCounts()).toEqual({ unreviewed: 1, reviewed: 2, flagged: 0, changed: 0 });
    expect(markReview(ds, [0], 'reviewed')).toBeNull();
    expect(markReview(ds, [1], 'flagged')!.label).toBe('Flag row 2');
    ds.revert(change);
    expect(ds.reviewCounts()).toEqual({ unreviewed: 3, reviewed: 0, flagged: 0, changed: 0 });
  });

  it('a deleted row leaves the counts and comes back with its status when the delete is undone', () => {
    const ds = sample();
    commit(ds, markReview(ds, [1], 'flagged'));
    const del = commit(ds, deleteRows(ds, [1]));
    expect(ds.reviewCounts().flagged).toBe(0);
    ds.revert(del);
    expect(ds.reviewStatus(1)).toBe('flagged');
    expect(ds.reviewCounts().flagged).toBe(1);
  });

  it('the suggested label and "reviewed" are one change: one undo takes both back', () => {
    const ds = sample();
    const change = commit(
      ds,
      reviewWithCells(
        ds,
        1,
        [
          { col: 1, value: 'Shipping' },
          { col: 2, value: 'Late' },
        ],
        'Use the suggested label in row 2',
      ),
    );
    expect(ds.row(1)).toEqual(['where is my parcel', 'Shipping', 'Late']);
    expect(ds.reviewStatus(1)).toBe('reviewed');
    ds.revert(change);
    expect(ds.row(1)).toEqual(['where is my parcel', 'Billing', 'Refund']);
    expect(ds.reviewStatus(1)).toBe('unreviewed');
  });

  it('relabelling a row already reviewed (going back in the review) keeps it reviewed, not "changed since review"', () => {
    const ds = sample();
    commit(ds, markReview(ds, [1], 'reviewed'));
    const change = commit(ds, reviewWithCells(ds, 1, [{ col: 1, value: 'Shipping' }], 'Relabel row 2 as Shipping'));
    expect(ds.row(1)[1]).toBe('Shipping');
    expect(ds.reviewStatus(1)).toBe('reviewed');
    ds.revert(change);
    expect(ds.reviewStatus(1)).toBe('reviewed');
    expect(reviewWithCells(ds, 1, [{ col: 1, value: 'Billing' }], 'again')).toBeNull();
  });

  it('editing a reviewed row elsewhere marks it "changed since review", in the same undo step; a flagged row stays flagged', () => {
    const ds = sample();
    commit(ds, markReview(ds, [0], 'reviewed'));
    commit(ds, markReview(ds, [2], 'flagged'));
    const edit = commit(ds, setCell(ds, 0, 1, 'Refunds'));
    expect(ds.reviewStatus(0)).toBe('changed');
    commit(ds, setCell(ds, 2, 0, 'cannot sign in'));
    expect(ds.reviewStatus(2)).toBe('flagged');
    ds.revert(edit);
    expect(ds.reviewStatus(0)).toBe('reviewed');
  });

  it('is saved with the history and replayed on the file; a damaged status is refused when read back', () => {
    const ds = sample();
    const history = new History();
    for (const change of [markReview(ds, [0, 1], 'reviewed'), setCell(ds, 1, 0, 'where is my order')]) history.push(commit(ds, change));
    const snapshot = JSON.parse(JSON.stringify(history.snapshot())) as { changes: unknown[]; position: number };
    const fresh = sample();
    const replay = replayHistory(fresh, recoverHistorySnapshot(snapshot.changes, snapshot.position).snapshot);
    expect(replay.applied).toBe(2);
    expect([fresh.reviewStatus(0), fresh.reviewStatus(1), fresh.reviewStatus(2)]).toEqual(['reviewed', 'changed', 'unreviewed']);
    const damaged = structuredClone(snapshot.changes) as { patches: { after?: string }[] }[];
    damaged[0]!.patches[0]!.after = 'approved';
    expect(recoverHistorySnapshot(damaged, 2).error).toBe('edit 1 is malformed');
  });
});
