import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collectCsvPart, exportCsv, exportCsvInTwo, type CsvExportResult, type SecondPart } from './from-csv';
import { DEFAULT_SETTINGS, type ExportSettings } from './types';
import type { ExportFiles } from './collector';

const bytesOf = (s: string): Uint8Array => new TextEncoder().encode(s);
const fileText = (files: ExportFiles, which: 'train' | 'validation'): string => Buffer.concat([...files[which]()].flat()).toString('utf8');

/** The second part read here, as the CLI's thread reads it (structured-cloned, as postMessage does). */
function secondPartOf(bytes: Uint8Array, cut: number, settings: ExportSettings): SecondPart & { started: boolean } {
  let header: string[] | null = null;
  let delimiter = ',';
  return {
    started: false,
    start(h, d) {
      header = h;
      delimiter = d;
      this.started = true;
    },
    result: async () => (header ? structuredClone(collectCsvPart(bytes.subarray(cut), header, delimiter, settings)) : null),
  };
}

/** Every position just after a line feed, the cuts the CLI may choose. */
const cutsOf = (bytes: Uint8Array): number[] => bytes.reduce<number[]>((cuts, b, i) => (b === 10 && i + 1 < bytes.length ? [...cuts, i + 1] : cuts), []);

/** What a user sees of an export: the files' bytes, or the messages, and what was detected. */
function seen(r: CsvExportResult): unknown {
  if (!r.ok) return { kind: r.kind, problems: 'problems' in r ? r.problems : r.problem, info: r.info };
  return { train: fileText(r.files, 'train'), validation: fileText(r.files, 'validation'), summary: r.files.summary, info: r.info, header: r.header };
}

async function inTwo(csv: string, cut: number, settings: ExportSettings = DEFAULT_SETTINGS): Promise<CsvExportResult | null> {
  const bytes = bytesOf(csv);
  return exportCsvInTwo(bytes.subarray(0, cut), secondPartOf(bytes, cut, settings), settings);
}

const rowsCsv = (n: number, eol = '\n'): string =>
  [
    'inquiry,category,sub_category',
    ...Array.from({ length: n }, (_, i) => `question ${i} about my order,${['Billing', 'Shipping', 'Refunds'][i % 3]},s${i % 4}`),
  ].join(eol) + eol;

describe('exportCsvInTwo: the file read in two parts at once gives the bytes of one reading', () => {
  it('at every cut where a line ends: the same files, counts and detected format as exportCsv', async () => {
    const csv = rowsCsv(40, '\r\n');
    const whole = seen(exportCsv(bytesOf(csv), DEFAULT_SETTINGS));
    for (const cut of cutsOf(bytesOf(csv))) {
      const r = await inTwo(csv, cut);
      expect(r, `cut at ${cut}`).not.toBeNull();
      expect(seen(r!)).toEqual(whole);
    }
  });

  it('names the right row when the split fails on a class first seen in the second part', async () => {
    // "Lonely" appears once, far in the second part: sklearn cannot split it; the message names its data row and line.
    const csv = rowsCsv(30) + 'where is my parcel,Lonely,s1\n' + rowsCsv(5).split('\n').slice(1).join('\n');
    const bytes = bytesOf(csv);
    const cut = cutsOf(bytes)[10]!;
    const whole = exportCsv(bytes, DEFAULT_SETTINGS);
    expect(whole.ok).toBe(false);
    const r = await inTwo(csv, cut);
    expect(r).not.toBeNull();
    expect(seen(r!)).toEqual(seen(whole));
    expect(JSON.stringify(seen(r!))).toContain('data row 31 (line 32)');
  });

  it('reads in two parts a file whose lines start with spaces (pandas keeps them; only lone CRs make that matter)', async () => {
    const csv = rowsCsv(30).replace(/\nquestion (2\d)/g, '\n  question $1');
    expect(csv).toContain('\n  question 25');
    const bytes = bytesOf(csv);
    const r = await inTwo(csv, cutsOf(bytes)[10]!);
    expect(r).not.toBeNull();
    expect(seen(r!)).toEqual(seen(exportCsv(bytes, DEFAULT_SETTINGS)));
  });

  it('judges each column over both parts (numbers in one part, words in the other: text)', async () => {
    const csv = 'inquiry,category,sub_category\n' + Array.from({ length: 20 }, (_, i) => `q${i},${i < 10 ? i % 2 : ['a', 'b'][i % 2]},s`).join('\n') + '\n';
    const bytes = bytesOf(csv);
    for (const cut of [cutsOf(bytes)[3]!, cutsOf(bytes)[15]!]) expect(seen((await inTwo(csv, cut))!)).toEqual(seen(exportCsv(bytes, DEFAULT_SETTINGS)));
    // All numbers on both sides: refused as in one reading, naming the first number.
    const numbers = 'inquiry,category,sub_category\n' + Array.from({ length: 20 }, (_, i) => `q${i},${i % 3},s`).join('\n') + '\n';
    const r = await inTwo(numbers, cutsOf(bytesOf(numbers))[12]!);
    expect(seen(r!)).toEqual(seen(exportCsv(bytesOf(numbers), DEFAULT_SETTINGS)));
    expect(r!.ok).toBe(false);
  });

  it('gives way (null: read it whole) where one reading is needed for the right messages or format', async () => {
    const base = rowsCsv(20);
    const cutIn = (csv: string) => cutsOf(bytesOf(csv))[12]!;
    // The cut falls inside a quoted field that spans lines.
    const quoted = base.replace('question 11 about my order', '"question 11\nabout\nmy order"');
    expect(await inTwo(quoted, cutsOf(bytesOf(quoted))[12]!)).toBeNull();
    // A row with too many fields in the second part, and one in the first.
    expect(await inTwo(base.replace('question 15 about my order', 'question 15, about my order'), cutIn(base))).toBeNull();
    expect(await inTwo(base.replace('question 2 about my order', 'question 2, about my order'), cutIn(base))).toBeNull();
    // An empty message in the second part (the message must name its row among all the missing cells).
    expect(await inTwo(base.replace('question 17 about my order', ''), cutIn(base))).toBeNull();
    // Not UTF-8 in the second part.
    const latin = Buffer.concat([Buffer.from(base), Buffer.from('caf\xe9 ferm\xe9,Billing,s1\n', 'latin1')]);
    const settings = DEFAULT_SETTINGS;
    expect(await exportCsvInTwo(latin.subarray(0, cutIn(base)), secondPartOf(latin, cutIn(base), settings), settings)).toBeNull();
    // A quote never closed at the end of the file.
    expect(await inTwo(base + '"never closed,Billing,s1\n', cutIn(base))).toBeNull();
    // Lone carriage returns (the warnings about them are judged over the whole file).
    const cr = base.replace(/(question 16 [^\n]*)\n/, '$1\r');
    expect(cr).toContain('\r');
    expect(await inTwo(cr, cutIn(base))).toBeNull();
  });

  it('matches exportCsv on random files, settings and cuts (or gives way)', async () => {
    const cell = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
      fc.constantFrom('NA', '', ' ', '1', '2.5', 'True', 'é', '"q"', 'a,b', 'line\nbreak'),
    );
    const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const file = fc.record({
      rows: fc.array(fc.tuple(cell, fc.constantFrom('x', 'y', 'z', '3'), fc.constantFrom('p', 'q')), { minLength: 2, maxLength: 30 }),
      eol: fc.constantFrom('\n', '\r\n'),
      extraField: fc.boolean(),
    });
    const settings = fc.record({
      stratify: fc.constantFrom<ExportSettings['stratify']>(null, ['category'], ['category', 'sub_category']),
      labelColumns: fc.constantFrom<string[][]>(['category'], ['category', 'sub_category']),
      jsonStyle: fc.constantFrom<ExportSettings['jsonStyle']>('python', 'compact'),
    });
    let used = 0;
    await fc.assert(
      fc.asyncProperty(file, settings, fc.nat(), async ({ rows, eol, extraField }, chosen, pick) => {
        const s: ExportSettings = { ...DEFAULT_SETTINGS, ...chosen };
        const lines = rows.map((r, i) => r.map(quote).join(',') + (extraField && i === rows.length - 1 ? ',extra' : ''));
        const csv = ['inquiry,category,sub_category', ...lines].join(eol) + eol;
        const bytes = bytesOf(csv);
        const cuts = cutsOf(bytes);
        if (cuts.length === 0) return;
        const cut = cuts[pick % cuts.length]!;
        const r = await exportCsvInTwo(bytes.subarray(0, cut), secondPartOf(bytes, cut, s), s);
        if (r === null) return;
        used++;
        expect(seen(r)).toEqual(seen(exportCsv(bytes, s)));
      }),
      { numRuns: 400 },
    );
    // The property is about the files made in two parts, not only about giving way.
    expect(used).toBeGreaterThan(50);
  });
});
