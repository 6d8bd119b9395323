'use client';

import { elementScroll, observeElementOffset, observeElementRect, type VirtualizerOptions } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { MAX_SCROLL_HEIGHT, layoutStart, offsetToShowRow, rebase, scrollScale, toPhysical, toVirtual, wheelPixels, type ScrollScale } from './scroll-scale';

type Options = VirtualizerOptions<HTMLDivElement, Element>;

/** Whether a wheel over `target` scrolls something inside the grid first (an editor, a list). */
function scrollsInside(target: EventTarget | null, grid: Element, dy: number): boolean {
  for (let n = target instanceof Element ? target : null; n && n !== grid; n = n.parentElement) {
    if (n.scrollHeight <= n.clientHeight) continue;
    const { overflowY } = getComputedStyle(n);
    if (overflowY !== 'auto' && overflowY !== 'scroll') continue;
    if (dy < 0 ? n.scrollTop > 0 : n.scrollTop + n.clientHeight < n.scrollHeight - 1) return true;
  }
  return false;
}

/**
 * The grid's scroll position when the rows are too tall for a browser to lay out (see
 * `scroll-scale.ts`). It sits between the scroll element and TanStack Virtual: the virtualiser
 * works in the rows' own ("virtual") offsets throughout, through the `observeElementOffset`,
 * `scrollToFn` and `observeElementRect` options given here. Below the cap it passes scrollTop
 * through unchanged, and the grid scrolls exactly as it did before.
 *
 * When scaled:
 * - Scrolling the element (scrollbar, keys, touch) reports `toVirtual(scrollTop)`.
 * - Scrolling to a virtual offset writes `toPhysical(offset)` and remembers the pair, so the
 *   virtualiser sees exactly the offset it asked for (a scrollTop is whole pixels; one of them is
 *   about 5 virtual px at a million rows).
 * - The wheel is taken over: a notch moves the rows by its own delta (100 px or so), as below the
 *   cap, instead of the scaled ~550 px the browser's own scrolling would give.
 * - TanStack Virtual's `scrollToIndex` must not be used: it clamps to the element's (physical)
 *   scroll range. `scrollToIndex` here does the same job in virtual offsets.
 */
export class ScaledScroller {
  /** The element's scrollTop and the virtual offset it shows, as last read or written. */
  physical = 0;
  virtual = 0;
  scale: ScrollScale;
  private el: HTMLDivElement | null = null;
  private body: HTMLElement | null = null;
  private push: ((virtual: number) => void) | null = null;
  private rowsHeight = 0;
  private viewport = 0;
  /** Our last write: while scrollTop reads back this value, it stands for exactly this offset. */
  private anchor: { physical: number; virtual: number } | null = null;
  /** The base the rendered rows were laid out with (see `rebase`), and `virtual − physical` then. */
  private renderedBase = 0;
  private renderedShift = 0;
  private shifted = false;
  /** Wheel deltas below a pixel, carried to the next event. */
  private wheelRest = 0;

  constructor(
    private readonly rowHeight: number,
    private readonly header: number,
    /** How far from the view a rendered row is laid out where it belongs (see `layoutStart`). */
    private readonly near: number,
  ) {
    this.scale = scrollScale({ rowsHeight: 0, header, viewport: 0 });
  }

  // --- TanStack Virtual options -----------------------------------------------------------------

  readonly observeElementRect: Options['observeElementRect'] = (instance, cb) => {
    this.el = instance.scrollElement;
    return observeElementRect(instance, (rect) => {
      this.resize(this.rowsHeight, rect.height);
      cb(rect);
    });
  };

  readonly observeElementOffset: Options['observeElementOffset'] = (instance, cb) => {
    this.el = instance.scrollElement;
    this.push = (virtual) => cb(virtual, false);
    const stop = observeElementOffset(instance, (physical, isScrolling) => {
      cb(this.read(physical), isScrolling);
      this.applyShift();
    });
    return () => {
      stop?.();
      this.push = null;
    };
  };

  readonly scrollToFn: Options['scrollToFn'] = (offset, options, instance) => {
    if (!this.scale.scaled) elementScroll(offset, options, instance);
    else this.scrollTo(offset + (options.adjustments ?? 0));
  };

  // --- the grid's side ------------------------------------------------------------------------------

  /** The rows' height changed (rows loaded, filtered, added, deleted). */
  setRowsHeight(rowsHeight: number): void {
    this.resize(rowsHeight, this.viewport);
  }

  /** The virtual offset after bringing row `index` into view (the current one if it is in view). */
  offsetToShow(index: number): number {
    return offsetToShowRow(this.virtual, index, { rowHeight: this.rowHeight, header: this.header, viewport: this.viewport, virtualMax: this.scale.virtualMax });
  }

  /** Scroll row `index` into view: what `virtualizer.scrollToIndex(index, { align: 'auto' })` does. */
  scrollToIndex(index: number): void {
    const to = this.offsetToShow(index);
    if (to !== this.virtual) this.scrollTo(to);
  }

  /**
   * Scroll to a virtual offset (clamped to the range). The virtualiser hears of it from the scroll
   * event, as of any scroll: it then renders the new rows at once, before the frame is painted.
   * Only when scrollTop does not change (a move of less than a physical pixel) is it told here.
   */
  scrollTo(virtual: number): void {
    const el = this.el;
    if (!el) return;
    const s = this.scale;
    const target = Math.max(0, Math.min(s.virtualMax, virtual));
    const want = toPhysical(s, target);
    const from = el.scrollTop;
    el.scrollTop = want;
    const got = el.scrollTop;
    const shown = Math.abs(got - want) < 1 ? target : toVirtual(s, got);
    this.anchor = s.scaled ? { physical: got, virtual: shown } : null;
    this.physical = got;
    this.virtual = shown;
    if (Math.abs(got - from) < 0.5) this.push?.(shown);
    this.applyShift();
  }

  /**
   * Row positions for this render: `top(start)` is a row's offset in the rows' block, before the
   * block's shift. Unscaled, that is the plain `start − header`.
   */
  layout(scaled: boolean): { base: number; shift: number; top(start: number): number } {
    if (!scaled) return { base: 0, shift: 0, top: (start) => start - this.header };
    const at = { physical: this.physical, virtual: this.virtual, viewport: this.viewport, physicalHeight: this.header + MAX_SCROLL_HEIGHT };
    const base = rebase(this.virtual - this.physical);
    return { base, shift: this.virtual - this.physical, top: (start) => layoutStart(start, this.rowHeight, at, this.near) - this.header - base };
  }

  /** After every commit: the rows now on the page were laid out with `base`, at `shift`. */
  committed(base: number, shift: number): void {
    this.renderedBase = base;
    this.renderedShift = shift;
    this.applyShift();
  }

  readonly attachBody = (el: HTMLElement | null): void => {
    this.body = el;
    this.shifted = false;
  };

  /** Wheel and focus handling, while scaled. */
  listen(el: HTMLElement): () => void {
    el.addEventListener('wheel', this.onWheel, { passive: false });
    el.addEventListener('focusin', this.onFocusIn);
    return () => {
      el.removeEventListener('wheel', this.onWheel);
      el.removeEventListener('focusin', this.onFocusIn);
    };
  }

  // --- internals ------------------------------------------------------------------------------------

  /** The virtual offset a scroll event's scrollTop stands for. */
  private read(physical: number): number {
    const s = this.scale;
    let virtual: number;
    if (!s.scaled) virtual = physical;
    else if (this.anchor && Math.abs(physical - this.anchor.physical) < 0.5) virtual = this.anchor.virtual;
    else virtual = toVirtual(s, physical);
    if (this.anchor && virtual !== this.anchor.virtual) {
      this.anchor = null;
      this.wheelRest = 0;
    }
    this.physical = physical;
    this.virtual = virtual;
    return virtual;
  }

  private resize(rowsHeight: number, viewport: number): void {
    if (rowsHeight === this.rowsHeight && viewport === this.viewport) return;
    const before = this.scale;
    this.rowsHeight = rowsHeight;
    this.viewport = viewport;
    this.scale = scrollScale({ rowsHeight, header: this.header, viewport });
    if (!before.scaled && !this.scale.scaled) return;
    // The mapping changed: keep the virtual offset, as an unscaled scroller keeps its scrollTop.
    if (this.push) this.scrollTo(this.virtual);
  }

  /**
   * Shift the rendered rows by how far the scroll position moved them since they were laid out.
   * After a jump further than the rendered rows reach (a scroll to a row far away, whose render is
   * still to come) they are left where they were: shifted, they would only land far outside the
   * content and stretch the scroll range for a frame.
   */
  private applyShift(): void {
    const body = this.body;
    if (!body) return;
    if (!this.scale.scaled) {
      if (this.shifted) body.style.removeProperty('--grid-shift');
      this.shifted = false;
      return;
    }
    const shift = this.virtual - this.physical;
    if (this.shifted && Math.abs(shift - this.renderedShift) > this.viewport + this.near) return;
    body.style.setProperty('--grid-shift', `${this.renderedBase - shift}px`);
    this.shifted = true;
  }

  private readonly onWheel = (e: WheelEvent): void => {
    const el = this.el;
    // Ctrl+wheel zooms; Shift+wheel scrolls sideways: both stay the browser's.
    if (!el || !this.scale.scaled || e.defaultPrevented || e.ctrlKey || e.shiftKey) return;
    const dy = wheelPixels(e.deltaY, e.deltaMode, Math.max(this.rowHeight, this.viewport - this.header));
    if (dy === 0 || scrollsInside(e.target, el, dy)) return;
    // At an end, the browser's own scrolling (into an open editor overflowing the last row, say).
    if (dy > 0 ? this.virtual >= this.scale.virtualMax : this.virtual <= 0) return;
    e.preventDefault();
    const want = this.virtual + this.wheelRest + dy;
    this.scrollTo(Math.round(want));
    this.wheelRest = Math.max(-1, Math.min(1, want - this.virtual));
    const dx = wheelPixels(e.deltaX, e.deltaMode, el.clientWidth);
    if (dx !== 0) el.scrollLeft += dx;
  };

  /**
   * Tabbing into the grid focuses the active cell and the browser scrolls it into view; when that
   * row is far away it is laid out just outside the view (see `layoutStart`), so bring it in.
   */
  private readonly onFocusIn = (e: FocusEvent): void => {
    const cell = e.target instanceof Element ? e.target.closest('[data-row]') : null;
    if (!cell) return;
    const row = Number(cell.getAttribute('data-row'));
    requestAnimationFrame(() => {
      if (!this.scale.scaled || !cell.isConnected || !cell.contains(document.activeElement)) return;
      this.scrollToIndex(row);
    });
  };
}

export interface ScaledScroll {
  scroller: ScaledScroller;
  /** True when the rows are taller than the cap. */
  scaled: boolean;
  /** The spacer's height when scaled (else use the virtualiser's total size). */
  spacer: number;
  /** A row's offset in the rows' block (GridRow's `top`). */
  top(start: number): number;
}

/** The grid's scaled scrolling (see `ScaledScroller`); spread `scroller`'s options into the virtualiser. */
export function useScaledScroll(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, header: number, near: number): ScaledScroll {
  const [scroller] = useState(() => new ScaledScroller(rowHeight, header, near));
  const rowsHeight = count * rowHeight;
  const scaled = rowsHeight > MAX_SCROLL_HEIGHT;
  // Before the virtualiser's own layout effect (this hook is called first): it reads the scale.
  useLayoutEffect(() => scroller.setRowsHeight(rowsHeight), [scroller, rowsHeight]);
  const layout = scroller.layout(scaled);
  useLayoutEffect(() => scroller.committed(layout.base, layout.shift));
  useEffect(() => {
    const el = scrollRef.current;
    return scaled && el ? scroller.listen(el) : undefined;
  }, [scroller, scaled, scrollRef]);
  return { scroller, scaled, spacer: MAX_SCROLL_HEIGHT, top: layout.top };
}
