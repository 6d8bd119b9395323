import { describe, expect, it } from 'vitest';
import { deleteRows } from './changes';
import { Dataset } from './dataset';
import { nestedCounts, valueCounts } from './stats';

const ds = (): Dataset =>
  Dataset.fromRows(
    ['inquiry', 'category', 'sub_category'],
    [
      ['a', 'Billing', 'Refund'],
      ['b', 'Shipping', 'Late'],
      ['c', 'Billing', 'Invoice'],
      ['d', 'Account', 'Login'],
      ['e', 'Billing', 'Refund'],
      ['f', 'Shipping', 'Lost'],
      ['g', 'billing', 'Refund'],
    ],
  );

describe('valueCounts', () => {
  it('counts live rows per value, most frequent first, ties in display order', () => {
    expect(valueCounts(ds(), 1)).toEqual([
      { value: 'Billing', count: 3 },
      { value: 'Shipping', count: 2 },
      { value: 'Account', count: 1 },
      { value: 'billing', count: 1 },
    ]);
  });

  it('counts only the given rows (a view), and leaves out deleted rows', () => {
    const d = ds();
    expect(valueCounts(d, 2, Int32Array.of(0, 1, 4))).toEqual([
      { value: 'Refund', count: 2 },
      { value: 'Late', count: 1 },
    ]);
    d.apply(deleteRows(d, [0, 2, 4])!);
    expect(valueCounts(d, 1)[0]).toEqual({ value: 'Shipping', count: 2 });
  });
});

describe('nestedCounts', () => {
  it('counts children within each parent, both levels by count then value', () => {
    expect(nestedCounts(ds(), 1, 2)).toEqual([
      {
        parent: 'Billing',
        count: 3,
        children: [
          { value: 'Refund', count: 2 },
          { value: 'Invoice', count: 1 },
        ],
      },
      {
        parent: 'Shipping',
        count: 2,
        children: [
          { value: 'Late', count: 1 },
          { value: 'Lost', count: 1 },
        ],
      },
      { parent: 'Account', count: 1, children: [{ value: 'Login', count: 1 }] },
      { parent: 'billing', count: 1, children: [{ value: 'Refund', count: 1 }] },
    ]);
  });

  it('is empty for a dataset with no live rows', () => {
    const d = ds();
    d.apply(deleteRows(d, d.liveIds())!);
    expect(nestedCounts(d, 1, 2)).toEqual([]);
    expect(valueCounts(d, 1)).toEqual([]);
  });
});
