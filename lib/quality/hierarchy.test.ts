import { describe, expect, it } from 'vitest';
import { check, finding } from './testing';

const row = (parent: string, child: string, i: number): string[] => [`text number ${parent} ${child} ${i}`, parent, child];
const many = (parent: string, child: string, n: number): string[][] => Array.from({ length: n }, (_, i) => row(parent, child, i));

describe('hierarchy', () => {
  it('flags a sub-label under two parents, with every row of it', () => {
    const report = check([...many('alarm', 'query', 3), ...many('alarm', 'set', 3), ...many('calendar', 'query', 2), ...many('calendar', 'remove', 3)]);
    const r = finding(report, 'hierarchy');
    expect(r).toMatchObject({ severity: 'warning', count: 5, rows: [1, 2, 3, 7, 8] });
    expect(r!.details?.children).toEqual([
      {
        column: 'sub_category',
        parentColumn: 'category',
        label: 'query',
        parents: [
          { label: 'alarm', count: 3 },
          { label: 'calendar', count: 2 },
        ],
      },
    ]);
    expect(r!.message).toMatch(
      /^1 sub-label appears under more than one parent: sub_category "query" is under 2 category values \("alarm" 3, "calendar" 2\)\./,
    );
  });

  it.each([
    ['each sub-label under one parent (bitext style)', [...many('ORDER', 'cancel_order', 3), ...many('REFUND', 'get_refund', 3)]],
    ['the same sub-label text under a parent spelled the same', [...many('ORDER', 'cancel', 3), ...many('ORDER', 'cancel', 2)]],
    ['a sub-label whose other parent is empty (the empty check reports it)', [...many('ORDER', 'cancel', 3), row('', 'cancel', 9)]],
    ['an empty sub-label under two parents', [...many('ORDER', '', 2), ...many('REFUND', '', 2)]],
  ])('stays quiet on %s', (_name, rows) => {
    expect(finding(check(rows), 'hierarchy')).toBeUndefined();
  });

  it('stays quiet with one label level', () => {
    const rows = [...many('a', 'x', 3), ...many('b', 'x', 3)];
    expect(finding(check(rows, { labels: [1] }), 'hierarchy')).toBeUndefined();
  });

  it('checks each pair of levels with three', () => {
    const rows = [...many('a', 'x', 2), ...many('b', 'y', 2)].map((r, i) => [...r, i % 2 ? 'leaf' : 'leaf']);
    const report = check(rows, { header: ['t', 'l1', 'l2', 'l3'], labels: [1, 2, 3] });
    expect(finding(report, 'hierarchy')?.details?.children).toEqual([
      {
        column: 'l3',
        parentColumn: 'l2',
        label: 'leaf',
        parents: [
          { label: 'x', count: 2 },
          { label: 'y', count: 2 },
        ],
      },
    ]);
  });
});
