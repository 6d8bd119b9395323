import type { Distribution, EditOp, LabelRef } from '@/lib/engine';

/** What the Labels dialog lists: the tree (first level → second level) or one level's values (0 = first label column). */
export type LabelLayout = 'tree' | number;

/** One line of the list: a label value, with its parent when it sits in the tree under one. */
export interface LabelItem {
  /** Unique within a layout: level, parent and value. */
  key: string;
  /** The label column's position among the label columns (0 = the first). */
  level: number;
  value: string;
  parent?: string;
  count: number;
  /** Second level only: how many first-level values this value appears under. */
  parents?: number;
}

/** Rows drawn at most; more means the "label" column is probably text, and Find narrows it. */
export const MAX_ITEMS = 500;

const itemKey = (level: number, value: string, parent?: string): string => JSON.stringify([level, parent ?? null, value]);

/**
 * The list for a layout, most rows first, narrowed to values containing `find` (case-insensitive).
 * In the tree a parent is listed when it or one of its children matches; a child when it matches or
 * its parent does (so a search for a category shows its whole branch).
 */
export function labelItems(distribution: Distribution, layout: LabelLayout, find = ''): LabelItem[] {
  const needle = find.trim().toLowerCase();
  const hit = (v: string): boolean => needle === '' || v.toLowerCase().includes(needle);
  const parentsOf = parentCounts(distribution);
  if (layout !== 'tree' || !distribution.nested) {
    const level = layout === 'tree' ? 0 : layout;
    const values = distribution.counts[level]?.values ?? [];
    return byCount(values)
      .filter((v) => hit(v.value))
      .map((v) => ({ key: itemKey(level, v.value), level, value: v.value, count: v.count, ...(level === 1 ? { parents: parentsOf.get(v.value) ?? 0 } : {}) }));
  }
  const out: LabelItem[] = [];
  for (const p of byCount(distribution.nested.map((n) => ({ ...n, value: n.parent })))) {
    const parentHit = hit(p.parent);
    const children = byCount(p.children).filter((c) => parentHit || hit(c.value));
    if (!parentHit && children.length === 0) continue;
    out.push({ key: itemKey(0, p.parent), level: 0, value: p.parent, count: p.count });
    for (const c of children) {
      out.push({ key: itemKey(1, c.value, p.parent), level: 1, value: c.value, parent: p.parent, count: c.count, parents: parentsOf.get(c.value) ?? 0 });
    }
  }
  return out;
}

/** Most rows first; ties keep the engine's order. */
function byCount<T extends { count: number }>(values: readonly T[]): T[] {
  return values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v.count - a.v.count || a.i - b.i)
    .map(({ v }) => v);
}

function parentCounts(distribution: Distribution): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of distribution.nested ?? []) for (const c of n.children) out.set(c.value, (out.get(c.value) ?? 0) + 1);
  return out;
}

/** What can be done with a selection, and why not when it cannot. */
export interface SelectionActions {
  rename: boolean;
  merge: boolean;
  move: boolean;
  /** Set when the selection mixes levels (nothing can be done with it). */
  problem: string | null;
  /** The most common selected value: the default name for a merge. */
  mostRows: string | null;
}

export function selectionActions(selected: readonly LabelItem[], levels: number): SelectionActions {
  const none = { rename: false, merge: false, move: false, mostRows: null };
  if (selected.length === 0) return { ...none, problem: null };
  const level = selected[0]!.level;
  if (selected.some((s) => s.level !== level)) return { ...none, problem: 'Select labels of one level: categories or sub-categories, not both.' };
  const mostRows = byCount(selected)[0]!.value;
  return { rename: selected.length === 1, merge: selected.length >= 2, move: level === 1 && levels >= 2, problem: null, mostRows };
}

const refOf = (item: LabelItem): LabelRef => (item.parent === undefined ? { value: item.value } : { value: item.value, parent: item.parent });

/**
 * The edit renaming (one item) or merging (several) the selection into `to`. `cols` are the label
 * columns' indexes, top level first; a second-level item listed under a parent changes only there.
 */
export function relabelOp(selected: readonly LabelItem[], to: string, cols: readonly number[]): EditOp {
  const level = selected[0]!.level;
  const op: EditOp = { kind: 'relabel', col: cols[level]!, refs: selected.map(refOf), to };
  return level === 1 && selected.some((s) => s.parent !== undefined) ? { ...op, parentCol: cols[0]! } : op;
}

/** The edit moving the selected second-level items (from their listed parent, or every parent) under `to`. */
export function moveOp(selected: readonly LabelItem[], to: string, cols: readonly number[]): EditOp {
  return { kind: 'move', parentCol: cols[0]!, childCol: cols[1]!, refs: selected.map(refOf), to };
}

/** A name typed for a label: trimmed (stray spaces are the commonest label slip), or why it cannot be used. */
export function checkLabelName(text: string): { ok: true; name: string } | { ok: false; error: string } {
  const name = text.trim();
  if (name === '') return { ok: false, error: 'Type the new name: a label cannot be empty.' };
  return { ok: true, name };
}

/** Rows a change would touch: the selected items' counts (an item's count is its rows). */
export function rowsConcerned(selected: readonly LabelItem[]): number {
  return selected.reduce((sum, s) => sum + s.count, 0);
}

/** Spaces at either end, repeated, or not plain: the slips that make two labels look the same. */
const HIDDEN_SPACE = /^\s|\s$|\s{2}|[^\S ]/;

/**
 * A label for a sentence or an accessible name: "(empty)" for no text, in quotes when spaces would
 * otherwise hide what it is ("“Billing ”" beside "Billing"), as it is otherwise.
 */
export function labelName(value: string): string {
  if (value === '') return '(empty)';
  return HIDDEN_SPACE.test(value) ? `“${value}”` : value;
}
