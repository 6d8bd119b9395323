import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvTable, readTable } from './read-table';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('readCsvTable: a first row that looks like data', () => {
  const file = 'give me the weather for merced at three pm,weather_query\nweather this week,weather_query\nwake me up at six,alarm_set\n';

  it('says why when the file is read with a header', () => {
    const r = readCsvTable(bytes(file), {});
    expect(r.ok && r.info.headerLooksLikeData).toBe('“give me the weather for merced at three…” reads like a sentence, not a column name');
    expect(r.ok && r.rowCount).toBe(2);
  });

  it('reads every line as a row, without the question, when told there is no header', () => {
    const r = readCsvTable(bytes(file), { header: false });
    expect(r.ok && r.header).toEqual(['column 1', 'column 2']);
    expect(r.ok && r.columns[0]![0]).toBe('give me the weather for merced at three pm');
    expect(r.ok && r.rowCount).toBe(3);
    expect(r.ok && Array.from(r.lines)).toEqual([1, 2, 3]);
    expect(r.ok && r.info.headerLooksLikeData).toBeUndefined();
  });

  it('does not ask about an ordinary header', () => {
    const r = readCsvTable(bytes('text,label\nhello there,greet\n'), {});
    expect(r.ok && r.info.headerLooksLikeData).toBeUndefined();
  });
});

describe('readTable: an Excel workbook', () => {
  const dir = join(import.meta.dirname, '..', '..', 'test-data', 'xlsx');
  const fixture = join(import.meta.dirname, '..', 'export', '__fixtures__', 'e2e', '03-unicode_categories', 'dataset.csv');

  it('reads a workbook of text cells as the same table as the CSV it was made from, numbered by sheet row', () => {
    const book = readTable(readFileSync(join(dir, 'text-cells.xlsx')), 'book.xlsx', {});
    const csv = readTable(readFileSync(fixture), 'dataset.csv', {});
    expect(book.ok && csv.ok).toBe(true);
    if (!book.ok || !csv.ok) return;
    expect(book.header).toEqual(csv.header);
    expect(book.columns).toEqual(csv.columns);
    expect(book.info.workbook).toEqual({ sheet: 'dataset', sheets: ['dataset'] });
    // Every row is one sheet row: row r of the data is sheet row r + 1, whatever line breaks its cells hold.
    expect(Array.from(book.lines)).toEqual(Array.from({ length: book.rowCount }, (_, i) => i + 2));
  });

  it('asks which sheet, with the names, when several have cells; reads the one chosen', () => {
    const bytes = readFileSync(join(dir, 'two-sheets.xlsx'));
    const ask = readTable(bytes, 'two-sheets.xlsx', {});
    expect(ask.ok ? null : [ask.problem.code, ask.sheets]).toEqual(['choose-sheet', ['Notes', 'Inquiries']]);
    const chosen = readTable(bytes, 'two-sheets.xlsx', { sheet: 'Inquiries' });
    expect(chosen.ok && [chosen.header, chosen.rowCount, chosen.info.workbook?.sheet]).toEqual([['inquiry', 'category', 'sub_category'], 20, 'Inquiries']);
  });

  it('refuses an .xls whatever it is called', () => {
    const r = readTable(readFileSync(join(dir, 'old-format.xls')), 'data.csv', {});
    expect(r.ok ? null : r.problem.code).toBe('old-excel');
  });
});
