import { describe, expect, it } from 'vitest';
import { check, filler, finding } from './testing';

describe('empty', () => {
  it.each([
    ['an empty text', ['', 'billing', 'refund'], 'inquiry'],
    ['a text of spaces and a line break', [' \n ', 'billing', 'refund'], 'inquiry'],
    ['a text of a no-break space and a zero-width space', ['\u00a0\u200b', 'billing', 'refund'], 'inquiry'],
    ['an empty sub-label', ['where is my refund', 'billing', ''], 'sub_category'],
    ['a category of tabs', ['where is my refund', '\t\t', 'refund'], 'category'],
  ])('flags %s as an error', (_name, row, column) => {
    const r = finding(check([...filler(20), row]), 'empty');
    expect(r).toMatchObject({ severity: 'error', count: 1, rows: [21], rowIds: [20] });
    expect(r!.message).toBe(`1 row has an empty ${column}. Every example needs its text and all its labels: fill them in or remove the rows.`);
  });

  it.each([
    ['a one-character text', ['?', 'billing', 'refund']],
    ['a text with spaces around words', ['  hi there  ', 'billing', 'refund']],
    ['an NA string (the na-string check reports it)', ['NA', 'billing', 'refund']],
    ['an empty cell in a column nobody uses', ['where is my refund', 'billing', 'refund', '']],
  ])('stays quiet on %s', (_name, row) => {
    expect(finding(check([...filler(20), row], { header: ['inquiry', 'category', 'sub_category', 'notes'] }), 'empty')).toBeUndefined();
  });

  it('counts rows once and says how many per column', () => {
    const rows = [...filler(10), ['', 'billing', ''], ['text', 'billing', ''], ['', 'billing', 'refund']];
    const r = finding(check(rows), 'empty')!;
    expect(r.rows).toEqual([11, 12, 13]);
    expect(r.message).toMatch(/^3 rows have an empty text or label \(2 in inquiry and 2 in sub_category\)\./);
    expect(r.details?.columns).toEqual([
      { column: 'inquiry', count: 2 },
      { column: 'sub_category', count: 2 },
    ]);
  });

  it('checks a stratify column that is not a label', () => {
    const rows = [...filler(10).map((r) => [...r, 'en']), ['hello there', 'billing', 'refund', '']];
    const r = finding(check(rows, { header: ['inquiry', 'category', 'sub_category', 'lang'], stratify: [3] }), 'empty')!;
    expect(r.message).toMatch(/an empty lang/);
  });
});
