import type { TrainsetState } from '@/lib/store';

type RowState = Pick<TrainsetState, 'length' | 'rowsVersion' | 'rowAt' | 'ensureRows'>;

/** The part of the store this needs (the real store, or a fake in tests). */
export interface RowSource {
  getState(): RowState;
  subscribe(listener: (state: RowState, previous: RowState) => void): () => void;
}

/**
 * The ids of view positions [start, end), fetching the rows that are not cached yet.
 *
 * The store has no action that returns the view's ids, so this pages through the row cache with
 * `ensureRows` and waits for `rowsVersion` to change until every position is there. For a
 * Shift+click range the rows are usually cached already; for "all 100,000 matching rows" it
 * fetches every page. Positions are scanned once: a refetch after an edit continues where the
 * scan stopped. Fails if the view changes length meanwhile (a filter was changed).
 */
export function collectViewIds(source: RowSource, start: number, end: number, timeoutMs = 30_000): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const initial = source.getState();
    const stop = Math.min(end, initial.length);
    const ids: number[] = [];
    let next = Math.max(0, start);
    let unsubscribe = (): void => {};
    const timer = setTimeout(() => finish(new Error('The rows took too long to load. Try again.')), timeoutMs);

    function finish(error: Error | null): void {
      clearTimeout(timer);
      unsubscribe();
      if (error) reject(error);
      else resolve(ids);
    }
    /** Take cached rows from `next` on; true when the range is complete. */
    function scan(s: RowState): boolean {
      for (; next < stop; next++) {
        const row = s.rowAt(next);
        if (!row) return false;
        ids.push(row.id);
      }
      return true;
    }

    if (scan(initial)) return finish(null);
    unsubscribe = source.subscribe((s, previous) => {
      if (s.length !== initial.length) return finish(new Error('The rows changed while they were being selected. Try again.'));
      if (s.rowsVersion === previous.rowsVersion) return;
      if (scan(s)) finish(null);
      // After a cache reset (an edit) the pages must be asked for again; cached ones are skipped.
      else s.ensureRows(next, stop);
    });
    initial.ensureRows(next, stop);
  });
}
