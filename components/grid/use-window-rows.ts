'use client';

import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { RowView } from '@/lib/engine';
import { useTrainsetApi } from '@/components/store/store-provider';

/** Runs of consecutive positions, as [start, end) ranges (the active row may sit far from the rest). */
function runs(indexes: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const i of indexes) {
    const last = out[out.length - 1];
    if (last && last[1] === i) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return out;
}

export interface WindowRows {
  /** Aligned with the positions asked for; undefined while a row is being fetched. */
  rows: (RowView | undefined)[];
  byIndex: ReadonlyMap<number, RowView>;
}

/**
 * The rows at the view positions the virtualiser renders, fetching those the store has not
 * cached. Keyed on `rowsVersion`: a row object changes only when its data does.
 *
 * After every edit the store empties its row cache and refetches; showing placeholders for those
 * few milliseconds would make every visible row blink. Until the fresh row arrives, a position
 * keeps the row it showed last (its id is unchanged unless rows were deleted, and the view keeps
 * its order after an edit). `reset` (the loaded dataset) drops those leftovers.
 */
export function useWindowRows(indexes: readonly number[], rowsVersion: number, reset: unknown): WindowRows {
  const api = useTrainsetApi();
  const key = indexes.join(',');

  // The rows last shown, the fallback while a position's fresh row is fetched. Read during render
  // and written after it (a ref, not state: keeping them in state, computed again during render,
  // made React render the whole grid twice on every scroll step).
  const shown = useRef<{ reset: unknown; rows: ReadonlyMap<number, RowView> }>({ reset, rows: new Map() });
  /* eslint-disable react-hooks/refs -- the last rows shown are a cache of what was on screen, not input that must trigger renders */
  const result = useMemo(() => {
    const previous = shown.current.reset === reset ? shown.current.rows : new Map<number, RowView>();
    const { rowAt } = api.getState();
    const rows = indexes.map((i) => rowAt(i) ?? previous.get(i));
    const byIndex = new Map<number, RowView>();
    rows.forEach((r, k) => r && byIndex.set(indexes[k]!, r));
    return { rows, byIndex };
    // `key` stands for `indexes` (a new array every render); `rowsVersion` marks cache changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, key, rowsVersion, reset]);
  /* eslint-enable react-hooks/refs */

  useLayoutEffect(() => {
    shown.current = { reset, rows: result.byIndex };
  }, [result, reset]);

  useEffect(() => {
    const { ensureRows } = api.getState();
    for (const [start, end] of runs(key === '' ? [] : key.split(',').map(Number))) ensureRows(start, end);
  }, [api, key, rowsVersion]);

  return result;
}
