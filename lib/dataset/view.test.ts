import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRow, deleteRows, setCell } from './changes';
import { compareForDisplay } from './collation';
import { Dataset } from './dataset';
import { changeFor, datasetOf, op, smallTable, cellValue } from './testing';
import { columnRanks, computeView, type ViewQuery } from './view';

const ds = (): Dataset =>
  Dataset.fromRows(
    ['inquiry', 'category'],
    [
      ['Refund for order 10', 'Billing'], // 0
      ['where is my parcel', 'shipping'], // 1
      ['refund for order 9', 'billing'], // 2
      ['Login fails', 'Account'], // 3
      ['REFUND again', 'Billing'], // 4
      ['', 'Shipping'], // 5
    ],
  );

const view = (q: ViewQuery, d = ds()): number[] => [...computeView(d, q)];

describe('computeView', () => {
  it.each<[string, ViewQuery, number[]]>([
    ['everything in file order', {}, [0, 1, 2, 3, 4, 5]],
    ['sorted by a label, case next to case, ties in file order', { sort: { col: 1, desc: false } }, [3, 0, 4, 2, 5, 1]],
    ['descending keeps ties in file order', { sort: { col: 1, desc: true } }, [1, 5, 2, 0, 4, 3]],
    ['text with numbers by value, empty first', { sort: { col: 0, desc: false } }, [5, 3, 4, 2, 0, 1]],
    ['by row number, descending', { sort: { by: 'row', desc: true } }, [5, 4, 3, 2, 1, 0]],
    ['filtered to exact values', { filters: [{ col: 1, values: ['Billing', 'Account'] }] }, [0, 3, 4]],
    [
      'several filters must all hold',
      {
        filters: [
          { col: 1, values: ['Billing'] },
          { col: 0, values: ['REFUND again'] },
        ],
      },
      [4],
    ],
    ['an empty filter keeps nothing', { filters: [{ col: 1, values: [] }] }, []],
    ['search ignores case, in one column', { search: { text: 'refund', col: 0 } }, [0, 2, 4]],
    ['search in all columns', { search: { text: 'SHIP', col: null } }, [1, 5]],
    ['empty search text matches every row', { search: { text: '', col: 0 } }, [0, 1, 2, 3, 4, 5]],
    ['restricted to given ids, deduplicated, in file order', { ids: [4, 1, 4, 99, -1] }, [1, 4]],
    [
      'filter + search + sort together',
      { filters: [{ col: 1, values: ['Billing', 'billing'] }], search: { text: 'order', col: 0 }, sort: { col: 0, desc: true } },
      [0, 2],
    ],
  ])('%s', (_name, q, expected) => {
    expect(view(q)).toEqual(expected);
  });

  it('shows only edited and added rows, and none of the deleted', () => {
    const d = ds();
    d.apply(setCell(d, 3, 1, 'Accounts')!);
    d.apply(setCell(d, 1, 0, 'x')!);
    d.apply(deleteRows(d, [1])!);
    d.apply(addRow(d, ['new']));
    expect(view({ editedOnly: true }, d)).toEqual([3, 6]);
    expect(view({ editedOnly: true, ids: [6, 0] }, d)).toEqual([6]);
    expect(view({}, d)).toEqual([0, 2, 3, 4, 5, 6]);
  });

  it('sees edits: sort ranks and search copies are rebuilt for the edited column only', () => {
    const d = ds();
    const before = columnRanks(d, 0);
    expect(columnRanks(d, 0)).toBe(before);
    expect(view({ search: { text: 'zebra', col: 0 } }, d)).toEqual([]);
    d.apply(setCell(d, 3, 0, 'Zebra')!);
    expect(view({ search: { text: 'zebra', col: 0 } }, d)).toEqual([3]);
    expect(view({ sort: { col: 0, desc: true } }, d)[0]).toBe(3);
    const categoryRanks = columnRanks(d, 1);
    d.apply(setCell(d, 0, 0, 'Aardvark')!);
    expect(columnRanks(d, 1)).toBe(categoryRanks);
  });

  it("returns arrays that own their buffer (safe to transfer), never the dataset's cached ids", () => {
    const d = ds();
    for (const q of [{}, { ids: [1, 2] }, { sort: { by: 'row' as const, desc: false } }, { filters: [{ col: 1, values: ['Billing'] }] }]) {
      const v = computeView(d, q);
      expect(v.byteLength).toBe(v.buffer.byteLength);
      expect(v).not.toBe(d.liveIdsShared());
    }
  });

  it('throws on a column that does not exist (a bug in the caller)', () => {
    expect(() => computeView(ds(), { sort: { col: 2, desc: false } })).toThrow(RangeError);
  });

  const query = fc.record(
    {
      sort: fc.oneof(fc.record({ col: fc.nat(2), desc: fc.boolean() }), fc.record({ by: fc.constant('row' as const), desc: fc.boolean() })),
      filters: fc.array(fc.record({ col: fc.nat(2), values: fc.array(cellValue, { maxLength: 4 }) }), { maxLength: 2 }),
      search: fc.record({ text: fc.constantFrom('', 'a', 'A', 'item', ' ', 'á'), col: fc.option(fc.nat(2), { nil: null }) }),
      editedOnly: fc.boolean(),
      ids: fc.array(fc.nat(20), { maxLength: 10 }),
    },
    { requiredKeys: [] },
  );

  it('property: a permutation of exactly the live rows that pass, sorted, ties in file order', () => {
    fc.assert(
      fc.property(smallTable(), fc.array(op, { maxLength: 10 }), query, (rows, ops, q) => {
        const d = datasetOf(rows);
        for (const o of ops) {
          const c = changeFor(d, o);
          if (c) d.apply(c);
        }
        const result = [...computeView(d, q)];
        const allowed = q.ids ? new Set(q.ids) : null;
        const passes = (id: number): boolean =>
          (allowed === null || allowed.has(id)) &&
          (!q.editedOnly || d.rowEdited(id)) &&
          (q.filters ?? []).every((f) => f.values.includes(d.cell(id, f.col))) &&
          (q.search === undefined ||
            (q.search.col === null ? d.header.map((_, c) => c) : [q.search.col]).some((c) =>
              d.cell(id, c).toLowerCase().includes(q.search!.text.toLowerCase()),
            ));
        const expectedSet = [...d.liveIds()].filter(passes);
        expect([...result].sort((a, b) => a - b)).toEqual(expectedSet);
        const s = q.sort;
        for (let i = 1; i < result.length; i++) {
          const a = result[i - 1]!;
          const b = result[i]!;
          if (s === undefined) expect(a).toBeLessThan(b);
          else if ('by' in s) expect(s.desc ? b < a : a < b).toBe(true);
          else {
            const c = compareForDisplay(d.cell(a, s.col), d.cell(b, s.col)) * (s.desc ? -1 : 1);
            expect(c < 0 || (c === 0 && a < b)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
