import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, exportCsv, type ExportSettings } from '../export';
import { workbookToCsv } from './read';
import { workbookKind } from './sniff';

// Workbooks saved by LibreOffice Calc and openpyxl: test-data/xlsx/README.md says how each was made.
const DIR = join(import.meta.dirname, '..', '..', 'test-data', 'xlsx');
const book = (name: string): Uint8Array => readFileSync(join(DIR, name));
const csvOf = (name: string, sheet?: string): string => {
  const r = workbookToCsv(book(name), sheet);
  if (!r.ok) throw new Error(r.problem.message);
  return new TextDecoder().decode(r.csv);
};

describe('workbookToCsv: cells as Excel shows them, laid out as its CSV', () => {
  it.each([
    {
      sheet: 'Numbers',
      csv: [
        'what,value',
        'integer,42',
        'one tenth,0.1',
        // A formula's saved value, shown as General shows it (=0.1+0.2 is 0.30000000000000004).
        'sum of 0.1 and 0.2,0.3',
        'thirteen digits,1.23457E+12',
        'two decimals,2.50',
        'percent,26%',
        'thousands,"-1,234.50"',
        'tiny,0.0000001',
        'whole float,100',
        'text that looks like a number,007',
      ],
    },
    {
      sheet: 'Dates',
      // The date format of each cell: yyyy-mm-dd, Excel's built-in short date (en-US), d-mmm-yy, date and time, a time.
      csv: [
        'what,value',
        'iso date,2024-01-31',
        'short date (built-in 14),1/31/2024',
        'day month year,31-Jan-24',
        'date and time,2024-01-31 13:45',
        'time,6:00 PM',
      ],
    },
    {
      sheet: 'Merged',
      // B2:B3 and A4:C4 are merged: the value stays in the top-left cell, the others are empty.
      csv: [
        'inquiry,category,sub_category',
        'Where is my parcel?,Shipping,Delayed',
        'My order is late,,Delayed',
        'A note across the whole row,,',
        'Refund me,Billing,Refund',
      ],
    },
    {
      sheet: 'Formulas',
      csv: ['what,value', 'arithmetic,2', 'text,Hello world', 'division by zero,#DIV/0!', 'comparison,TRUE', 'reference,20'],
    },
    {
      sheet: 'Text',
      csv: ['what,value', 'line feed,"line one\nline two"', 'spaces kept,  padded  ', 'comma and quotes,"He said ""hi"", then left"', 'non-ASCII,café – 中文'],
    },
  ])('features.xlsx, sheet $sheet', ({ sheet, csv }) => {
    expect(csvOf('features.xlsx', sheet)).toBe(csv.join('\n') + '\n');
  });

  it('decodes _x000D_ as a CR (how Excel stores one) and _x005F_ as an escaped underscore', () => {
    expect(csvOf('openpyxl-escapes.xlsx')).toBe(
      'what,value\nwindows line end,"line one\r\nline two"\nescaped escape,literal _x000D_ text\nnever calculated,\n',
    );
  });

  it('warns that a formula without a saved value reads as empty', () => {
    const r = workbookToCsv(book('openpyxl-escapes.xlsx'));
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual([
      '1 formula cell has no saved value: the program that wrote the workbook did not calculate it, so it reads as empty. Open the workbook in Excel or LibreOffice and save it to store the values.',
    ]);
  });

  it("maps every line of the CSV to its sheet row, also after a cell's line break", () => {
    const r = workbookToCsv(book('features.xlsx'), 'Text');
    // Row 2's cell spans lines 2 and 3; row 3 starts on line 4.
    expect(r.ok && Array.from(r.rowOfLine.slice(1, 7))).toEqual([1, 2, 2, 3, 4, 5]);
  });
});

describe('workbookToCsv: which sheet', () => {
  it('asks which sheet when several have cells, and names them', () => {
    const r = workbookToCsv(book('two-sheets.xlsx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('choose-sheet');
    expect(r.sheets).toEqual(['Notes', 'Inquiries']);
    expect(r.problem.message).toBe('the workbook has 2 sheets with cells: "Notes", "Inquiries". Say which one to read (--sheet "Notes").');
  });

  it('reads the sheet named, in any case', () => {
    expect(csvOf('two-sheets.xlsx', 'inquiries').split('\n')[0]).toBe('inquiry,category,sub_category');
  });

  it('reads the only sheet with cells without asking (empty and chart sheets are not offered)', () => {
    const r = workbookToCsv(book('openpyxl-escapes.xlsx'));
    expect(r.ok && [r.sheet, r.sheets]).toEqual(['Escapes', ['Escapes']]);
    expect(workbookToCsv(book('features.xlsx')).ok).toBe(false);
    const features = workbookToCsv(book('features.xlsx'));
    expect(!features.ok && features.sheets).toEqual(['Numbers', 'Dates', 'Merged', 'Formulas', 'Text']);
  });

  it.each([
    {
      file: 'two-sheets.xlsx',
      sheet: 'Summary',
      code: 'unknown-sheet',
      message: 'the workbook has no sheet named "Summary"; its sheets are "Notes", "Inquiries".',
    },
    { file: 'features.xlsx', sheet: 'Empty', code: 'not-a-table', message: 'sheet "Empty" is empty. Choose a sheet with a header row and data rows.' },
    {
      file: 'features.xlsx',
      sheet: 'Chart',
      code: 'not-a-table',
      message: 'sheet "Chart" has no cells, only charts or pictures. Choose a sheet with a header row and data rows.',
    },
  ])('refuses $file, sheet $sheet: $code', ({ file, sheet, code, message }) => {
    const r = workbookToCsv(book(file), sheet);
    expect(r.ok ? null : r.problem).toEqual({ code, message });
  });

  it.each(['old-format.xls', 'password.xls'])('refuses %s (an OLE file) and says how to save it', (file) => {
    const r = workbookToCsv(book(file));
    expect(r.ok ? null : r.problem).toEqual({
      code: 'old-excel',
      message:
        'this is an old-format .xls or a password-protected workbook: open it in Excel and save it as .xlsx (without a password) or as CSV UTF-8, then upload that.',
    });
  });
});

/** A minimal workbook, as some writers make them (prefixed elements, inline strings, a chart sheet). */
function workbook(parts: Record<string, string>): Uint8Array {
  const rels = Object.entries(parts)
    .filter(([p]) => p.startsWith('xl/worksheets/') || p.startsWith('xl/chartsheets/'))
    .map(([p], i) => {
      const type = p.startsWith('xl/chartsheets/') ? 'chartsheet' : 'worksheet';
      return `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${p.slice(3)}"/>`;
    })
    .join('');
  const files: Record<string, Uint8Array> = { 'xl/_rels/workbook.xml.rels': strToU8(`<Relationships>${rels}</Relationships>`) };
  for (const [p, xml] of Object.entries(parts)) files[p] = strToU8(xml);
  return zipSync(files);
}

describe('workbookToCsv: what other writers produce', () => {
  it('reads prefixed elements, inline rich text without its phonetic runs, cells without references, and a 1904 workbook', () => {
    const bytes = workbook({
      'xl/workbook.xml':
        '<x:workbook xmlns:x="m"><x:workbookPr date1904="1"/><x:sheets><x:sheet name="A &amp; B" r:id="rId1"/><x:sheet name="Chart" r:id="rId2"/></x:sheets></x:workbook>',
      'xl/worksheets/sheet1.xml':
        '<x:worksheet><x:sheetData><x:row r="1"><x:c t="inlineStr"><x:is><x:r><x:t>東京</x:t></x:r><x:rPh><x:t>トウキョウ</x:t></x:rPh></x:is></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> a&#13;&#10;b </x:t></x:is></x:c></x:row>' +
        '<x:row r="3"><x:c r="B3" t="d"><x:v>2024-01-31T00:00:00</x:v></x:c><x:c r="C3"><x:v>1</x:v></x:c><x:c r="D3" t="b"><x:v>0</x:v></x:c><x:c r="E3" t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData></x:worksheet>',
      'xl/chartsheets/sheet1.xml': '<chartsheet/>',
    });
    expect(workbookKind(bytes)).toBe('xlsx');
    const r = workbookToCsv(bytes);
    expect(r.ok && r.sheet).toBe('A & B');
    // Row 2 is empty: a row of empty fields, as Excel writes it. An ISO date cell with no format is its serial number (General).
    expect(r.ok && new TextDecoder().decode(r.csv)).toBe('東京," a\r\nb ",,,\n,,,,\n,45322,1,FALSE,#N/A\n');
    const chart = workbookToCsv(bytes, 'chart');
    expect(chart.ok ? null : chart.problem.message).toBe('sheet "Chart" is a chart, not a table. Choose a sheet with a header row and data rows.');
  });

  it('refuses a sheet whose values reach far beyond any table (a stray value in XFD1048576)', () => {
    const bytes = workbook({
      'xl/workbook.xml': '<workbook><sheets><sheet name="Data" r:id="rId1"/></sheets></workbook>',
      'xl/worksheets/sheet1.xml':
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>inquiry</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
    });
    const r = workbookToCsv(bytes);
    expect(r.ok ? null : r.problem.message).toMatch(/^sheet "Data" has values as far as cell XFD1048576, which makes a table too large to read/);
  });

  it('refuses a workbook with no sheet that has cells, and a damaged one, and says what to do', () => {
    const empty = workbook({
      'xl/workbook.xml': '<workbook><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>',
      'xl/worksheets/sheet1.xml': '<worksheet><sheetData/></worksheet>',
    });
    const r = workbookToCsv(empty);
    expect(r.ok ? null : r.problem.message).toBe(
      'no sheet of the workbook has cells (its sheet is "Sheet1"). Put the table in a sheet, a header row then one row per example, and save it again.',
    );
    const damaged = zipSync({ 'xl/workbook.bin': strToU8('x') });
    expect(workbookKind(damaged)).toBe('xlsb');
    expect(workbookKind(strToU8('inquiry,category\n'))).toBeNull();
    expect(workbookKind(zipSync({ 'word/document.xml': strToU8('<w/>') }))).toBeNull();
  });
});

describe('a workbook whose cells are text exports the bytes of the same table as CSV', () => {
  // text-cells.xlsx holds the fixture CSV's cells as text (CR and LF inside cells included); the
  // fixture's train.jsonl and validation.jsonl were written by the notebook from that CSV.
  const fixture = join(import.meta.dirname, '..', 'export', '__fixtures__', 'e2e', '03-unicode_categories');
  const meta = JSON.parse(readFileSync(join(fixture, 'meta.json'), 'utf8')) as { test_size: number; random_state: number; instruction: string };
  const settings: ExportSettings = {
    ...DEFAULT_SETTINGS,
    testSize: { kind: 'float', value: meta.test_size },
    seed: meta.random_state,
    systemPrompt: meta.instruction,
  };
  const concat = (batches: Iterable<Uint8Array[]>): Buffer => Buffer.concat([...batches].flat());

  it('writes the notebook bytes of the CSV fixture', () => {
    const sheet = workbookToCsv(book('text-cells.xlsx'));
    expect(sheet.ok).toBe(true);
    if (!sheet.ok) return;
    const fromBook = exportCsv(sheet.csv, settings, { encoding: 'utf-8', delimiter: ',' }, undefined, { rowOfLine: sheet.rowOfLine });
    const fromCsv = exportCsv(readFileSync(join(fixture, 'dataset.csv')), settings);
    expect(fromBook.ok && fromCsv.ok).toBe(true);
    if (!fromBook.ok || !fromCsv.ok) return;
    expect(concat(fromBook.files.train()).equals(readFileSync(join(fixture, 'train.jsonl')))).toBe(true);
    expect(concat(fromBook.files.validation()).equals(readFileSync(join(fixture, 'validation.jsonl')))).toBe(true);
    expect(concat(fromBook.files.train()).equals(concat(fromCsv.files.train()))).toBe(true);
  });
});
