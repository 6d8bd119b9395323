import { describe, expect, it } from 'vitest';
import { Dataset, toCsv } from '../dataset';
import { fixChange } from './fix';
import { removeFormulaQuote } from './formula-quote';
import { check, filler, finding } from './testing';

const inText = (...texts: string[]) => [...filler(20), ...texts.map((t) => [t, 'billing', 'refund'])];

describe('formula-quote', () => {
  it('finds the apostrophe a spreadsheet-safe CSV put before = + - @, names the cells, and offers to remove it', () => {
    const r = finding(check(inText("'-2+3 is what I was charged", "'=SUM(A1)", "'@support please", "'+44 7700 900123 called")), 'formula-quote');
    expect(r).toMatchObject({ severity: 'warning', count: 4, rows: [21, 22, 23, 24] });
    expect(r!.message).toMatch(/^4 cells in inquiry start with an apostrophe before = \+ - or @/);
    expect(r!.message).toContain(`The first is row 21: "'-2+3 is what I was charged"`);
    expect(r!.fixes).toHaveLength(1);
    expect(r!.fixes![0]).toMatchObject({ kind: 'remove-formula-quote', column: 'inquiry', rows: [21, 22, 23, 24] });
  });

  it.each(["it's fine", "'quoted' words", "'", "' =spaced", '-2+3 without the mark', "''=twice"])('leaves %j alone', (text) => {
    expect(finding(check(inText(text)), 'formula-quote')).toBeUndefined();
  });

  it('the cleaned CSV read back, fixed, gives the original texts again', () => {
    const texts = ['-2+3 is what I was charged', '=cmd', '@team', '+1 for this', 'plain'];
    const ds = Dataset.fromRows(
      ['inquiry', 'category'],
      texts.map((t) => [t, 'a']),
    );
    const csv = toCsv(ds, { neutralizeFormulas: true }).text;
    const readBack = Dataset.fromRows(
      ['inquiry', 'category'],
      csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => [line.slice(0, line.lastIndexOf(',')), 'a']),
    );
    const r = finding(check(Array.from({ length: readBack.size }, (_, i) => [readBack.cell(i, 0), 'a', 'x'])), 'formula-quote')!;
    expect(r.count).toBe(4);
    const change = fixChange(readBack, { ...r.fixes![0]!, col: 0, rowIds: [0, 1, 2, 3, 4] } as never)!;
    readBack.apply(change);
    expect(Array.from({ length: readBack.size }, (_, i) => readBack.cell(i, 0))).toEqual(texts);
    expect(change.label).toBe('Remove the apostrophe before = + - @ in inquiry (4 rows)');
  });

  it('removes only the one leading apostrophe', () => {
    expect(removeFormulaQuote("''=x")).toBe("''=x");
    expect(removeFormulaQuote("'=x'")).toBe("=x'");
  });
});
