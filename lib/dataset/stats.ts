import { compareForDisplay } from './collation';
import type { Dataset } from './dataset';

export interface ValueCount {
  value: string;
  count: number;
}

export interface NestedCount {
  parent: string;
  count: number;
  children: ValueCount[];
}

/** Most frequent first; equal counts in display order, so a chart's bars do not jump between runs. */
const byCountThenValue = (a: { count: number; key: string }, b: { count: number; key: string }): number => b.count - a.count || compareForDisplay(a.key, b.key);

function sortedCounts(counts: Map<string, number>): ValueCount[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort(byCountThenValue)
    .map(({ key, count }) => ({ value: key, count }));
}

/** Rows per value of `col` among `ids` (default: live rows), sorted by count desc then value. */
export function valueCounts(ds: Dataset, col: number, ids?: Int32Array): ValueCount[] {
  const column = ds.column(col);
  const rows = ids ?? ds.liveIdsShared();
  const counts = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const v = column[rows[i]!]!;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return sortedCounts(counts);
}

/** Rows per child value within each parent value (live rows), both levels sorted by count desc then value. */
export function nestedCounts(ds: Dataset, parentCol: number, childCol: number): NestedCount[] {
  const parents = ds.column(parentCol);
  const children = ds.column(childCol);
  const groups = new Map<string, { count: number; children: Map<string, number> }>();
  const rows = ds.liveIdsShared();
  for (let i = 0; i < rows.length; i++) {
    const id = rows[i]!;
    const p = parents[id]!;
    let g = groups.get(p);
    if (g === undefined) groups.set(p, (g = { count: 0, children: new Map() }));
    g.count++;
    const c = children[id]!;
    g.children.set(c, (g.children.get(c) ?? 0) + 1);
  }
  return [...groups]
    .map(([key, g]) => ({ key, count: g.count, children: g.children }))
    .sort(byCountThenValue)
    .map(({ key, count, children: c }) => ({ parent: key, count, children: sortedCounts(c) }));
}
