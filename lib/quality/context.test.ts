import { describe, expect, it } from 'vitest';
import { CheckContext } from './context';
import { columnsTable } from './table';

const rows = 20_000;
const input = () => {
  const text = Array.from({ length: rows }, (_, i) => `question ${i}`);
  const category = Array.from({ length: rows }, (_, i) => (i % 7 === 3 ? 'NA' : `class ${i % 5}`));
  const sub = Array.from({ length: rows }, (_, i) => `sub ${i % 11}`);
  return {
    table: columnsTable(['inquiry', 'category', 'sub_category'], [text, category, sub], rows),
    text: 0,
    labels: [1, 2],
    stratify: [1],
    testSize: { kind: 'float' as const, value: 0.2 },
  };
};

describe('CheckContext.prepare', () => {
  it('reads the label columns in steps of a few thousand rows, pausing between them', () => {
    const steps = [...new CheckContext(input()).prepare()].length;
    // Two label columns of 20,000 rows, a pause every 8,192 rows: two pauses each.
    expect(steps).toBe(4);
  });

  it('gives the same distinct values as reading a column in one go', () => {
    const prepared = new CheckContext(input());
    for (const _ of prepared.prepare());
    const direct = new CheckContext(input());
    for (const col of [1, 2]) expect(prepared.values(col)).toEqual(direct.values(col));
    expect(prepared.values(1).values).toEqual(['class 0', 'class 1', 'class 2', 'NA', 'class 4', 'class 3']);
    expect([...prepared.values(1).missing]).toEqual([0, 0, 0, 1, 0, 0]);
  });
});
