import { describe, expect, it } from 'vitest';
import type { RowView } from '@/lib/engine';
import { collectViewIds, type RowSource } from './view-ids';

/** A store with `length` rows (id = position × 10) that caches pages of 4 asynchronously. */
function fakeSource(length: number, cached: number[] = []) {
  const cache = new Map<number, RowView>();
  const row = (i: number): RowView => ({ id: i * 10, number: i + 1, cells: [], edited: 0, added: false, review: 'unreviewed' });
  for (const i of cached) cache.set(i, row(i));
  const listeners = new Set<(s: State, p: State) => void>();
  let requests = 0;
  type State = ReturnType<RowSource['getState']>;
  let state: State;
  const make = (rowsVersion: number): State => ({
    length,
    rowsVersion,
    rowAt: (i) => cache.get(i),
    ensureRows(start, end) {
      for (let p = Math.floor(start / 4) * 4; p < Math.min(end, length); p += 4) {
        if (cache.has(p)) continue;
        requests++;
        void Promise.resolve().then(() => {
          for (let i = p; i < Math.min(p + 4, length); i++) cache.set(i, row(i));
          const previous = state;
          state = make(previous.rowsVersion + 1);
          listeners.forEach((l) => l(state, previous));
        });
      }
    },
  });
  state = make(0);
  const source: RowSource = {
    getState: () => state,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { source, requests: () => requests, listeners };
}

describe('collectViewIds', () => {
  it('returns cached ids at once, in view order', async () => {
    const { source, requests } = fakeSource(10, [2, 3, 4]);
    await expect(collectViewIds(source, 2, 5)).resolves.toEqual([20, 30, 40]);
    expect(requests()).toBe(0);
  });

  it('fetches the missing pages and waits for them', async () => {
    const { source, listeners } = fakeSource(10);
    await expect(collectViewIds(source, 0, 100)).resolves.toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(listeners.size).toBe(0);
  });

  it('returns nothing for an empty range', async () => {
    const { source } = fakeSource(0);
    await expect(collectViewIds(source, 0, 0)).resolves.toEqual([]);
  });
});
