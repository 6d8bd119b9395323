'use client';

import { useEffect, useState } from 'react';
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
  /** The rows present, for the table's data. */
  data: RowView[];
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

  // The rows last shown, kept in state with what they were computed from, and computed again during
  // render when any of that changes (`key` stands for `indexes`, a new array every render;
  // `rowsVersion` marks cache changes).
  const compute = (previous: ReadonlyMap<number, RowView>): WindowRows => {
    const { rowAt } = api.getState();
    const rows = indexes.map((i) => rowAt(i) ?? previous.get(i));
    const byIndex = new Map<number, RowView>();
    rows.forEach((r, k) => r && byIndex.set(indexes[k]!, r));
    return { rows, byIndex, data: [...byIndex.values()] };
  };
  const [shown, setShown] = useState(() => ({ api, key, rowsVersion, reset, result: compute(new Map()) }));
  let result = shown.result;
  if (shown.api !== api || shown.key !== key || shown.rowsVersion !== rowsVersion || shown.reset !== reset) {
    result = compute(shown.reset === reset ? shown.result.byIndex : new Map());
    setShown({ api, key, rowsVersion, reset, result });
  }

  useEffect(() => {
    const { ensureRows } = api.getState();
    for (const [start, end] of runs(key === '' ? [] : key.split(',').map(Number))) ensureRows(start, end);
  }, [api, key, rowsVersion]);

  return result;
}
