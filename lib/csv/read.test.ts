import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ChunkedBytes } from './decode';
import { readCsv } from './read';
import type { CsvReadResult } from './types';

const enc = new TextEncoder();
const bytes = (s: string): Uint8Array => enc.encode(s);
const read = (s: string | Uint8Array, chunkBytes?: number): CsvReadResult => readCsv(typeof s === 'string' ? bytes(s) : s, chunkBytes ? { chunkBytes } : {});

function rowsOf(s: string | Uint8Array, chunkBytes?: number): string[][] {
  const r = read(s, chunkBytes);
  if (!r.ok) throw new Error(r.problem.message);
  return [r.table.header, ...r.table.rows];
}

describe('readCsv: what pandas.read_csv does to a file (sklearn-split.md §6)', () => {
  it.each<[string, string, string[][]]>([
    [
      'strips a UTF-8 BOM, also before a quoted header',
      '\ufeff"inquiry",b\nx,y\n',
      [
        ['inquiry', 'b'],
        ['x', 'y'],
      ],
    ],
    [
      'ends records at \\n, \\r\\n and a lone \\r, mixed',
      'a,b\n1,2\r\n3,4\r5,6\n',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
        ['5', '6'],
      ],
    ],
    [
      'keeps quoted newlines verbatim',
      'a,b\n"x\r\ny\rz\nw",2\n',
      [
        ['a', 'b'],
        ['x\r\ny\rz\nw', '2'],
      ],
    ],
    [
      'turns "" inside quotes into one quote',
      'a,b\n"say ""hi""",2\n',
      [
        ['a', 'b'],
        ['say "hi"', '2'],
      ],
    ],
    [
      'appends text after a closing quote',
      'a,b\n"x"y,"q"r"s"\n',
      [
        ['a', 'b'],
        ['xy', 'qr"s"'],
      ],
    ],
    [
      'keeps a quote that does not start a field',
      'a,b\nab"c",2\n',
      [
        ['a', 'b'],
        ['ab"c"', '2'],
      ],
    ],
    [
      'keeps leading and trailing spaces, tabs and NBSP',
      'a,b\n  x \t,\u00a0y\u00a0\n',
      [
        ['a', 'b'],
        ['  x \t', '\u00a0y\u00a0'],
      ],
    ],
    [
      'keeps spaces before a quote as text',
      'a,b\n  "q",2\n',
      [
        ['a', 'b'],
        ['  "q"', '2'],
      ],
    ],
    [
      'skips blank and whitespace-only lines',
      'a,b\n\n  \n\t\n1,2\n \t \r\n\n3,4\n\n\n',
      [
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ],
    ],
    [
      'keeps a line of only commas as a row of empty cells',
      'a,b,c\n,,\n',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
    [
      'pads short rows with empty cells',
      'a,b,c\n1\n1,2\n',
      [
        ['a', 'b', 'c'],
        ['1', '', ''],
        ['1', '2', ''],
      ],
    ],
    [
      'reads a last record without a final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'reads a trailing delimiter as an empty last field',
      'a,b\n1,\n',
      [
        ['a', 'b'],
        ['1', ''],
      ],
    ],
    [
      'treats backslash as an ordinary character',
      'a,b\nC:\\path\\,"x\\"\n',
      [
        ['a', 'b'],
        ['C:\\path\\', 'x\\'],
      ],
    ],
    [
      'truncates a cell at a NUL byte',
      'a,b\nx\0y,2\n',
      [
        ['a', 'b'],
        ['x', '2'],
      ],
    ],
    // Checked against pandas 1.5.3: a suffix already used as a name is skipped.
    [
      'renames repeated and empty header names like pandas',
      'a,a,,a.1,a\n1,2,3,4,5\n',
      [
        ['a', 'a.2', 'Unnamed: 2', 'a.1', 'a.3'],
        ['1', '2', '3', '4', '5'],
      ],
    ],
    [
      'names unnamed columns after the named ones',
      ',a,,Unnamed: 0\n1,2,3,4\n',
      [
        ['Unnamed: 0.1', 'a', 'Unnamed: 2', 'Unnamed: 0'],
        ['1', '2', '3', '4'],
      ],
    ],
    [
      'keeps spaces in header names',
      ' inquiry ,b\n1,2\n',
      [
        [' inquiry ', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'skips blank lines before the header',
      '\n\na,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'handles an empty quoted field',
      'a,b\n"",x\n',
      [
        ['a', 'b'],
        ['', 'x'],
      ],
    ],
  ])('%s', (_name, csv, expected) => {
    expect(rowsOf(csv)).toEqual(expected);
  });

  it('numbers data rows from 1 after the header and reports the physical line of each', () => {
    const r = read('a,b\n\n"multi\nline",1\n2,3\r\n\r\n4,5\n');
    expect(r.ok && r.table.lines).toEqual([3, 5, 7]);
  });

  it('lists rows with more fields than the header, with their line, instead of dropping them silently', () => {
    const r = read('a,b\n1,2\n1,2,3\n"x\ny",2,3,4\n5,6\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.rows).toEqual([
      ['1', '2'],
      ['5', '6'],
    ]);
    expect(r.badRows.map((b) => [b.dataRow, b.line, b.fields.length])).toEqual([
      [2, 3, 3],
      [3, 4, 4],
    ]);
  });

  it('refuses an unterminated quote with the line where it starts', () => {
    const r = read('a,b\n1,2\n"open,3\n4,5\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('unterminated-quote');
    expect(r.problem.line).toBe(3);
    expect(r.problem.message).toMatch(/line 3: .*never closed/);
  });

  it('refuses an empty file and a file of blank lines', () => {
    const empty = read('');
    expect(!empty.ok && empty.problem.code).toBe('empty-file');
    const blank = read('\n\n  \n');
    expect(!blank.ok && blank.problem.code).toBe('no-header');
  });
});

describe('readCsv: files the notebook cannot read', () => {
  const utf16 = (s: string, le: boolean, bom: boolean): Uint8Array => {
    const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
    const units = (bom ? '\ufeff' : '') + s;
    for (let i = 0; i < units.length; i++) {
      const u = units.charCodeAt(i);
      out[2 * i + (le ? 0 : 1)] = u & 0xff;
      out[2 * i + (le ? 1 : 0)] = u >> 8;
    }
    return out;
  };

  it.each([
    ['UTF-16 LE with BOM', utf16('a,b\nCafé,😀\n', true, true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16('a,b\nCafé,😀\n', false, true), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16('a,b\nCafé,😀\n', true, false), 'utf-16le'],
  ])('reads %s and says so', (_name, data, encoding) => {
    const r = read(data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info.encoding).toBe(encoding);
    expect(r.table.rows).toEqual([['Café', '😀']]);
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8, and warns that pandas would fail', () => {
    // "Café – €5" in Windows-1252: é = E9, en dash = 96, euro = 80.
    const data = new Uint8Array([...bytes('a,b\nCaf'), 0xe9, 0x20, 0x96, 0x20, 0x80, ...bytes('5,x\n')]);
    const r = read(data);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info.encoding).toBe('windows-1252');
    expect(r.table.rows).toEqual([['Café – €5', 'x']]);
    expect(r.info.warnings.map((w) => w.message).join(' ')).toMatch(/Windows-1252, not UTF-8/);
  });

  it('falls back to Windows-1252 even when the first bad byte comes after many chunks', () => {
    const data = new Uint8Array([...bytes('a,b\n' + 'x,y\n'.repeat(5000)), 0xe9, ...bytes(',z\n')]);
    const r = readCsv(data, { chunkBytes: 1024 });
    expect(r.ok && r.info.encoding).toBe('windows-1252');
    expect(r.ok && r.table.rows.length).toBe(5001);
    expect(r.ok && r.table.rows[5000]).toEqual(['é', 'z']);
  });

  it('refuses bytes that are neither UTF-8 nor Windows-1252, naming line and column', () => {
    const data = new Uint8Array([...bytes('a,b\nok,1\nab'), 0x81, ...bytes(',2\n')]);
    const r = read(data);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('invalid-encoding');
    expect(r.problem.message).toMatch(/^line 3, column 3: .*0x81/);
  });

  it('refuses invalid UTF-8 when UTF-8 is forced, naming the place', () => {
    const data = new Uint8Array([...bytes('a,b\nx'), 0xff, ...bytes(',2\n')]);
    const r = readCsv(data, { encoding: 'utf-8' });
    expect(!r.ok && r.problem.message).toMatch(/^line 2, column 2: the text is not valid UTF-8 \(byte 0xFF\)/);
  });

  it.each([
    ['semicolon', 'a;b\n1,5;x\n', ';'],
    ['tab', 'a\tb\n1,5\tx\n', '\t'],
    ['pipe', 'a|b\n1,5|x\n', '|'],
  ])('detects a %s delimiter when the header has no comma', (_name, csv, delimiter) => {
    const r = read(csv);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info.delimiter).toBe(delimiter);
    expect(r.info.delimiterDetected).toBe(true);
    expect(r.table.rows).toEqual([['1,5', 'x']]);
  });

  it('judges the delimiter from the header, not from blank or whitespace-only lines before it', () => {
    const r = read('\t\n \t\r\ninquiry,category\nq,A\n');
    expect(r.ok && r.info.delimiter).toBe(',');
    expect(r.ok && r.table.header).toEqual(['inquiry', 'category']);
  });

  it('uses a forced delimiter', () => {
    expect(rowsOf('a;b,c\n1;2,3\n').length).toBe(2);
    const r = readCsv(bytes('a;b,c\n1;2,3\n'), { delimiter: ';' });
    expect(r.ok && r.table.rows).toEqual([['1', '2,3']]);
  });

  it.each([
    ['a ZIP with no workbook inside (a workbook is read by lib/xlsx first)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /ZIP archive with no workbook inside/],
    ['a PDF', [...bytes('%PDF-1.7\n')], /PDF/],
    ['random binary', Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /binary file/],
  ])('refuses %s as not a CSV', (_name, data, message) => {
    const r = read(new Uint8Array(data));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('binary-file');
    expect(r.problem.message).toMatch(message);
  });

  it('warns about lone-CR files with indented lines, which pandas 1.5 misreads', () => {
    const r = read('a,b\r  x,1\r3,4\r');
    expect(r.ok && r.table.rows).toEqual([
      ['  x', '1'],
      ['3', '4'],
    ]);
    expect(r.ok && r.info.warnings.map((w) => w.code)).toContain('cr-line-endings');
  });
});

describe('readCsv properties', () => {
  const cellChars = fc.constantFrom('a', 'b', 'é', '😀', ' ', '\t', ',', '"', '\n', '\r', 'x', '1', ';');

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (data, chunk) => {
        const r = readCsv(data, { chunkBytes: chunk });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on CSV-like text, and the chunk size never changes the result', () => {
    fc.assert(
      fc.property(fc.array(cellChars, { maxLength: 200 }), fc.integer({ min: 1, max: 16 }), (chars, chunk) => {
        const text = chars.join('');
        const whole = read(text);
        const pieces = read(text, chunk);
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 1000 },
    );
  });

  // A reference: papaparse, on well-formed CSV (RFC 4180 quoting, one line ending per file), where
  // pandas and every careful parser agree. Rows are at least two cells wide and never all blank,
  // because pandas skips blank and whitespace-only lines (tested above).
  const cell = fc.array(cellChars, { maxLength: 8 }).map((c) => c.join(''));
  const table = fc.integer({ min: 2, max: 4 }).chain((width) =>
    fc.array(
      fc.array(cell, { minLength: width, maxLength: width }).filter((r) => r.some((c) => c.trim() !== '')),
      { minLength: 1, maxLength: 12 },
    ),
  );

  it('agrees with papaparse on well-formed CSV', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.boolean(), (rows, eol, finalEol) => {
        const header = rows[0]!.map((_, i) => `c${i}`);
        const text = Papa.unparse([header, ...rows], { newline: eol, quotes: false }) + (finalEol ? eol : '');
        const reference = Papa.parse<string[]>(text, { newline: eol, delimiter: ',' }).data.filter((r) => !(r.length === 1 && r[0] === ''));
        // pandas reads NUL-free text the same way; whitespace-only first cells are the only
        // place pandas looks at whitespace, and those rows are fields like any other.
        expect(rowsOf(text)).toEqual(reference);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('readCsv with header: false (a file without a header row, pandas header=None)', () => {
  const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('names the columns column 1, column 2, … and reads the first line as data row 1', () => {
    const r = readCsv(bytes('give me the weather,weather_query\n"wake me up, please",alarm_set\n'), { header: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.table.header).toEqual(['column 1', 'column 2']);
    expect(r.table.rows).toEqual([
      ['give me the weather', 'weather_query'],
      ['wake me up, please', 'alarm_set'],
    ]);
    expect(r.table.lines).toEqual([1, 2]);
  });

  it('pads short rows, sets longer ones aside with their data-row numbers, and detects the delimiter', () => {
    const r = readCsv(bytes('a;b;c\nd\ne;f;g;h\n'), { header: false });
    expect(r.ok && r.table.rows).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
    expect(r.ok && r.badRows).toEqual([{ dataRow: 3, line: 3, fields: ['e', 'f', 'g', 'h'], expected: 3 }]);
    expect(r.ok && r.info.delimiter).toBe(';');
  });

  it('keeps empty and duplicate first-row cells as data (no Unnamed: or .1 names)', () => {
    const r = readCsv(bytes(',x,x\n1,2,3\n'), { header: false });
    expect(r.ok && r.table.header).toEqual(['column 1', 'column 2', 'column 3']);
    expect(r.ok && r.table.rows).toEqual([
      ['', 'x', 'x'],
      ['1', '2', '3'],
    ]);
  });

  it('reads the HWU64 Watson file (no header line) as all its 192 records', () => {
    const file = readFileSync(join(import.meta.dirname, '../../test-data/datasets/hwu64/watson-kfold1/WatsonNluIntentsMerged_2018_03_22-13_01_25_169.csv'));
    const withHeader = readCsv(file);
    const without = readCsv(file, { header: false });
    expect(withHeader.ok && withHeader.table.rows.length).toBe(191);
    expect(without.ok && without.table.rows.length).toBe(192);
    expect(without.ok && without.table.rows[0]).toEqual(['give me the weather for merced at three pm', 'weather_query']);
  });
});

/** `bytes` read in pieces as the CLI reads a file: one buffer, overwritten by every piece (and scribbled on after use). */
function inPieces(bytes: Uint8Array, headBytes: number): ChunkedBytes & { wholeReads: number } {
  let buffer = new Uint8Array(0);
  const source = {
    size: bytes.length,
    head: bytes.slice(0, headBytes),
    wholeReads: 0,
    *pieces(from: number, chunkBytes: number) {
      if (buffer.length < chunkBytes) buffer = new Uint8Array(chunkBytes);
      for (let at = from; at < bytes.length; at += chunkBytes) {
        const piece = buffer.subarray(0, Math.min(chunkBytes, bytes.length - at));
        piece.set(bytes.subarray(at, at + piece.length));
        yield piece;
        piece.fill(0x3f);
      }
    },
    whole() {
      source.wholeReads++;
      return bytes.slice();
    },
  };
  return source;
}

describe('readCsv on a file read in pieces (the CLI reads its input so)', () => {
  const cellChars = fc.constantFrom('a', 'é', '😀', ' ', ',', '"', '\n', '\r', '1', ';', '\ufeff');

  it('reads what the bytes in memory read, whatever the text and the piece size', () => {
    fc.assert(
      fc.property(fc.array(cellChars, { maxLength: 200 }), fc.integer({ min: 1, max: 16 }), (chars, chunk) => {
        const data = bytes(chars.join(''));
        expect(readCsv(inPieces(data, 64 * 1024), { chunkBytes: chunk })).toEqual(readCsv(data, { chunkBytes: chunk }));
      }),
      { numRuns: 500 },
    );
  });

  it('reads what the bytes in memory read, whatever the bytes (not UTF-8: read whole, once, for Windows-1252)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (data, chunk) => {
        expect(readCsv(inPieces(data, 64 * 1024), { chunkBytes: chunk })).toEqual(readCsv(data, { chunkBytes: chunk }));
      }),
      { numRuns: 500 },
    );
  });

  it('needs every byte at once only for a file that is not UTF-8', () => {
    const utf8 = inPieces(bytes('inquiry,category\ncafé,a\n'), 64 * 1024);
    expect(readCsv(utf8, { chunkBytes: 4 }).ok).toBe(true);
    expect(utf8.wholeReads).toBe(0);
    const cp1252 = inPieces(new Uint8Array([...bytes('inquiry,category\ncaf'), 0xe9, ...bytes(',a\n')]), 64 * 1024);
    const r = readCsv(cp1252, { chunkBytes: 4 });
    expect(r.ok && r.table.rows).toEqual([['café', 'a']]);
    expect(r.ok && r.info.encoding).toBe('windows-1252');
    expect(cp1252.wholeReads).toBe(1);
  });
});
