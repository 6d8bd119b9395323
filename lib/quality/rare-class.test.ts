import { describe, expect, it } from 'vitest';
import { check, filler, finding } from './testing';

const labelled = (label: string, n: number): string[][] => filler(n).map((r, i) => [`${r[0]} ${label} ${i}`, label, 'any']);

describe('rare-class', () => {
  it('flags a class of one row as an error, naming it and its row', () => {
    const r = finding(check([...labelled('billing', 30), ...labelled('Credit card', 1), ...labelled('shipping', 30)]), 'rare-class', 'error');
    expect(r).toMatchObject({ count: 1, rows: [31] });
    expect(r!.message).toBe(
      'The split needs at least 2 rows of every category (one for each file), and category "Credit card" (row 31) has only 1 row. Add examples, relabel the row, or remove it.',
    );
  });

  it('flags classes under 10 rows as a warning, smallest first', () => {
    const report = check([...labelled('billing', 30), ...labelled('rare', 9), ...labelled('rarer', 2)]);
    expect(finding(report, 'rare-class', 'error')).toBeUndefined();
    const r = finding(report, 'rare-class', 'warning')!;
    expect(r.count).toBe(11);
    expect(r.details?.classes).toEqual([
      { label: 'rarer', count: 2 },
      { label: 'rare', count: 9 },
    ]);
    expect(r.message).toMatch(/^2 category values have fewer than 10 rows: "rarer" \(2 rows\) and "rare" \(9 rows\)\./);
  });

  it('reports both severities when both kinds of class exist', () => {
    const report = check([...labelled('billing', 30), ...labelled('one', 1), ...labelled('few', 3)]);
    expect(report.checks.filter((c) => c.id === 'rare-class').map((c) => c.severity)).toEqual(['error', 'warning']);
  });

  it.each([
    ['classes of 10 rows or more', [...labelled('a', 10), ...labelled('b', 10)], undefined],
    ['no stratification', [...labelled('a', 10), ...labelled('b', 1)], null],
  ])('stays quiet with %s', (_name, rows, stratify) => {
    expect(finding(check(rows, stratify === null ? { stratify: null } : {}), 'rare-class')).toBeUndefined();
  });

  it('stratifies by several columns joined with a space, as sklearn does', () => {
    const rows = [...labelled('a', 12).map((r) => [r[0]!, 'a', 'x']), ...labelled('a', 1).map((r) => [r[0]!, 'a', 'y'])];
    const r = finding(check(rows, { stratify: [1, 2] }), 'rare-class', 'error')!;
    expect(r.message).toMatch(/category \+ sub_category "a y" \(row 13\) has only 1 row/);
  });

  it('does not count rows with a missing class (the empty and na-string checks report them)', () => {
    const report = check([...labelled('a', 12), ...labelled('', 1), ...labelled('NA', 1)]);
    expect(finding(report, 'rare-class')).toBeUndefined();
  });
});

describe('imbalance', () => {
  it('flags a largest class over 10 times the smallest as info, with the rows of the small classes', () => {
    const r = finding(check([...labelled('big', 110), ...labelled('small', 10), ...labelled('mid', 60)]), 'imbalance');
    expect(r).toMatchObject({ severity: 'info', count: 10 });
    expect(r!.rows[0]).toBe(111);
    expect(r!.message).toBe(
      'The largest category, "big" (110 rows), has 11 times as many rows as the smallest, "small" (10 rows); 1 category value has under 1/10 of the largest\'s rows. A model leans towards large classes: add examples of the small ones if they matter.',
    );
  });

  it.each([
    ['exactly 10 times', [...labelled('big', 100), ...labelled('small', 10)]],
    ['one class', labelled('only', 20)],
  ])('stays quiet at %s', (_name, rows) => {
    expect(finding(check(rows), 'imbalance')).toBeUndefined();
  });

  it('uses the first label column without stratification', () => {
    const r = finding(check([...labelled('big', 110), ...labelled('small', 10)], { stratify: null }), 'imbalance');
    expect(r?.details?.largest).toEqual({ label: 'big', count: 110 });
  });
});
