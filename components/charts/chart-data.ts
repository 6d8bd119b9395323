import type { ClassSplit, Distribution } from '@/lib/engine';

/** One bar of a count chart: a label value and how many rows have it. */
export interface CountRow {
  value: string;
  count: number;
  /** Share of all rows in the chart, 0..1. */
  share: number;
}

/** One bar of the split chart: a class and its rows in each file. */
export interface SplitRow extends ClassSplit {
  /** The text drawn at the end of the stacked bar. */
  text: string;
  /** Share of this class's rows that go to validation, 0..1. */
  validationShare: number;
}

/** Bars shown before "+ K more": enough for typical data, few enough to read at a glance. */
export const TOP_N = 12;
/** Height of one bar's row in the charts, in px; the overlay buttons use the same grid. */
export const ROW_HEIGHT = 26;
/** Vertical margins inside the SVG, in px. */
export const CHART_MARGIN = { top: 4, bottom: 4 } as const;
/** When every bar is shown, the chart scrolls past this many rows. */
export const SCROLL_ROWS = 14;

/**
 * Counts as chart rows, most frequent first. Ties keep the order they came in (the engine's),
 * so bars do not swap places between renders when two counts are equal.
 */
export function countRows(values: readonly { value: string; count: number }[]): CountRow[] {
  const total = values.reduce((sum, v) => sum + v.count, 0);
  return values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v.count - a.v.count || a.i - b.i)
    .map(({ v }) => ({ value: v.value, count: v.count, share: total > 0 ? v.count / total : 0 }));
}

/** The bars to draw: the first `limit` unless expanded, and how many are left out. */
export function visibleRows<T>(rows: readonly T[], limit: number, expanded: boolean): { shown: T[]; hidden: number } {
  if (expanded || rows.length <= limit) return { shown: [...rows], hidden: 0 };
  return { shown: rows.slice(0, limit), hidden: rows.length - limit };
}

/** Height of a chart showing every bar: a half row peeks out at the bottom, so it reads as scrollable. */
export function scrollBoxHeight(): number {
  return chartHeight(SCROLL_ROWS) + ROW_HEIGHT / 2;
}

/** The SVG height for `n` bars: one fixed row each, so the overlay buttons line up with the bars. */
export function chartHeight(n: number): number {
  return Math.max(1, n) * ROW_HEIGHT + CHART_MARGIN.top + CHART_MARGIN.bottom;
}

/** "22%", "<1%" for a small non-zero share, "0%" for none. */
export function formatShare(share: number): string {
  if (share <= 0) return '0%';
  if (share < 0.005) return '<1%';
  return `${Math.round(share * 100)}%`;
}

/**
 * Approximate width in px of a label at the charts' 12px sans-serif, erring wide (DejaVu Sans is
 * among the widest system fonts). Labels are measured without the DOM so this stays testable.
 */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    if (/[A-Z0-9]/.test(ch)) w += /[MW]/.test(ch) ? 10.5 : 8.2;
    else if (/[mw]/.test(ch)) w += 10.5;
    else if (/[ijlItf.,:;'!|() ]/.test(ch)) w += 4;
    else if (ch.charCodeAt(0) < 0x80) w += 7;
    else w += (ch.codePointAt(0) ?? 0) > 0xffff ? 13 : 8.5;
  }
  return Math.ceil(w);
}

/** Padding left of a bar's label, in px. */
export const LABEL_PAD = 4;

/** Width of the label axis: the longest label plus padding, within [56, 170] px. */
export function labelAxisWidth(labels: readonly string[]): number {
  const longest = labels.reduce((m, l) => Math.max(m, textWidth(l)), 0);
  return Math.min(170, Math.max(56, longest + 2 * LABEL_PAD + 6));
}

/**
 * A label shortened to fit `maxWidth` px, with the ellipsis in the middle: labels often share a
 * prefix and differ at the end ("…_NAME_03"), so both ends are kept. The full text is in the
 * bar's accessible name, its tooltip and the table.
 */
export function fitLabel(label: string, maxWidth: number): string {
  if (textWidth(label) <= maxWidth) return label;
  const chars = Array.from(label);
  let head = 0;
  let tail = 0;
  // Grow the two ends alternately (two characters of head for one of tail) while they fit.
  for (let turn = 0; head + tail < chars.length; turn++) {
    const nextHead = turn % 3 !== 2 ? head + 1 : head;
    const nextTail = turn % 3 === 2 ? tail + 1 : tail;
    const candidate = `${chars.slice(0, nextHead).join('')}…${chars.slice(chars.length - nextTail).join('')}`;
    if (textWidth(candidate) > maxWidth) break;
    head = nextHead;
    tail = nextTail;
  }
  return `${chars.slice(0, Math.max(1, head)).join('')}…${tail > 0 ? chars.slice(chars.length - tail).join('') : ''}`;
}

/** The space to keep right of the bars for the count text (~7px a character). */
export function valueLabelWidth(texts: readonly string[]): number {
  const longest = texts.reduce((m, t) => Math.max(m, t.length), 0);
  return longest * 7 + 12;
}

/** The sub-category counts within one first-level value, as chart rows (empty if none). */
export function childRows(nested: Distribution['nested'], parent: string | null): CountRow[] {
  const entry = nested?.find((n) => n.parent === parent);
  return entry ? countRows(entry.children) : [];
}

/**
 * Which first-level value the sub-category chart shows: the user's choice if it still exists,
 * else the value the grid is filtered to, else the most frequent one.
 */
export function chosenParent(nested: Distribution['nested'], chosen: string | null, filtered: string | null): string | null {
  if (!nested || nested.length === 0) return null;
  const has = (v: string | null): v is string => v !== null && nested.some((n) => n.parent === v);
  if (has(chosen)) return chosen;
  if (has(filtered)) return filtered;
  return [...nested].sort((a, b) => b.count - a.count)[0]!.parent;
}

/** Split classes as chart rows, largest first, each with its "train / validation" text. */
export function splitRows(classes: readonly ClassSplit[]): SplitRow[] {
  return classes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.total - a.c.total || a.i - b.i)
    .map(({ c }) => ({
      ...c,
      text: `${c.train} / ${c.validation}`,
      validationShare: c.total > 0 ? c.validation / c.total : 0,
    }));
}

/** The single value a label column is filtered to, or null when it is unfiltered or filtered to several. */
export function singleFilter(filters: Readonly<Record<number, string[]>>, col: number): string | null {
  const values = filters[col];
  return values && values.length === 1 ? values[0]! : null;
}

/** How a label value is shown: an empty cell gets a visible stand-in. */
export function displayValue(value: string): string {
  return value === '' ? '(empty)' : value;
}
