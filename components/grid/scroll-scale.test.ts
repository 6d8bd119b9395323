import { describe, expect, it } from 'vitest';
import {
  END_ZONE,
  MAX_SCROLL_HEIGHT,
  REBASE_STEP,
  layoutStart,
  offsetToShowRow,
  rebase,
  scrollScale,
  toPhysical,
  toVirtual,
  wheelPixels,
} from './scroll-scale';

const ROW = 44;
const HEADER = 40;
const VIEWPORT = 600;
const scaleFor = (rows: number, viewport = VIEWPORT) => scrollScale({ rowsHeight: rows * ROW, header: HEADER, viewport });

describe('scrollScale', () => {
  it('leaves 500 and 100,000 rows unscaled: spacer = rows, scrollTop = offset', () => {
    for (const rows of [0, 500, 100_000]) {
      const s = scaleFor(rows);
      expect(s.scaled).toBe(false);
      expect(s.ratio).toBe(1);
      expect(s.spacer).toBe(rows * ROW);
      expect(s.physicalMax).toBe(s.virtualMax);
      expect(toVirtual(s, 1234.5)).toBe(1234.5);
      expect(toPhysical(s, 1234.5)).toBe(1234.5);
    }
  });

  it('scales from just past the cap', () => {
    const atCap = scrollScale({ rowsHeight: MAX_SCROLL_HEIGHT, header: HEADER, viewport: VIEWPORT });
    expect(atCap.scaled).toBe(false);
    expect(atCap.spacer).toBe(MAX_SCROLL_HEIGHT);
    const past = scrollScale({ rowsHeight: MAX_SCROLL_HEIGHT + 1, header: HEADER, viewport: VIEWPORT });
    expect(past.scaled).toBe(true);
    expect(past.spacer).toBe(MAX_SCROLL_HEIGHT);
    expect(past.ratio).toBeGreaterThan(1);
    expect(past.ratio).toBeLessThan(1.000001);
    // The threshold in rows: 181,818 × 44 = 7,999,992 px fits, 181,819 rows do not.
    expect(scaleFor(181_818).scaled).toBe(false);
    expect(scaleFor(181_819).scaled).toBe(true);
  });

  it('caps a million rows at 8,000,000 px with a ratio of about 5.5', () => {
    const s = scaleFor(1_000_000);
    expect(s.scaled).toBe(true);
    expect(s.spacer).toBe(MAX_SCROLL_HEIGHT);
    expect(s.physicalHeight).toBe(HEADER + MAX_SCROLL_HEIGHT);
    expect(s.physicalMax).toBe(HEADER + MAX_SCROLL_HEIGHT - VIEWPORT);
    expect(s.virtualMax).toBe(HEADER + 44_000_000 - VIEWPORT);
    expect(s.zone).toBe(END_ZONE);
    expect(s.ratio).toBeCloseTo((44_000_040 - 600 - 2 * END_ZONE) / (8_000_040 - 600 - 2 * END_ZONE), 12);
    expect(s.ratio).toBeGreaterThan(5.49);
    expect(s.ratio).toBeLessThan(5.51);
  });
});

describe('toVirtual / toPhysical (scaled)', () => {
  const s = scaleFor(1_000_000);

  it('maps the ends exactly onto each other', () => {
    expect(toVirtual(s, 0)).toBe(0);
    expect(toPhysical(s, 0)).toBe(0);
    expect(toVirtual(s, s.physicalMax)).toBe(s.virtualMax);
    expect(toPhysical(s, s.virtualMax)).toBe(s.physicalMax);
  });

  it('moves one for one in the first and last END_ZONE px, and is continuous at their edges', () => {
    for (const p of [1, 500, END_ZONE]) expect(toVirtual(s, p)).toBe(p);
    for (const p of [1, 500, END_ZONE]) expect(toVirtual(s, s.physicalMax - p)).toBe(s.virtualMax - p);
    expect(toVirtual(s, END_ZONE + 1) - toVirtual(s, END_ZONE)).toBeCloseTo(s.ratio, 0);
    const edge = s.physicalMax - END_ZONE;
    expect(Math.abs(toVirtual(s, edge - 0.001) - toVirtual(s, edge))).toBeLessThanOrEqual(1);
    expect(toPhysical(s, 700)).toBe(700);
    expect(toPhysical(s, s.virtualMax - 700)).toBe(s.physicalMax - 700);
  });

  it('clamps before the start, and goes on one for one past the end (content overflowing the spacer)', () => {
    expect(toVirtual(s, -50)).toBe(0);
    expect(toPhysical(s, -50)).toBe(0);
    expect(toVirtual(s, s.physicalMax + 80)).toBe(s.virtualMax + 80);
    expect(toPhysical(s, s.virtualMax + 80)).toBe(s.physicalMax + 80);
  });

  it('maps the middle to the middle, in whole virtual pixels', () => {
    const mid = toVirtual(s, s.physicalMax / 2);
    expect(Math.abs(mid - s.virtualMax / 2)).toBeLessThanOrEqual(0.5);
    expect(Number.isInteger(toVirtual(s, 1_234_567))).toBe(true);
    // Row 500,000 sits about half-way down the scrollbar.
    const row = Math.floor((mid - HEADER) / ROW);
    expect(row).toBeGreaterThan(499_000);
    expect(row).toBeLessThan(501_000);
  });

  it('round-trips virtual → physical → virtual to the pixel', () => {
    for (const v of [1, 44, 1000, 12_345_678, 22_000_000, 43_999_000, s.virtualMax - 1]) {
      expect(Math.abs(toVirtual(s, toPhysical(s, v)) - v)).toBeLessThanOrEqual(0.5);
    }
  });

  it('round-trips physical → virtual → physical within one virtual pixel', () => {
    for (const p of [1, 17, 1000, 3_333_333, 7_999_000, s.physicalMax - 1]) {
      expect(Math.abs(toPhysical(s, toVirtual(s, p)) - p)).toBeLessThanOrEqual(0.5 / s.ratio + 1e-9);
    }
  });

  it('is monotonic', () => {
    let last = -1;
    for (let p = 0; p <= s.physicalMax; p += 97_531) {
      const v = toVirtual(s, p);
      expect(v).toBeGreaterThan(last);
      last = v;
    }
  });

  it('depends on the viewport: the last screen still ends at the last row', () => {
    const tall = scaleFor(1_000_000, 1000);
    expect(toVirtual(tall, tall.physicalMax) + 1000).toBe(HEADER + 44_000_000);
  });
});

describe('offsetToShowRow', () => {
  const s = scaleFor(1_000_000);
  const g = { rowHeight: ROW, header: HEADER, viewport: VIEWPORT, virtualMax: s.virtualMax };

  it('leaves a row in view where it is', () => {
    expect(offsetToShowRow(0, 3, g)).toBe(0);
    expect(offsetToShowRow(44_000, 1002, g)).toBe(44_000);
  });

  it('aligns a row below the view to the bottom edge', () => {
    // Row 20 ends at 40 + 21 × 44 = 964 px.
    expect(offsetToShowRow(0, 20, g)).toBe(964 - VIEWPORT);
  });

  it('aligns a row above the view (or under the sticky header) below the header', () => {
    expect(offsetToShowRow(44_000, 500, g)).toBe(500 * ROW);
    expect(offsetToShowRow(44_000, 1000, g)).toBe(1000 * ROW);
  });

  it('reaches the last row (Ctrl+End) and the first (Ctrl+Home)', () => {
    expect(offsetToShowRow(0, 999_999, g)).toBe(s.virtualMax);
    expect(offsetToShowRow(s.virtualMax, 0, g)).toBe(0);
    expect(toPhysical(s, offsetToShowRow(0, 999_999, g))).toBe(s.physicalMax);
  });

  it('shows each row fully below the header, wherever it is', () => {
    for (const index of [0, 1, 181_819, 500_000, 762_600, 999_998, 999_999]) {
      for (const from of [0, 22_000_000, s.virtualMax]) {
        const at = offsetToShowRow(from, index, g);
        const start = HEADER + index * ROW;
        expect(start).toBeGreaterThanOrEqual(at + HEADER);
        expect(start + ROW).toBeLessThanOrEqual(at + VIEWPORT);
      }
    }
  });
});

describe('wheelPixels', () => {
  it('passes pixels through and converts lines and pages', () => {
    expect(wheelPixels(100, 0, 560)).toBe(100);
    expect(wheelPixels(-3, 1, 560)).toBe(-60);
    expect(wheelPixels(1, 2, 560)).toBe(560);
  });
});

describe('rebase', () => {
  it('rounds to the step, so small moves keep the base', () => {
    expect(rebase(0)).toBe(0);
    expect(rebase(REBASE_STEP * 10 + 5)).toBe(REBASE_STEP * 10);
    expect(rebase(REBASE_STEP * 10 + REBASE_STEP / 2 + 1)).toBe(REBASE_STEP * 11);
    expect(Math.abs(rebase(36_123_457) - 36_123_457)).toBeLessThanOrEqual(REBASE_STEP / 2);
  });
});

describe('layoutStart', () => {
  const s = scaleFor(1_000_000);
  const near = 12 * ROW;
  const at = (virtual: number) => ({ virtual, physical: toPhysical(s, virtual), viewport: VIEWPORT, physicalHeight: s.physicalHeight });
  /** Where a row laid out at `start` sits in the scroll element's content. */
  const physicalY = (start: number, p: ReturnType<typeof at>) => start - (p.virtual - p.physical);

  it('puts rows in and near the view where they belong', () => {
    const p = at(22_000_000);
    for (const start of [22_000_000 - near, 22_000_000 - 20, 22_000_000 + 300, 22_000_000 + VIEWPORT + near])
      expect(layoutStart(start, ROW, p, near)).toBe(start);
  });

  it('puts a far row just outside the view, on its side, inside the content', () => {
    const p = at(22_000_000);
    const above = physicalY(layoutStart(40, ROW, p, near), p);
    expect(above + ROW).toBeLessThanOrEqual(p.physical);
    const below = physicalY(layoutStart(43_000_000, ROW, p, near), p);
    expect(below).toBeGreaterThanOrEqual(p.physical + VIEWPORT);
    expect(below + ROW).toBeLessThanOrEqual(s.physicalHeight);
  });

  it('at the top, puts a far row below the view', () => {
    const p = at(0);
    expect(layoutStart(30_000_000, ROW, p, near)).toBe(VIEWPORT + near);
  });

  it('lays every row around the view out where it belongs, inside the content, all along the range', () => {
    // Virtual distances around the view are not compressed; the end zones leave room for them.
    const offsets: number[] = [];
    for (let v = 0; v <= 30 * VIEWPORT; v += 53) offsets.push(v, s.virtualMax - v);
    for (let k = 1; k < 50; k++) offsets.push(Math.round((s.virtualMax * k) / 50));
    for (const edge of [toVirtual(s, END_ZONE), toVirtual(s, s.physicalMax - END_ZONE)]) for (let d = -300; d <= 300; d += 7) offsets.push(edge + d);
    for (const v of offsets) {
      const p = at(v);
      for (let index = Math.max(0, Math.floor((v - near) / ROW)); index < 1_000_000; index++) {
        const start = HEADER + index * ROW;
        if (start > v + VIEWPORT + near) break;
        if (start < v - near) continue;
        expect(layoutStart(start, ROW, p, near)).toBe(start);
        const y = physicalY(start, p);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y + ROW).toBeLessThanOrEqual(s.physicalHeight);
      }
    }
  });

  it('at the very end, lays the last rows out to end exactly at the end of the content', () => {
    const p = at(s.virtualMax);
    const last = HEADER + 999_999 * ROW;
    expect(layoutStart(last, ROW, p, near)).toBe(last);
    expect(physicalY(last, p) + ROW).toBe(s.physicalHeight);
  });
});
