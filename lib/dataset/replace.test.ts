import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dataset } from './dataset';
import { escapeRegExp, planReplace, type ReplaceQuery } from './replace';
import { datasetOf, smallTable, stateOf } from './testing';

const one = (cell: string, q: Partial<ReplaceQuery>): string | { error: string } => {
  const ds = Dataset.fromRows(['a'], [[cell]]);
  const plan = planReplace(ds, { find: '', replace: '', regex: false, caseSensitive: true, col: null, ...q });
  if (!plan.ok) return { error: plan.error };
  return plan.change?.patches[0]?.op === 'set' ? plan.change.patches[0].after : cell;
};

describe('planReplace: what a replacement does to one cell', () => {
  it.each<[string, string, Partial<ReplaceQuery>, string]>([
    ['plain text, every occurrence', 'a.b a.b', { find: 'a.b', replace: 'X' }, 'X X'],
    ['plain text escapes regex syntax', 'axb', { find: 'a.b', replace: 'X' }, 'axb'],
    ['plain text keeps $ in the replacement literal', 'cost', { find: 'cost', replace: '$1 & $&' }, '$1 & $&'],
    ['plain text, case-insensitive', 'Refund REFUND refund', { find: 'refund', replace: 'r', caseSensitive: false }, 'r r r'],
    ['plain text, case-sensitive', 'Refund refund', { find: 'refund', replace: 'r' }, 'Refund r'],
    ['plain, whole cell only', 'Billing', { find: 'bill', replace: 'X', wholeCell: true, caseSensitive: false }, 'Billing'],
    ['plain, whole cell matches', 'billing', { find: 'Billing', replace: 'Billing', wholeCell: true, caseSensitive: false }, 'Billing'],
    ['whole cell with empty find fills empty cells', '', { find: '', replace: 'n/a', wholeCell: true }, 'n/a'],
    ['whole cell with empty find leaves other cells', 'x', { find: '', replace: 'n/a', wholeCell: true }, 'x'],
    ['regex with groups', 'Smith, John', { find: '(\\w+), (\\w+)', replace: '$2 $1', regex: true }, 'John Smith'],
    ['regex with named groups', '2024-05', { find: '(?<y>\\d+)-(?<m>\\d+)', replace: '$<m>/$<y>', regex: true }, '05/2024'],
    ['regex, whole cell wraps alternatives', 'ab', { find: 'a|ab', replace: 'X', regex: true, wholeCell: true }, 'X'],
    ['regex ^ prefixes the cell', 'abc', { find: '^', replace: '> ', regex: true }, '> abc'],
    ['regex ^ prefixes an empty cell too', '', { find: '^', replace: '> ', regex: true }, '> '],
    ['regex $ appends', 'abc', { find: '$', replace: '!', regex: true }, 'abc!'],
    ['regex x* inserts between characters, as sed and editors do', 'abc', { find: 'x*', replace: '-', regex: true }, '-a-b-c-'],
    ['an empty match steps over a whole emoji (u flag)', 'a😀', { find: 'x*', replace: '-', regex: true }, '-a-😀-'],
    ['regex matching empty with an empty replacement changes nothing', 'abc', { find: 'x*', replace: '', regex: true }, 'abc'],
    ['^ does not match after a newline inside a cell', 'a\nb', { find: '^', replace: '>', regex: true }, '>a\nb'],
    ['regex case-insensitive with Unicode', 'ÉCOLE école', { find: 'é', replace: 'e', regex: true, caseSensitive: false }, 'eCOLE ecole'],
  ])('%s', (_name, cell, q, expected) => {
    expect(one(cell, q)).toBe(expected);
  });

  it.each<[string, Partial<ReplaceQuery>, RegExp]>([
    ['an empty find', { find: '' }, /^Type the text to find\.$/],
    [
      'an unterminated group',
      { find: '(', regex: true },
      /^Invalid regular expression: unterminated group\. Check the pattern, or turn off "Regular expression"/,
    ],
    ['a lone quantifier', { find: '*', regex: true }, /^Invalid regular expression: nothing to repeat\./],
    ['an escape invalid in Unicode mode', { find: '\\-', regex: true }, /^Invalid regular expression: invalid escape\./],
    ['a column that does not exist', { find: 'a', col: 4 }, /^There is no column 4\.$/],
  ])('refuses %s with a plain-words error', (_name, q, message) => {
    const r = one('x', q);
    expect(typeof r === 'object' && r.error).toMatch(message);
  });

  it('escapes every pattern character, and keeps "-" (not escapable in u mode)', () => {
    const text = 'a-b.c*d+e?f^g$h{i}j(k)l|m[n]o\\p/q';
    expect(new RegExp(escapeRegExp(text), 'u').test(text)).toBe(true);
  });
});

describe('planReplace: the change', () => {
  const ds = (): Dataset =>
    Dataset.fromRows(
      ['inquiry', 'category'],
      [
        ['refund for order', 'Refunds'],
        ['no refund yet', 'Billing'],
        ['hello', 'refund'],
      ],
    );

  it('counts cells and rows, previews them, labels the change', () => {
    const plan = planReplace(ds(), { find: 'refund', replace: 'return', regex: false, caseSensitive: false, col: null });
    expect(plan).toEqual({
      ok: true,
      cells: 4,
      rows: 3,
      preview: [
        { id: 0, col: 0, before: 'refund for order', after: 'return for order' },
        { id: 0, col: 1, before: 'Refunds', after: 'returns' },
        { id: 1, col: 0, before: 'no refund yet', after: 'no return yet' },
        { id: 2, col: 1, before: 'refund', after: 'return' },
      ],
      change: expect.objectContaining({ label: 'Replace "refund" with "return" (4 cells)' }) as unknown,
      perColumn: [
        { col: 0, cells: 2 },
        { col: 1, cells: 2 },
      ],
    });
  });

  it('limits to one column and to given rows, in the order given', () => {
    const plan = planReplace(ds(), { find: 'refund', replace: 'R', regex: false, caseSensitive: true, col: 0, ids: [1, 0, 1, 7] });
    expect(plan.ok && plan.preview.map((p) => p.id)).toEqual([1, 0]);
    expect(plan.ok && plan.change?.label).toBe('Replace "refund" with "R" in inquiry (2 cells)');
  });

  it('returns a null change when nothing matches', () => {
    expect(planReplace(ds(), { find: 'zzz', replace: 'R', regex: false, caseSensitive: true, col: null })).toEqual({
      ok: true,
      change: null,
      cells: 0,
      rows: 0,
      preview: [],
      perColumn: [],
    });
  });

  it('keeps only 50 cells in the preview', () => {
    const big = Dataset.fromRows(
      ['a'],
      Array.from({ length: 70 }, () => ['x']),
    );
    const plan = planReplace(big, { find: 'x', replace: 'y', regex: false, caseSensitive: true, col: null });
    expect(plan.ok && [plan.cells, plan.preview.length]).toEqual([70, 50]);
  });

  const query = fc.record({
    find: fc.constantFrom('a', 'A', ' ', 'item', '\\d+', '^', 'x*', '(a|b)', 'á'),
    replace: fc.constantFrom('', 'a', 'Z', '$1', '$&$&'),
    regex: fc.boolean(),
    caseSensitive: fc.boolean(),
    wholeCell: fc.boolean(),
    col: fc.option(fc.nat(2), { nil: null }),
  });

  it('property: changes exactly the cells it counts, each as String.replace would, and nothing else', () => {
    fc.assert(
      fc.property(smallTable(), query, (rows, q) => {
        const d = datasetOf(rows);
        const plan = planReplace(d, q);
        if (!plan.ok) return;
        const before = stateOf(d);
        if (plan.change) d.apply(plan.change);
        const after = stateOf(d);
        let changedCells = 0;
        const changedRows = new Set<number>();
        before.rows.forEach((row, i) =>
          row.forEach((cell, c) => {
            if (cell !== after.rows[i]![c]) {
              changedCells++;
              changedRows.add(i);
            }
          }),
        );
        expect([changedCells, changedRows.size]).toEqual([plan.cells, plan.rows]);
        expect(plan.preview.length).toBe(Math.min(50, plan.cells));
        for (const p of plan.change?.patches ?? []) {
          if (p.op !== 'set') throw new Error('only set patches');
          if (q.col !== null) expect(p.col).toBe(q.col);
          const source = q.regex ? q.find : escapeRegExp(q.find);
          const re = new RegExp(q.wholeCell ? `^(?:${source})$` : source, q.caseSensitive ? 'gu' : 'giu');
          expect(p.after).toBe(q.regex ? p.before.replace(re, q.replace) : p.before.replace(re, () => q.replace));
        }
      }),
    );
  });
});
