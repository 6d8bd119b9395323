import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv';
import { workbookToCsv } from './read';

/** Text as Excel writes it in a cell: XML-escaped, a CR as _x000D_, a literal "_xHHHH_" with its underscore escaped. */
const excelText = (s: string): string =>
  s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '_x000D_');

const column = (c: number): string => String.fromCharCode(65 + c);

/** A one-sheet workbook whose cells are text (inline strings), empty cells left out. */
function workbookOf(rows: string[][]): Uint8Array {
  const cells = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">` +
        row.map((v, c) => (v === '' ? '' : `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t xml:space="preserve">${excelText(v)}</t></is></c>`)).join('') +
        '</row>',
    )
    .join('');
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Sheet1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${cells}</sheetData></worksheet>`),
  });
}

const text = fc.string({
  unit: fc.constantFrom('a', 'B', ' ', ',', '"', '\r', '\n', '\t', '_', 'x', '0', 'D', 'é', '😀', '#', 'N', 'A', '&', '<'),
  maxLength: 8,
});

describe('a workbook whose cells are text reads as the same table written as CSV', () => {
  it('for any text, quotes, commas, CR and LF included', () => {
    fc.assert(
      fc.property(
        // Two columns or more: in a one-column sheet a cell of only spaces is a line pandas skips when
        // written unquoted, as Excel writes it, but not when quoted, as Papa writes it (see below).
        fc.integer({ min: 2, max: 4 }).chain((width) =>
          fc.tuple(
            // Header cells and each row's first cell hold something, so the used range is the whole table.
            fc.array(
              text.filter((s) => s !== ''),
              { minLength: width, maxLength: width },
            ),
            fc.array(
              fc.tuple(
                text.filter((s) => s !== ''),
                fc.array(text, { minLength: width - 1, maxLength: width - 1 }),
              ),
              { maxLength: 6 },
            ),
          ),
        ),
        ([header, body]) => {
          const rows = [header, ...body.map(([first, rest]) => [first, ...rest])];
          const sheet = workbookToCsv(workbookOf(rows));
          expect(sheet.ok).toBe(true);
          if (!sheet.ok) return;
          const fromBook = readCsv(sheet.csv, { encoding: 'utf-8', delimiter: ',' });
          const fromCsv = readCsv(strToU8(Papa.unparse(rows, { newline: '\n' }) + '\n'), { encoding: 'utf-8', delimiter: ',' });
          expect(fromBook.ok).toBe(fromCsv.ok);
          if (!fromBook.ok || !fromCsv.ok) return;
          expect(fromBook.table.header).toEqual(fromCsv.table.header);
          expect(fromBook.table.rows).toEqual(fromCsv.table.rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a one-column sheet', () => {
  it('loses a row of only spaces, as pandas skips that line of the CSV Excel writes', () => {
    const sheet = workbookToCsv(workbookOf([['inquiry'], ['  '], ['hello']]));
    expect(sheet.ok && new TextDecoder().decode(sheet.csv)).toBe('inquiry\n  \nhello\n');
    const read = sheet.ok ? readCsv(sheet.csv, { encoding: 'utf-8', delimiter: ',' }) : null;
    expect(read?.ok && read.table.rows).toEqual([['hello']]);
  });
});
