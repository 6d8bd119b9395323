/**
 * Scaled virtual scrolling, as pure functions (no DOM), so the mapping can be tested.
 *
 * Browsers cap an element's layout size: Chromium at 33,554,430 px, Firefox and Safari lower. A
 * million 44 px rows need 44 million px, so a spacer that tall is cut short and the last rows can
 * never be scrolled to. Past `MAX_SCROLL_HEIGHT` the grid's spacer stays that tall instead, and
 * scroll positions are mapped between the element's scrollTop ("physical") and the offset in the
 * rows' own layout ("virtual") so that both ends meet exactly:
 *
 *   virtual = physical × (virtualContent − viewport) / (physicalContent − viewport)
 *
 * except in the first and last `END_ZONE` px of the scroll range, where the two move one for one
 * (and the middle's ratio is that much steeper). There the rows sit exactly where they would
 * unscaled, so the rows rendered around the view, whose distances are not compressed, always fit
 * inside the spacer: scaled all the way, the rows below the view near the end would land past the
 * spacer's end, stretch the scroll range and be missing when a small scroll brings them in.
 *
 * Below the cap nothing is scaled: the two are the same number.
 */

/** Tallest spacer the grid lays out (well under every browser's limit). */
export const MAX_SCROLL_HEIGHT = 8_000_000;

/**
 * Scroll range at each end moving one for one: more than the rows rendered beyond the view
 * reach (the grid's overscan, 10 rows of 44 px), plus the row a scroll event moves them by
 * before they are laid out again.
 */
export const END_ZONE = 1024;

export interface ScrollLayout {
  /** Height the rows need: count × row height. */
  rowsHeight: number;
  /** Content above the rows inside the scroll element (the sticky header row). */
  header: number;
  /** The scroll element's client height. */
  viewport: number;
}

export interface ScrollScale {
  /** True when the rows are taller than the cap and positions are mapped. */
  scaled: boolean;
  /** Height of the rows' spacer element: the rows' height, or the cap. */
  spacer: number;
  /** The scroll element's content height: header + spacer. */
  physicalHeight: number;
  /** Largest scrollTop of the element. */
  physicalMax: number;
  /** Largest offset in the rows' own layout (header + rows − viewport). */
  virtualMax: number;
  /** Physical px at each end of the range that move one for one (0 unless scaled). */
  zone: number;
  /** Virtual px per physical px between the end zones: 1 unless scaled. */
  ratio: number;
}

export function scrollScale({ rowsHeight, header, viewport }: ScrollLayout, max: number = MAX_SCROLL_HEIGHT, endZone: number = END_ZONE): ScrollScale {
  const scaled = rowsHeight > max;
  const spacer = scaled ? max : Math.max(0, rowsHeight);
  const physicalHeight = header + spacer;
  const physicalMax = Math.max(0, physicalHeight - viewport);
  const virtualMax = Math.max(0, header + rowsHeight - viewport);
  const zone = scaled ? Math.min(endZone, physicalMax / 4) : 0;
  const ratio = scaled && physicalMax > 2 * zone ? (virtualMax - 2 * zone) / (physicalMax - 2 * zone) : 1;
  return { scaled, spacer, physicalHeight, physicalMax, virtualMax, zone, ratio };
}

/**
 * The virtual offset shown at a scrollTop: whole pixels (rows then sit on whole pixels), the ends
 * exact. Past the end (content can overflow the spacer: an open editor on the last row) it goes
 * on one for one, as in the end zone, so whatever overflows can be scrolled to.
 */
export function toVirtual(s: ScrollScale, physical: number): number {
  if (!s.scaled) return physical;
  if (physical <= s.zone) return Math.max(0, physical);
  if (physical >= s.physicalMax - s.zone) return s.virtualMax - (s.physicalMax - physical);
  return Math.min(s.virtualMax - s.zone, Math.round(s.zone + (physical - s.zone) * s.ratio));
}

/** The scrollTop that shows a virtual offset: the inverse of `toVirtual`. */
export function toPhysical(s: ScrollScale, virtual: number): number {
  if (!s.scaled) return virtual;
  if (virtual <= s.zone) return Math.max(0, virtual);
  if (virtual >= s.virtualMax - s.zone) return s.physicalMax - (s.virtualMax - virtual);
  return s.zone + (virtual - s.zone) / s.ratio;
}

export interface RowGeometry {
  rowHeight: number;
  /** Height of the sticky header: rows behind it are not in view. */
  header: number;
  viewport: number;
  virtualMax: number;
}

/**
 * The virtual offset after bringing row `index` into view from `offset`, the way TanStack
 * Virtual's `scrollToIndex(index, { align: 'auto' })` does with `scrollMargin` and
 * `scrollPaddingStart` both the header height: a row below the view ends at the bottom edge, a row
 * above it (or under the sticky header) starts just below the header, a row in view stays put.
 */
export function offsetToShowRow(offset: number, index: number, g: RowGeometry): number {
  const start = g.header + index * g.rowHeight;
  const end = start + g.rowHeight;
  let target: number;
  if (end >= offset + g.viewport) target = end - g.viewport;
  else if (start <= offset + g.header) target = start - g.header;
  else return offset;
  return Math.max(0, Math.min(g.virtualMax, target));
}

/** A wheel event's delta in pixels (Firefox reports lines; "page" mode is rare). */
export function wheelPixels(delta: number, deltaMode: number, page: number, line = 20): number {
  if (deltaMode === 1) return delta * line;
  if (deltaMode === 2) return delta * page;
  return delta;
}

/**
 * Rows are laid out at `virtual start − base` and the whole block is then shifted by
 * `base − (virtual − physical)` (a CSS variable, updated on every scroll event without
 * re-rendering). `base` is that difference rounded to a coarse step, so the rows' own positions,
 * and so the memoised rows, change only now and then while scrolling, and every number stays small.
 */
export const REBASE_STEP = 2048;

export function rebase(shift: number, step: number = REBASE_STEP): number {
  return Math.round(shift / step) * step;
}

export interface ScrollPosition {
  physical: number;
  virtual: number;
  viewport: number;
  /** The scroll element's content height (physical). */
  physicalHeight: number;
}

/**
 * Where to lay out a rendered row, as a virtual start: a row laid out at `s` sits at
 * `s − virtual + physical` in the scroll element's content.
 *
 * A row in or near the view goes where it belongs (the end zones leave room for it inside the
 * content). A row far from it (the active row, always rendered to hold the grid's tab stop) goes
 * just outside the view instead, below it if that fits inside the content, else above it (above
 * the content's top is out of the scroll range altogether): it is never seen there, and never
 * makes the content taller than the spacer, which would stretch the scroll range.
 */
export function layoutStart(start: number, rowHeight: number, p: ScrollPosition, near: number): number {
  const shift = p.virtual - p.physical;
  const fits = (at: number) => at + rowHeight <= p.physicalHeight + 0.5;
  if (start >= p.virtual - near && start <= p.virtual + p.viewport + near && fits(start - shift)) return start;
  const below = p.physical + p.viewport + near;
  const above = p.physical - near - rowHeight;
  return (start > p.virtual && fits(below) ? below : above) + shift;
}
