import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCsv } from './from-csv';
import { DEFAULT_SETTINGS, type ExportSettings } from './types';
import { BATCH_BYTES, type BatchBuffers, type ExportFiles } from './collector';

const FIXTURES = join(import.meta.dirname, '__fixtures__', 'e2e');

interface Meta {
  test_size: number;
  test_size_type: 'int' | 'float';
  random_state: number;
  instruction: string;
  expect: 'match' | 'refuse';
  refuse_reason?: string;
}

const cases = readdirSync(FIXTURES).map((name) => {
  const dir = join(FIXTURES, name);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
  return { name, dir, meta };
});

const settingsOf = (meta: Meta): ExportSettings => ({
  ...DEFAULT_SETTINGS,
  testSize: { kind: meta.test_size_type, value: meta.test_size },
  seed: meta.random_state,
  systemPrompt: meta.instruction,
});

const concat = (batches: Iterable<Uint8Array[]>): Buffer => Buffer.concat([...batches].flat());
const text = (files: ExportFiles, which: 'train' | 'validation'): string => concat(files[which]()).toString('utf8');

describe('exportCsv on the notebook fixtures', () => {
  it.each(cases.filter((c) => c.meta.expect === 'match'))('$name: writes the notebook bytes', ({ dir, meta }) => {
    const r = exportCsv(readFileSync(join(dir, 'dataset.csv')), settingsOf(meta));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(concat(r.files.train()).equals(readFileSync(join(dir, 'train.jsonl')))).toBe(true);
    expect(concat(r.files.validation()).equals(readFileSync(join(dir, 'validation.jsonl')))).toBe(true);
  });

  it.each(cases.filter((c) => c.meta.expect === 'match'))('$name: writes the same bytes into lent buffers, used again at once', ({ dir, meta }) => {
    const r = exportCsv(readFileSync(join(dir, 'dataset.csv')), settingsOf(meta));
    if (!r.ok) throw new Error('not exported');
    // One buffer lent again for every batch, so a batch must be written (here: copied) before the next is asked.
    const one = new Uint8Array(BATCH_BYTES);
    const lender: BatchBuffers = { take: (bytes) => (bytes <= one.length ? one : new Uint8Array(bytes)) };
    const copied = (batches: Iterable<Uint8Array[]>): Buffer => Buffer.concat(Array.from(batches, (b) => Buffer.concat(b)));
    expect(copied(r.files.train(lender)).equals(readFileSync(join(dir, 'train.jsonl')))).toBe(true);
    expect(copied(r.files.validation(lender)).equals(readFileSync(join(dir, 'validation.jsonl')))).toBe(true);
  });

  it.each(cases.filter((c) => c.meta.expect === 'refuse'))('$name: refuses ($meta.refuse_reason)', ({ dir, meta }) => {
    const r = exportCsv(readFileSync(join(dir, 'dataset.csv')), settingsOf(meta));
    expect(r.ok).toBe(false);
    if (r.ok || r.kind === 'unreadable') return;
    expect(r.kind).toBe('refused');
    // Every refusal points at a place: a data row and line, or a column.
    for (const p of r.problems) expect(p.dataRow ?? p.column).toBeDefined();
  });
});

const csvOf = (rows: string[][]): Uint8Array =>
  new TextEncoder().encode(['inquiry,category,sub_category', ...rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))].join('\n') + '\n');

const refusal = (rows: string[][], settings: Partial<ExportSettings> = {}): string[] => {
  const r = exportCsv(csvOf(rows), { ...DEFAULT_SETTINGS, ...settings });
  if (r.ok) return [];
  return r.kind === 'unreadable' ? [r.problem.message] : r.problems.map((p) => p.message);
};

const balanced = (n: number, cats = ['a', 'b']): string[][] => Array.from({ length: n }, (_, i) => [`text ${i}`, cats[i % cats.length]!, 's']);

describe('exportCsv refusals say what, where and what to do', () => {
  it('names the row, line, column and value of an NA string', () => {
    const rows = balanced(10);
    rows[3] = ['N/A', 'a', 's'];
    expect(refusal(rows)).toEqual([
      'data row 4 (line 5): inquiry is "N/A", which pandas reads as a missing value (NaN); the notebook would write NaN as the user message, which is not valid JSON. Change the value or remove the row.',
    ]);
  });

  it('does not mistake "None" for missing (pandas 1.5 reads it as text) nor " NA" with a space', () => {
    const rows = balanced(10);
    rows[0] = ['None', 'a', 's'];
    rows[1] = [' NA', 'b', 's'];
    expect(refusal(rows)).toEqual([]);
  });

  it('refuses a label column pandas would read as numbers, showing what would be written', () => {
    const rows = balanced(10).map((r, i) => [r[0]!, r[1]!, i % 2 ? '007' : '1e3']);
    expect(refusal(rows)[0]).toMatch(/^sub_category: every value is a number, so pandas .* would write 1000\.0 where the file says "1e3"/);
  });

  it('refuses a label column pandas would read as booleans', () => {
    const rows = balanced(10).map((r, i) => [r[0]!, r[1]!, i % 2 ? 'TRUE' : 'false']);
    expect(refusal(rows)[0]).toMatch(/every value is true\/false/);
  });

  it('accepts a numeric-looking label when one value in the column is text', () => {
    const rows = balanced(10).map((r, i) => [r[0]!, r[1]!, i === 0 ? 'other' : '007']);
    expect(refusal(rows)).toEqual([]);
  });

  it('writes NA strings as text where pandas keeps them (an integer column beyond int64 with a negative value)', () => {
    const rows = balanced(10).map((r, i) => [r[0]!, r[1]!, ['-1', '9223372036854775808', ''][i % 3]!]);
    expect(refusal(rows)).toEqual([]);
  });

  it('explains the first data row with one field too many (pandas would shift the columns)', () => {
    const r = exportCsv(new TextEncoder().encode('inquiry,category,sub_category\n0,q,a,s\n1,q,b,s\n'), DEFAULT_SETTINGS);
    expect(!r.ok && r.kind !== 'unreadable' && r.problems[0]!.message).toMatch(
      /^line 2 \(data row 1\): 4 fields, but the header has 3\. pandas would silently use the first column as row labels/,
    );
  });

  it('reads valid UTF-8 with control characters as text, not as a binary file', () => {
    const text = 'inquiry,category,sub_category\n' + 'q\x01\x02\x03,a,x\nq,b,y\n'.repeat(5);
    expect(refusal([]).length).toBe(1);
    const r = exportCsv(new TextEncoder().encode(text), DEFAULT_SETTINGS);
    expect(r.ok).toBe(true);
  });

  it('points at the single row of a class too small to split', () => {
    const rows = [...balanced(10), ['lonely', 'c', 's']];
    const [msg] = refusal(rows);
    expect(msg).toMatch(/^data row 11 \(line 12\): category "c" has only this one row/);
  });

  it('explains a validation set smaller than the number of classes, with the size that would work', () => {
    const rows = balanced(30, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(refusal(rows, { testSize: { kind: 'float', value: 0.1 } })[0]).toMatch(
      /validation file would get 3 rows but there are 7 category values.*at least 7 rows/,
    );
  });

  it('reports a missing column as a usage problem naming the columns that exist', () => {
    const r = exportCsv(csvOf(balanced(4)), { ...DEFAULT_SETTINGS, textColumn: 'Inquiry' });
    expect(!r.ok && r.kind).toBe('usage');
    expect(!r.ok && r.kind === 'usage' && r.problems[0]!.message).toMatch(/no column named "Inquiry".*Did you mean "inquiry"\?/);
  });

  it('refuses a file with a header and no rows', () => {
    expect(refusal([])).toEqual(['the file has a header but no data rows. Add examples below the header.']);
  });
});

describe('exportCsv settings', () => {
  const rows = balanced(20, ['x', 'y']);
  const lines = (settings: Partial<ExportSettings>): { train: string[]; validation: string[] } => {
    const r = exportCsv(csvOf(rows), { ...DEFAULT_SETTINGS, ...settings });
    if (!r.ok) throw new Error('refused');
    return { train: text(r.files, 'train').split('\n').slice(0, -1), validation: text(r.files, 'validation').split('\n').slice(0, -1) };
  };

  it('takes an int test size as a row count and a float as a share (40 and 40.0 differ, as in Python)', () => {
    expect(lines({ testSize: { kind: 'int', value: 3 } }).validation).toHaveLength(3);
    expect(lines({ testSize: { kind: 'float', value: 0.3 } }).validation).toHaveLength(6);
  });

  it('uses the label column names as keys in the order given', () => {
    const { train } = lines({ labelColumns: ['sub_category', 'category'] });
    const answer = (JSON.parse(train[0]!) as { messages: { content: string }[] }).messages[2]!.content;
    expect(Object.keys(JSON.parse(answer) as object)).toEqual(['sub_category', 'category']);
  });

  it('writes compact UTF-8 lines that hold the same examples as the python style', () => {
    const py = lines({});
    const compact = lines({ jsonStyle: 'compact' });
    // The assistant content is itself JSON text, whose spacing follows the style: compare it parsed.
    const examples = (ls: string[]): unknown[] =>
      ls.map((l) => {
        const m = (JSON.parse(l) as { messages: { role: string; content: string }[] }).messages;
        return m.map((x) => (x.role === 'assistant' ? { ...x, content: JSON.parse(x.content) as unknown } : x));
      });
    expect(examples(compact.train)).toEqual(examples(py.train));
    expect(compact.train[0]).not.toContain(', ');
  });

  it('without stratification takes the permutation as sklearn ShuffleSplit does', () => {
    const { train, validation } = lines({ stratify: null });
    expect(train.length + validation.length).toBe(20);
  });
});

describe('exportCsv properties', () => {
  const label = fc.constantFrom('a', 'b', 'c', 'Café', '😀', 'B');
  const dataset = fc.array(
    fc.tuple(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== ''),
      label,
      label,
    ),
    {
      minLength: 1,
      maxLength: 60,
    },
  );

  it('splits every example into exactly one of the two files, and the same seed gives the same bytes', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (rows, seed) => {
        const settings = { ...DEFAULT_SETTINGS, seed, stratify: null };
        const a = exportCsv(csvOf(rows), settings);
        const b = exportCsv(csvOf(rows), settings);
        if (!a.ok || !b.ok) {
          expect(a.ok).toBe(b.ok);
          return;
        }
        const trainA = text(a.files, 'train');
        expect(trainA).toBe(text(b.files, 'train'));
        const all = (trainA + text(a.files, 'validation')).split('\n').slice(0, -1);
        expect(all).toHaveLength(rows.length);
        const users = all.map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages[1]!.content).sort();
        expect(users).toEqual(rows.map((r) => r[0]).sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe('plain ASCII messages written by the loop or by TextEncoder (PlainWrites)', () => {
  it('gives the same files either way, in both JSON styles, whatever the messages hold', () => {
    const message = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', minLength: 1 }),
      fc.string({ unit: 'grapheme', minLength: 1 }),
      fc.string({ unit: 'binary', minLength: 1 }),
    );
    const rows = fc.array(
      fc.tuple(
        message.filter((s) => s.trim() !== ''),
        fc.constantFrom('a', 'b', 'Café'),
        fc.constantFrom('x', 'y'),
      ),
      { minLength: 2, maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, fc.constantFrom<ExportSettings['jsonStyle']>('python', 'compact'), (data, jsonStyle) => {
        const settings = { ...DEFAULT_SETTINGS, jsonStyle, stratify: null };
        const [loop, encoder] = (['loop', 'encoder'] as const).map((plainWrites) => exportCsv(csvOf(data), settings, {}, undefined, { plainWrites }));
        expect(loop!.ok).toBe(encoder!.ok);
        if (!loop!.ok || !encoder!.ok) return;
        expect(text(loop!.files, 'train')).toBe(text(encoder!.files, 'train'));
        expect(text(loop!.files, 'validation')).toBe(text(encoder!.files, 'validation'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the files as batches', () => {
  it('hands out batches of about 2 MB, each one buffer, and a line longer than that whole in a batch of its own', () => {
    const long = 'x'.repeat(3 << 20);
    const rows = Array.from({ length: 30_000 }, (_, i) => [i === 123 ? long : `question number ${i} about an order`, `c${i % 2}`, 's']);
    const r = exportCsv(csvOf(rows), { ...DEFAULT_SETTINGS, textColumn: 'inquiry' });
    if (!r.ok) throw new Error('not exported');
    const batches = [...r.files.train(), ...r.files.validation()];
    expect(batches.every((b) => b.length === 1)).toBe(true);
    const sizes = batches.map((b) => b[0]!.length);
    expect(sizes.filter((n) => n > BATCH_BYTES)).toHaveLength(1);
    expect(Math.max(...sizes)).toBeGreaterThan(3 << 20);
    expect(batches.flat().some((b) => Buffer.from(b).includes(long))).toBe(true);
    // The same bytes in one lent buffer, used again for every batch that fits.
    const one = new Uint8Array(BATCH_BYTES);
    const lender: BatchBuffers = { take: (bytes) => (bytes <= one.length ? one : new Uint8Array(bytes)) };
    const copied = Array.from(r.files.train(lender), (b) => Buffer.concat(b));
    expect(Buffer.concat(copied).equals(Buffer.concat(batches.slice(0, copied.length).flat()))).toBe(true);
  });
});
