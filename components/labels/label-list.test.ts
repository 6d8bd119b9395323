import { describe, expect, it } from 'vitest';
import type { Distribution } from '@/lib/engine';
import { checkLabelName, labelItems, labelName, moveOp, relabelOp, rowsConcerned, selectionActions } from './label-list';

// hwu64-like: "query" repeats under two scenarios.
const distribution: Distribution = {
  labels: ['category', 'sub_category'],
  counts: [
    {
      column: 'category',
      values: [
        { value: 'weather', count: 5 },
        { value: 'Billing', count: 9 },
        { value: 'Biling', count: 1 },
      ],
    },
    {
      column: 'sub_category',
      values: [
        { value: 'query', count: 6 },
        { value: 'refund', count: 8 },
        { value: 'rain', count: 1 },
      ],
    },
  ],
  nested: [
    {
      parent: 'weather',
      count: 5,
      children: [
        { value: 'query', count: 4 },
        { value: 'rain', count: 1 },
      ],
    },
    {
      parent: 'Billing',
      count: 9,
      children: [
        { value: 'refund', count: 7 },
        { value: 'query', count: 2 },
      ],
    },
    { parent: 'Biling', count: 1, children: [{ value: 'refund', count: 1 }] },
  ],
};

const names = (items: ReturnType<typeof labelItems>): string[] => items.map((i) => (i.parent ? `  ${i.value} ${i.count}` : `${i.value} ${i.count}`));

describe('labelItems', () => {
  it('lists the tree most rows first, each parent followed by its children', () => {
    expect(names(labelItems(distribution, 'tree'))).toEqual([
      'Billing 9',
      '  refund 7',
      '  query 2',
      'weather 5',
      '  query 4',
      '  rain 1',
      'Biling 1',
      '  refund 1',
    ]);
  });

  it('lists one level with, for sub-labels, how many parents each sits under', () => {
    const items = labelItems(distribution, 1);
    expect(items.map((i) => [i.value, i.count, i.parents])).toEqual([
      ['refund', 8, 2],
      ['query', 6, 2],
      ['rain', 1, 1],
    ]);
  });

  it('narrows to matches, case-insensitive; a matching parent keeps its branch, a matching child its parent', () => {
    expect(names(labelItems(distribution, 'tree', 'RAIN'))).toEqual(['weather 5', '  rain 1']);
    expect(names(labelItems(distribution, 'tree', 'bil'))).toEqual(['Billing 9', '  refund 7', '  query 2', 'Biling 1', '  refund 1']);
    expect(labelItems(distribution, 0, 'zzz')).toEqual([]);
  });

  it('falls back to the first level when there is no second', () => {
    const one: Distribution = { labels: ['intent'], counts: [{ column: 'intent', values: [{ value: 'a', count: 1 }] }], nested: null };
    expect(labelItems(one, 'tree').map((i) => i.value)).toEqual(['a']);
  });
});

describe('selection and edits', () => {
  const tree = labelItems(distribution, 'tree');
  const find = (value: string, parent?: string) => tree.find((i) => i.value === value && i.parent === parent)!;

  it('offers rename for one label, merge for several, move for sub-labels; refuses mixed levels', () => {
    expect(selectionActions([], 2)).toMatchObject({ rename: false, merge: false, move: false, problem: null });
    expect(selectionActions([find('Biling')], 2)).toMatchObject({ rename: true, merge: false, move: false });
    expect(selectionActions([find('Biling'), find('Billing')], 2)).toMatchObject({ rename: false, merge: true, mostRows: 'Billing' });
    expect(selectionActions([find('rain', 'weather')], 2)).toMatchObject({ rename: true, move: true });
    expect(selectionActions([find('rain', 'weather')], 1).move).toBe(false);
    expect(selectionActions([find('Billing'), find('rain', 'weather')], 2).problem).toMatch(/one level/);
  });

  it('renames a sub-label under its parent only, a top-level label everywhere', () => {
    expect(relabelOp([find('query', 'Billing')], 'billing question', [1, 2])).toEqual({
      kind: 'relabel',
      col: 2,
      refs: [{ value: 'query', parent: 'Billing' }],
      to: 'billing question',
      parentCol: 1,
    });
    expect(relabelOp([find('Biling'), find('Billing')], 'Billing', [1, 2])).toEqual({
      kind: 'relabel',
      col: 1,
      refs: [{ value: 'Biling' }, { value: 'Billing' }],
      to: 'Billing',
    });
    const level = labelItems(distribution, 1);
    expect(relabelOp([level[1]!], 'question', [1, 2])).toEqual({ kind: 'relabel', col: 2, refs: [{ value: 'query' }], to: 'question' });
  });

  it('moves sub-labels from their listed parent', () => {
    expect(moveOp([find('refund', 'Biling')], 'Billing', [1, 2])).toEqual({
      kind: 'move',
      parentCol: 1,
      childCol: 2,
      refs: [{ value: 'refund', parent: 'Biling' }],
      to: 'Billing',
    });
    expect(rowsConcerned([find('refund', 'Biling'), find('query', 'Billing')])).toBe(3);
  });

  it('trims a typed name and refuses an empty one', () => {
    expect(checkLabelName('  Billing ')).toEqual({ ok: true, name: 'Billing' });
    expect(checkLabelName(' \t')).toMatchObject({ ok: false });
  });
});

describe('labelName', () => {
  it('quotes labels whose spaces would hide what they are', () => {
    expect(labelName('Billing')).toBe('Billing');
    expect(labelName('Billing & payments')).toBe('Billing & payments');
    expect(labelName('Billing ')).toBe('“Billing ”');
    expect(labelName('Bill  ing')).toBe('“Bill  ing”');
    expect(labelName('Bill\tng')).toBe('“Bill\tng”');
    expect(labelName('')).toBe('(empty)');
  });
});

describe('a third label column', () => {
  it('is listed on its own and renamed in its own column', () => {
    const three: Distribution = {
      ...distribution,
      labels: [...distribution.labels, 'priority'],
      counts: [
        ...distribution.counts,
        {
          column: 'priority',
          values: [
            { value: 'hgih', count: 1 },
            { value: 'high', count: 9 },
          ],
        },
      ],
    };
    const items = labelItems(three, 2);
    expect(items.map((i) => [i.value, i.level])).toEqual([
      ['high', 2],
      ['hgih', 2],
    ]);
    expect(selectionActions([items[1]!], 3)).toMatchObject({ rename: true, move: false });
    expect(relabelOp([items[1]!], 'high', [1, 2, 3])).toEqual({ kind: 'relabel', col: 3, refs: [{ value: 'hgih' }], to: 'high' });
  });
});
