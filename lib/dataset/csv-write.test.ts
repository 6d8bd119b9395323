import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pandasColumnNames, readCsv, type CsvOptions } from '../csv';
import { addRow, deleteRows, setCell } from './changes';
import { toCsv } from './csv-write';
import { markReview } from './review';
import { Dataset } from './dataset';

const dataset = (header: string[], rows: string[][]): Dataset =>
  Dataset.fromRows(
    header,
    rows.map((r) => [...r]),
  );
const csv = (header: string[], rows: string[][], neutralizeFormulas = false): string => toCsv(dataset(header, rows), { neutralizeFormulas }).text;

function readBack(text: string, options: CsvOptions = {}): string[][] {
  const r = readCsv(new TextEncoder().encode(text), options);
  if (!r.ok) throw new Error(r.problem.message);
  expect(r.badRows).toEqual([]);
  return [r.table.header, ...r.table.rows];
}

describe('toCsv', () => {
  it.each<[string, string[], string[][], string]>([
    ['plain cells, a final newline', ['a', 'b'], [['1', 'x']], 'a,b\n1,x\n'],
    [
      'quotes the delimiter, quotes, CR and LF',
      ['a', 'b'],
      [
        ['x,y', 'say "hi"'],
        ['l1\nl2', 'c\r'],
      ],
      'a,b\n"x,y","say ""hi"""\n"l1\nl2","c\r"\n',
    ],
    ['quotes leading and trailing spaces', ['a', 'b'], [[' x', 'y ']], 'a,b\n" x","y "\n'],
    ['leaves an NA string as it is', ['a', 'b'], [['NA', 'null']], 'a,b\nNA,null\n'],
    ['keeps empty cells empty when the row has a comma', ['a', 'b'], [['', '']], 'a,b\n,\n'],
    ['one column: quotes an empty cell, which would be a skipped blank line', ['a'], [[''], ['x']], 'a\n""\nx\n'],
    ['one column: quotes a tab-only cell, which would be a skipped whitespace line', ['a'], [['\t'], ['\t x']], 'a\n"\t"\n"\t x"\n'],
    ['one column: quotes ; | and tab, which a comma-less header would make the delimiter', ['a;b'], [['x;y'], ['p|q'], ['ok']], '"a;b"\n"x;y"\n"p|q"\nok\n'],
    ['quotes a BOM at the start of the header', ['\ufeffa', 'b'], [], '"\ufeffa",b\n'],
  ])('%s', (_name, header, rows, expected) => {
    expect(csv(header, rows)).toBe(expected);
    expect(readBack(expected)).toEqual([header, ...rows]);
  });

  it('writes CRLF when asked', () => {
    expect(toCsv(dataset(['a'], [['1'], ['2']]), { neutralizeFormulas: false, lineEnding: '\r\n' }).text).toBe('a\r\n1\r\n2\r\n');
  });

  it('writes the live rows in export order, edits included, added rows last', () => {
    const ds = dataset(
      ['a', 'b'],
      [
        ['1', 'x'],
        ['2', 'y'],
        ['3', 'z'],
      ],
    );
    ds.apply(addRow(ds, ['4', 'new']));
    ds.apply(deleteRows(ds, [1])!);
    ds.apply(setCell(ds, 2, 1, 'Z')!);
    expect(toCsv(ds, { neutralizeFormulas: false }).text).toBe('a,b\n1,x\n3,Z\n4,new\n');
  });

  it('neutralises formula-like data cells with a leading quote and counts them; the header is left alone', () => {
    const rows = [
      ['=SUM(A1)', '+1', '-2', '@cmd'],
      ['\tx', '\ry', 'a=b', "'quoted"],
    ];
    const r = toCsv(dataset(['=h', 'b', 'c', 'd'], rows), { neutralizeFormulas: true });
    expect(r.neutralized).toBe(6);
    expect(readBack(r.text)).toEqual([
      ['=h', 'b', 'c', 'd'],
      ["'=SUM(A1)", "'+1", "'-2", "'@cmd"],
      ["'\tx", "'\ry", 'a=b', "'quoted"],
    ]);
    expect(toCsv(dataset(['a'], [['=1']]), { neutralizeFormulas: false })).toEqual({ text: 'a\n=1\n', neutralized: 0 });
  });

  it('writes a million-row-sized table in pieces without changing the text', () => {
    const rows = Array.from({ length: 45_000 }, (_, i) => [`row ${i}`, i % 7 === 0 ? '' : 'x,y']);
    const text = csv(['a', 'b'], rows);
    expect(text.split('\n')).toHaveLength(45_002);
    expect(readBack(text).slice(-1)).toEqual([rows.at(-1)]);
  });

  // Characters that matter to a CSV reader, plus any other character (C0 controls aside: the
  // reader refuses text full of them as binary, and NUL cannot be stored by pandas at all).
  const special = fc.constantFrom(
    ',',
    '"',
    '\n',
    '\r',
    '\r\n',
    ' ',
    '\t',
    ';',
    '|',
    '\ufeff',
    '=',
    '-',
    "'",
    'a',
    'NA',
    'é',
    '😀',
    '\u00a0',
    '\u2028',
    '\\',
    '#',
  );
  const allowed = (ch: string): boolean => ch >= ' ' || '\t\n\f\r'.includes(ch);
  const anyChar = fc.string({ unit: 'binary', maxLength: 3 }).map((s) => [...s].filter(allowed).join(''));
  const cell = fc.string({ unit: fc.oneof(special, anyChar), maxLength: 6 });
  const table = fc.integer({ min: 1, max: 4 }).chain((width) =>
    fc.record({
      header: fc
        .uniqueArray(
          cell.filter((h) => h !== ''),
          { minLength: width, maxLength: width },
        )
        .filter((h) => pandasColumnNames(h).every((n, i) => n === h[i])),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
      crlf: fc.boolean(),
    }),
  );

  it("property: read back with pandas' rules (comma), the header and every cell are the same", () => {
    fc.assert(
      fc.property(table, ({ header, rows, crlf }) => {
        const { text } = toCsv(dataset(header, rows), { neutralizeFormulas: false, lineEnding: crlf ? '\r\n' : '\n' });
        expect(readBack(text, { delimiter: ',' })).toEqual([header, ...rows]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: uploaded again into Trainset (delimiter detected), the same too when the header has no line break', () => {
    fc.assert(
      fc.property(
        table.filter(({ header }) => header.every((h) => !/[\r\n]/.test(h))),
        ({ header, rows }) => {
          const { text } = toCsv(dataset(header, rows), { neutralizeFormulas: false });
          expect(readBack(text)).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('toCsv with the review status column', () => {
  it('adds review_status last when asked, and nothing otherwise', () => {
    const ds = Dataset.fromRows(
      ['inquiry', 'category'],
      [
        ['refund please', 'Billing'],
        ['where is it', 'Shipping'],
      ],
    );
    ds.apply(markReview(ds, [1], 'flagged')!);
    expect(toCsv(ds, { neutralizeFormulas: false, reviewColumn: 'review_status' }).text).toBe(
      'inquiry,category,review_status\nrefund please,Billing,unreviewed\nwhere is it,Shipping,flagged\n',
    );
    expect(toCsv(ds, { neutralizeFormulas: false }).text).toBe('inquiry,category\nrefund please,Billing\nwhere is it,Shipping\n');
  });
});
