import { describe, expect, it } from 'vitest';
import {
  CHART_MARGIN,
  ROW_HEIGHT,
  chartHeight,
  childRows,
  chosenParent,
  countRows,
  displayValue,
  formatShare,
  labelAxisWidth,
  singleFilter,
  splitRows,
  fitLabel,
  textWidth,
  visibleRows,
} from './chart-data';

const nested = [
  {
    parent: 'ORDER',
    count: 3,
    children: [
      { value: 'track_order', count: 1 },
      { value: 'cancel_order', count: 2 },
    ],
  },
  { parent: 'ACCOUNT', count: 5, children: [{ value: 'create_account', count: 5 }] },
];

describe('countRows', () => {
  it('sorts by count, keeps the incoming order of ties, and computes shares', () => {
    const rows = countRows([
      { value: 'b', count: 1 },
      { value: 'a', count: 3 },
      { value: 'c', count: 1 },
    ]);
    expect(rows.map((r) => r.value)).toEqual(['a', 'b', 'c']);
    expect(rows[0]!.share).toBeCloseTo(0.6);
  });
  it('gives zero shares for no rows', () => {
    expect(countRows([{ value: 'a', count: 0 }])[0]!.share).toBe(0);
  });
});

describe('visibleRows', () => {
  it.each([
    [5, 12, false, 5, 0],
    [80, 12, false, 12, 68],
    [80, 12, true, 80, 0],
    [12, 12, false, 12, 0],
  ])('%i rows, limit %i, expanded %s → %i shown, %i hidden', (n, limit, expanded, shown, hidden) => {
    const r = visibleRows(
      Array.from({ length: n }, (_, i) => i),
      limit,
      expanded,
    );
    expect(r.shown).toHaveLength(shown);
    expect(r.hidden).toBe(hidden);
  });
});

it('chartHeight puts each bar on the fixed row grid the overlay buttons use', () => {
  expect(chartHeight(3)).toBe(3 * ROW_HEIGHT + CHART_MARGIN.top + CHART_MARGIN.bottom);
  expect(chartHeight(0)).toBe(chartHeight(1));
});

it.each([
  [0, '0%'],
  [0.001, '<1%'],
  [0.2, '20%'],
  [0.225, '23%'],
  [1, '100%'],
])('formatShare(%d) = %s', (share, text) => {
  expect(formatShare(share)).toBe(text);
});

describe('labels', () => {
  it('shortens a label to fit a width, by characters, not UTF-16 units', () => {
    expect(fitLabel('ORDER', 100)).toBe('ORDER');
    const short = fitLabel('SHIPPING_ADDRESS', 60);
    expect(short).toContain('…');
    expect(textWidth(short)).toBeLessThanOrEqual(60);
    expect(fitLabel('😀😀😀😀', 30)).toBe('😀…');
    expect(fitLabel('CATEGORY_WITH_A_LONG_NAME_03', 150)).toMatch(/^CATEGORY.*….*03$/);
  });
  it('measures wide letters wider than narrow ones', () => {
    expect(textWidth('MMMM')).toBeGreaterThan(textWidth('iiii'));
  });
  it('sizes the axis within bounds', () => {
    expect(labelAxisWidth(['A'])).toBe(56);
    expect(labelAxisWidth(['x'.repeat(100)])).toBe(170);
  });
  it('shows empty values', () => {
    expect(displayValue('')).toBe('(empty)');
    expect(displayValue('A')).toBe('A');
  });
});

describe('sub-categories', () => {
  it('chooses the user pick, then the filtered value, then the largest', () => {
    expect(chosenParent(nested, 'ORDER', 'ACCOUNT')).toBe('ORDER');
    expect(chosenParent(nested, 'GONE', 'ORDER')).toBe('ORDER');
    expect(chosenParent(nested, null, null)).toBe('ACCOUNT');
    expect(chosenParent(null, 'ORDER', null)).toBeNull();
    expect(chosenParent([], null, null)).toBeNull();
  });
  it('lists the children of one parent, most frequent first', () => {
    expect(childRows(nested, 'ORDER').map((r) => r.value)).toEqual(['cancel_order', 'track_order']);
    expect(childRows(nested, 'NONE')).toEqual([]);
    expect(childRows(null, 'ORDER')).toEqual([]);
  });
});

it('splitRows sorts by total and writes train / validation', () => {
  const rows = splitRows([
    { label: 'A', total: 10, train: 8, validation: 2 },
    { label: 'B', total: 20, train: 16, validation: 4 },
  ]);
  expect(rows.map((r) => [r.label, r.text])).toEqual([
    ['B', '16 / 4'],
    ['A', '8 / 2'],
  ]);
  expect(rows[0]!.validationShare).toBeCloseTo(0.2);
});

it('singleFilter is the one value a column is filtered to', () => {
  expect(singleFilter({ 1: ['A'] }, 1)).toBe('A');
  expect(singleFilter({ 1: ['A', 'B'] }, 1)).toBeNull();
  expect(singleFilter({}, 1)).toBeNull();
});
