import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../csv';
import { Dataset, deleteRows, addRow, setCell } from '../dataset';
import { syntheticCsv } from '../dataset/testing';
import { fixChange } from './fix';
import { runChecks } from './run';
import { checkInput, columnsTable, datasetTable } from './table';
import { check, filler, finding, HEADER } from './testing';
import { DEFAULT_THRESHOLDS, THRESHOLD_INFO } from './thresholds';
import type { CheckReport } from './types';

/** A small table with a bit of everything wrong. */
const MESSY = [
  ...filler(40),
  ['', 'billing', 'refund'],
  ['where is my money', 'billing', 'N/A'],
  [' where is my refund', 'billing', 'refund'],
  ['Where is my refund', 'Biling', 'refund'],
  ['call me on +44 20 7946 0958', 'billing', 'refund'],
  ['ok', 'shipping', 'late'],
];

describe('runChecks', () => {
  it('lists errors first, then warnings, then info, by id within each', () => {
    const report = check([...MESSY, ...filler(200, 'billing', 'refund').map((r) => [`${r[0]} again`, 'billing', 'refund'])]);
    const order = report.checks.map((c) => `${c.severity} ${c.id}`);
    expect(order).toEqual([
      'error empty',
      'error na-string',
      'error rare-class',
      'warning conflicting-duplicate',
      'warning hierarchy',
      'warning label-variant',
      'warning length',
      'warning pii',
      'warning whitespace',
      'info imbalance',
      'info near-duplicate',
    ]);
  });

  it('reports the thresholds it used, defaults merged with overrides', () => {
    const report = check(filler(60), { options: { thresholds: { fewClassRows: 5, maxTokens: Number.NaN } } });
    expect(report.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, fewClassRows: 5 });
    for (const [name, t] of Object.entries(THRESHOLD_INFO)) {
      expect(DEFAULT_THRESHOLDS[name as keyof typeof DEFAULT_THRESHOLDS]).toBe(t.value);
      expect(t.why.length).toBeGreaterThan(20);
    }
  });

  it('says nothing about clean data', () => {
    expect(check(filler(200).map((r, i) => [r[0]!, i % 2 ? 'billing' : 'shipping', i % 2 ? 'refund' : 'late'])).checks).toEqual([]);
  });

  it('reports rows set aside by the reader as malformed, without ids', () => {
    const table = columnsTable(
      HEADER,
      HEADER.map(() => filler(60).map((r) => r[0]!)),
      60,
      Int32Array.from({ length: 60 }, (_, i) => (i < 5 ? i + 1 : i + 2)),
    );
    const report = runChecks({ table, text: 0, labels: [], stratify: null, testSize: { kind: 'float', value: 0.2 }, setAside: [{ dataRow: 6, line: 7 }] });
    expect(finding(report, 'malformed-row')).toEqual({
      id: 'malformed-row',
      severity: 'error',
      count: 1,
      rows: [6],
      rowIds: [],
      message:
        '1 row has more fields than the header (row 6; the first is on line 7), so they were not checked and pandas would refuse the file. A text containing the delimiter must be quoted ("like, this"): fix the rows or remove them.',
    });
  });

  it('resolves column names, naming those the header lacks', () => {
    const table = columnsTable(HEADER, [[], [], []], 0);
    const settings = {
      textColumn: 'inquiry',
      labelColumns: ['category', 'subcategory'],
      stratify: ['category'],
      testSize: { kind: 'float', value: 0.2 } as const,
    };
    expect(checkInput(table, settings)).toEqual({ ok: false, missing: ['subcategory'] });
    expect(checkInput(table, { ...settings, labelColumns: ['category', 'sub_category'] })).toMatchObject({
      ok: true,
      input: { text: 0, labels: [1, 2], stratify: [1] },
    });
  });
});

/** Invariants of every report, whatever the data. */
function expectWellFormed(report: CheckReport): void {
  const rank = { error: 0, warning: 1, info: 2 };
  for (let i = 1; i < report.checks.length; i++) {
    const a = report.checks[i - 1]!;
    const b = report.checks[i]!;
    expect(rank[a.severity] < rank[b.severity] || (a.severity === b.severity && a.id <= b.id)).toBe(true);
  }
  for (const c of report.checks) {
    if (c.id !== 'too-few-examples') expect(c.count).toBe(c.rows.length);
    expect(c.rows).toEqual([...new Set(c.rows)].sort((x, y) => x - y));
    if (c.id !== 'malformed-row') expect(c.rowIds).toHaveLength(c.rows.length);
    expect(c.message).toMatch(/\S.*\.$/s);
    for (const f of c.fixes ?? []) {
      expect(f.rows.every((r) => c.rows.includes(r))).toBe(true);
      expect(f.rowIds).toHaveLength(f.rows.length);
    }
  }
}

const messyCell = fc.constantFrom(
  '',
  ' ',
  'NA',
  'None',
  'a',
  'A',
  'a ',
  'a  b',
  'billing',
  'Billing',
  'Biling',
  'x\u00a0y',
  'Ã©',
  'call +44 20 7946 0958',
  '7',
  'true',
  'a@b.co',
);

describe('runChecks with free-text answers', () => {
  // Answers a chatbot gives: some repeat, some differ only in case or punctuation, one is "NA".
  const answers = ['Sure!', 'sure.', 'NA', ...Array.from({ length: 37 }, () => 'Sure!')];
  const rows = filler(40).map((r, i) => [r[0]!, answers[i]!]);
  const spec = { header: ['inquiry', 'assistant'], labels: [1], stratify: null };
  const ids = (report: CheckReport): string[] => report.checks.map((c) => c.id).sort();

  it('skips the checks about label values and pandas, which do not apply to answers written as they are', () => {
    expect(ids(check(rows, spec))).toEqual(['imbalance', 'label-variant', 'na-string', 'too-few-examples']);
    expect(ids(check(rows, { ...spec, answer: 'text' }))).toEqual(['too-few-examples']);
    const numbers = rows.map((r, i) => [r[0]!, String(i)]);
    expect(ids(check(numbers, spec))).toEqual(['inferred-type', 'too-few-examples']);
    expect(ids(check(numbers, { ...spec, answer: 'text' }))).toEqual(['too-few-examples']);
  });

  it('still refuses an empty answer', () => {
    const report = check([...rows.slice(1), ['an empty answer', '']], { ...spec, answer: 'text' });
    expect(finding(report, 'empty', 'error')?.rows).toEqual([40]);
  });
});

describe('runChecks on any table', () => {
  it('gives well-formed reports and never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.array(messyCell, { minLength: 3, maxLength: 3 }), { maxLength: 40 }), fc.boolean(), (rows, stratify) => {
        expectWellFormed(check(rows, { stratify: stratify ? [1] : null }));
      }),
      { numRuns: 300 },
    );
  });

  it('applying every fix leaves no cell to clean, and undoing them restores the data', () => {
    fc.assert(
      fc.property(fc.array(fc.array(messyCell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 30 }), (rows) => {
        const ds = Dataset.fromRows(
          [...HEADER],
          rows.map((r) => [...r]),
        );
        const before = ds.liveIds().length;
        const input = (): Parameters<typeof runChecks>[0] => ({
          table: datasetTable(ds),
          text: 0,
          labels: [1, 2],
          stratify: [1],
          testSize: { kind: 'float', value: 0.2 },
        });
        const applied = [];
        for (const c of runChecks(input()).checks) {
          for (const f of c.fixes ?? []) {
            const change = fixChange(ds, f);
            if (change) {
              ds.apply(change);
              applied.push(change);
            }
          }
        }
        for (const c of runChecks(input()).checks) {
          // Cleaning can reveal new duplicates and variants (two texts that differed only in spaces), not new dirt.
          for (const f of c.fixes ?? []) if (f.kind !== 'merge-label' && f.kind !== 'drop-duplicates') expect(fixChange(ds, f)).toBeNull();
        }
        for (const change of applied.reverse()) ds.revert(change);
        expect(ds.liveIds().length).toBe(before);
        expect([...ds.liveIds()].map((id) => ds.row(id))).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});

describe('datasetTable (the app)', () => {
  it('checks live rows only, numbered as in the grid, with their ids', () => {
    const ds = Dataset.fromRows(
      [...HEADER],
      [...filler(30), ['dup text', 'a', 'b'], ['Dup text.', 'a', 'b']].map((r) => [...r]),
    );
    ds.apply(deleteRows(ds, [0])!);
    ds.apply(addRow(ds, ['dup text', 'a', 'b']));
    ds.apply(setCell(ds, 5, 0, '')!);
    const report = runChecks({ table: datasetTable(ds), text: 0, labels: [1, 2], stratify: null, testSize: { kind: 'float', value: 0.2 } });
    expect(report.rows).toBe(32);
    expect(finding(report, 'duplicate')).toMatchObject({ rows: [32, 33], rowIds: [31, 32] });
    expect(finding(report, 'empty')).toMatchObject({ rows: [6], rowIds: [5] });
  });

  it('turns fixes into one undoable change each', () => {
    const ds = Dataset.fromRows(
      [...HEADER],
      [...filler(30), [' padded text', 'Biling', 'x'], ['PADDED text', 'Billing', 'x']].map((r) => [...r]),
    );
    const report = runChecks({ table: datasetTable(ds), text: 0, labels: [1], stratify: null, testSize: { kind: 'float', value: 0.2 } });
    const trim = finding(report, 'whitespace')!.fixes![0]!;
    const change = fixChange(ds, trim)!;
    expect(change).toEqual({
      label: 'Trim spaces in inquiry (1 row)',
      patches: [{ op: 'set', rowId: 30, col: 0, before: ' padded text', after: 'padded text' }],
    });
    ds.apply(change);
    const drop = fixChange(
      ds,
      finding(runChecks({ table: datasetTable(ds), text: 0, labels: [], stratify: null, testSize: { kind: 'float', value: 0.2 } }), 'duplicate')!.fixes![0]!,
    )!;
    expect(drop.label).toBe('Remove 1 duplicate row');
    expect(drop.patches).toEqual([{ op: 'delete', rowId: 31, values: ['PADDED text', 'Billing', 'x'] }]);
  });
});

describe('speed', () => {
  it('prints the time for 100,000 rows (not asserted: CI machines vary)', () => {
    const r = readCsv(new TextEncoder().encode(syntheticCsv(100_000)));
    if (!r.ok) throw new Error(r.problem.message);
    const columns = r.table.header.map((_, c) => r.table.rows.map((row) => row[c]!));
    const table = columnsTable(r.table.header, columns, r.table.rows.length);
    const start = performance.now();
    const report = runChecks({ table, text: 0, labels: [1, 2], stratify: [1], testSize: { kind: 'float', value: 0.2 } });
    const ms = performance.now() - start;
    console.log(`runChecks: 100,000 rows in ${ms.toFixed(0)} ms (${report.checks.map((c) => `${c.id} ${c.count}`).join(', ')})`);
    expect(report.rows).toBe(100_000);
  });
});
