import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv';
import { DEFAULT_SETTINGS, ExampleCollector, type ExportFiles, type ExportSettings } from '../export';
import { addRow, deleteRows, setCell } from './changes';
import { toCsv } from './csv-write';
import { Dataset } from './dataset';
import { exportDataset } from './exporter';

const FIXTURES = join(import.meta.dirname, '..', 'export', '__fixtures__', 'e2e');

interface Meta {
  test_size: number;
  test_size_type: 'int' | 'float';
  random_state: number;
  instruction: string;
  expect: 'match' | 'refuse';
}

const cases = readdirSync(FIXTURES)
  .map((name) => ({ name, dir: join(FIXTURES, name) }))
  .map((c) => ({ ...c, meta: JSON.parse(readFileSync(join(c.dir, 'meta.json'), 'utf8')) as Meta }));

const settingsOf = (meta: Meta): ExportSettings => ({
  ...DEFAULT_SETTINGS,
  testSize: { kind: meta.test_size_type, value: meta.test_size },
  seed: meta.random_state,
  systemPrompt: meta.instruction,
});

function datasetFrom(bytes: Uint8Array): Dataset {
  const r = readCsv(bytes);
  if (!r.ok) throw new Error(r.problem.message);
  return Dataset.fromRows(r.table.header, r.table.rows, r.table.lines);
}

const bytesOf = (files: ExportFiles, which: 'train' | 'validation'): Buffer => Buffer.concat([...files[which]()].flat());

function expectFixtureBytes(ds: Dataset, dir: string, meta: Meta): void {
  const r = exportDataset(ds, settingsOf(meta));
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  expect(bytesOf(r.files, 'train').equals(readFileSync(join(dir, 'train.jsonl')))).toBe(true);
  expect(bytesOf(r.files, 'validation').equals(readFileSync(join(dir, 'validation.jsonl')))).toBe(true);
}

const matching = cases.filter((c) => c.meta.expect === 'match');

describe('exportDataset on the notebook fixtures', () => {
  it('has fixtures to check', () => {
    expect(matching.length).toBeGreaterThanOrEqual(7);
  });

  it.each(matching)("$name: an unedited dataset gives the notebook's bytes", ({ dir, meta }) => {
    expectFixtureBytes(datasetFrom(readFileSync(join(dir, 'dataset.csv'))), dir, meta);
  });

  it.each(matching)('$name: so does the cleaned CSV read back', ({ dir, meta }) => {
    const cleaned = toCsv(datasetFrom(readFileSync(join(dir, 'dataset.csv'))), { neutralizeFormulas: false }).text;
    expectFixtureBytes(datasetFrom(new TextEncoder().encode(cleaned)), dir, meta);
  });

  it.each(matching)('$name: and so does a dataset whose edits were all undone', ({ dir, meta }) => {
    const ds = datasetFrom(readFileSync(join(dir, 'dataset.csv')));
    const changes = [setCell(ds, 0, 0, 'edited'), deleteRows(ds, [1, 2]), addRow(ds, ['x', 'y', 'z'])];
    for (const c of changes) ds.apply(c!);
    for (const c of changes.reverse()) ds.revert(c!);
    expectFixtureBytes(ds, dir, meta);
  });
});

describe('exportDataset files written later', () => {
  it('are the rows as they were when it ran: files written in slices while edits come in do not mix two versions', () => {
    const header = ['inquiry', 'category', 'sub_category'];
    const ds = Dataset.fromRows(
      header,
      Array.from({ length: 20 }, (_, i) => [`message ${i}`, i % 2 ? 'a' : 'b', 's']),
    );
    const before = exportDataset(ds, DEFAULT_SETTINGS);
    if (!before.ok) throw new Error('the split failed');
    const expected = bytesOf(before.files, 'train');
    for (let id = 0; id < 20; id++) ds.apply(setCell(ds, id, 0, `changed ${id}`)!);
    expect(bytesOf(before.files, 'train').equals(expected)).toBe(true);
    expect(bytesOf(before.files, 'train').toString()).not.toContain('changed');
    const after = exportDataset(ds, DEFAULT_SETTINGS);
    expect(after.ok && bytesOf(after.files, 'train').toString()).toContain('changed');
  });
});

describe('exportDataset problems', () => {
  const rows = (): string[][] => Array.from({ length: 10 }, (_, i) => [`text ${i}`, i % 2 ? 'a' : 'b', 's']);

  it('reports a missing column as a value, naming the columns that exist', () => {
    const ds = Dataset.fromRows(['text', 'category', 'sub_category'], rows());
    const r = exportDataset(ds, DEFAULT_SETTINGS);
    expect(r.ok).toBe(false);
    expect(!r.ok && [r.problemCount, r.problems[0]!.code, r.problems[0]!.message]).toEqual([
      1,
      'missing-column',
      expect.stringContaining('no column named "inquiry"') as unknown,
    ]);
  });

  it('names an edited-out cell by its grid row number and file line', () => {
    const ds = Dataset.fromRows(
      ['inquiry', 'category', 'sub_category'],
      rows(),
      rows().map((_, i) => i + 2),
    );
    ds.apply(setCell(ds, 3, 0, '')!);
    const r = exportDataset(ds, DEFAULT_SETTINGS);
    expect(!r.ok && r.problems.map((p) => p.message)).toEqual([
      'data row 4 (line 5): inquiry is empty; the notebook would write NaN as the user message, which is not valid JSON. Fill it in or remove the row.',
    ]);
  });

  it('names an added row by its number, without a line', () => {
    const ds = Dataset.fromRows(['inquiry', 'category', 'sub_category'], rows());
    ds.apply(addRow(ds, ['', 'a', 's']));
    const r = exportDataset(ds, DEFAULT_SETTINGS);
    expect(!r.ok && r.problems[0]!.message).toMatch(/^data row 11: inquiry is empty/);
  });

  it('leaves deleted rows out of the files', () => {
    const ds = Dataset.fromRows(['inquiry', 'category', 'sub_category'], rows());
    ds.apply(deleteRows(ds, [0, 1])!);
    const r = exportDataset(ds, DEFAULT_SETTINGS);
    expect(r.ok && r.files.summary.rows).toBe(8);
  });
});

describe('the messages escaped as the files are written (exportDataset) or escaped and kept first (the CLI)', () => {
  it('gives the same files, in both JSON styles and every target, whatever the messages hold, rows deleted and added included', () => {
    const message = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', minLength: 1 }),
      fc.string({ unit: 'grapheme', minLength: 1 }),
      fc.string({ unit: 'binary', minLength: 1 }),
      fc.constantFrom('say "hi"\\n', 'tab\there', 'naïve café', '😀 emoji', '\u007f DEL', 'x'.repeat(5000)),
    );
    const rows = fc.array(fc.tuple(message, fc.constantFrom('a', 'b', 'Café'), fc.constantFrom('x', 'y')), { minLength: 4, maxLength: 40 });
    const style = fc.record({
      jsonStyle: fc.constantFrom<ExportSettings['jsonStyle']>('python', 'compact'),
      target: fc.constantFrom<ExportSettings['target']>('openai', 'sharegpt', 'alpaca'),
    });
    fc.assert(
      fc.property(rows, style, fc.boolean(), (data, chosen, edit) => {
        const settings: ExportSettings = { ...DEFAULT_SETTINGS, ...chosen, stratify: null };
        const ds = Dataset.fromRows(
          ['inquiry', 'category', 'sub_category'],
          data.map((r) => [...r]),
          data.map((_, i) => i + 2),
        );
        if (edit) {
          ds.apply(deleteRows(ds, [1])!);
          ds.apply(addRow(ds, ['added "row"\n é', 'b', 'y'])!);
        }
        const lazy = exportDataset(ds, settings);
        // The same rows through the collector the CLI feeds, which escapes each message as it comes.
        const start = ExampleCollector.start(ds.header, settings);
        if (!start.ok) throw new Error('not started');
        for (const id of ds.liveIds()) start.collector.add(ds.row(id), ds.rowNumber(id), ds.line(id));
        const kept = start.collector.finish();
        expect(lazy.ok).toBe(kept.ok);
        if (!lazy.ok || !kept.ok) return;
        expect(bytesOf(lazy.files, 'train').equals(bytesOf(kept.files, 'train'))).toBe(true);
        expect(bytesOf(lazy.files, 'validation').equals(bytesOf(kept.files, 'validation'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
