import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, noStackTrace, tempDir, tempFile, trainset } from './testing';

const BOOKS = join(ROOT, 'test-data/xlsx');

describe('trainset export book.xlsx', () => {
  it('writes the notebook bytes from a workbook of text cells (the fixture CSV as a workbook)', () => {
    const out = tempDir();
    const r = trainset(['export', join(BOOKS, 'text-cells.xlsx'), '--out', out, '--test-size', '0.33', '--seed', '1']);
    expect(r.stderr).toBe('text-cells.xlsx: read sheet "dataset", the only sheet with cells\n');
    expect(r.status).toBe(0);
    const fixture = join(FIXTURES, '03-unicode_categories');
    for (const f of ['train.jsonl', 'validation.jsonl']) expect(readFileSync(join(out, f)).equals(readFileSync(join(fixture, f)))).toBe(true);
  });

  it('asks for --sheet when several sheets have cells, listing them, and writes nothing', () => {
    const out = tempDir();
    const r = trainset(['export', join(BOOKS, 'two-sheets.xlsx'), '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('two-sheets.xlsx: the workbook has 2 sheets with cells: "Notes", "Inquiries". Say which one to read (--sheet "Notes").\n');
    expect(readdirSync(out)).toEqual([]);
  });

  it('reads the sheet named with --sheet; messages give its row numbers', () => {
    const out = tempDir();
    const ok = trainset(['export', join(BOOKS, 'two-sheets.xlsx'), '--sheet', 'Inquiries', '--out', out]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Read 20 rows from two-sheets\.xlsx\.\nWrote .*train\.jsonl \(16 rows\)/);
    expect(readFileSync(join(out, 'train.jsonl'), 'utf8').split('\n')).toHaveLength(17);
    const merged = trainset(['export', join(BOOKS, 'features.xlsx'), '--sheet', 'Merged', '--out', out]);
    expect(merged.status).toBe(1);
    expect(merged.stderr.split('\n')[0]).toBe(
      'features.xlsx: data row 2 (line 3): category is empty; the notebook\'s split would fail ("Input contains NaN"). Fill it in or remove the row.',
    );
  });

  it.each([
    [['--sheet', 'Summary'], 'two-sheets.xlsx', 2, 'two-sheets.xlsx: the workbook has no sheet named "Summary"; its sheets are "Notes", "Inquiries".\n'],
    [
      [],
      'old-format.xls',
      1,
      'old-format.xls: this is an old-format .xls or a password-protected workbook: open it in Excel and save it as .xlsx (without a password) or as CSV UTF-8, then upload that.\n',
    ],
    [['--sheet', 'Empty'], 'features.xlsx', 1, 'features.xlsx: sheet "Empty" is empty. Choose a sheet with a header row and data rows.\n'],
  ])('%j %s: exit %i and one line saying what to do', (args, file, status, stderr) => {
    const r = trainset(['export', join(BOOKS, file), ...args, '--out', tempDir()]);
    expect([r.status, r.stderr]).toEqual([status, stderr]);
    noStackTrace(r);
  });

  it('names the sheet in the manifest, and verify --input makes the files again from the workbook', () => {
    const out = tempDir();
    const book = join(BOOKS, 'two-sheets.xlsx');
    expect(trainset(['export', book, '--sheet', 'Inquiries', '--out', out, '-q']).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { settings: { reading: { sheet?: string } } };
    expect(manifest.settings.reading.sheet).toBe('Inquiries');
    const verified = trainset(['verify', out, '--input', book]);
    expect([verified.status, verified.stderr]).toEqual([0, '']);
    expect(verified.stdout).toContain('exporting it again gives the same bytes');
    // A workbook with one sheet: the manifest names it too, though it was not asked for.
    const single = tempDir();
    expect(trainset(['export', join(BOOKS, 'text-cells.xlsx'), '--out', single, '-q']).status).toBe(0);
    expect((JSON.parse(readFileSync(join(single, 'manifest.json'), 'utf8')) as typeof manifest).settings.reading.sheet).toBe('dataset');
    expect(trainset(['verify', single, '--input', join(BOOKS, 'text-cells.xlsx')]).status).toBe(0);
    // A manifest from before manifests named the sheet: verify says why it cannot tell, and what to do.
    delete manifest.settings.reading.sheet;
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    const old = trainset(['verify', out, '--input', book]);
    expect(old.status).toBe(1);
    expect(old.stderr).toContain(
      'the manifest does not say which sheet was read, and the workbook has several ("Notes", "Inquiries"). Export again with --sheet NAME',
    );
    noStackTrace(old);
  });

  it('--sheet is for a workbook only', () => {
    const csv = tempFile('data.csv', 'inquiry,category,sub_category\nhi,a,b\n');
    const r = trainset(['export', csv, '--sheet', 'Sheet1', '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^trainset: --sheet is for a workbook \(\.xlsx\); data\.csv is not one/);
    expect(existsSync(join(csv, '..', 'train.jsonl'))).toBe(false);
  });
});

describe('trainset check book.xlsx', () => {
  it('checks the sheet named', () => {
    const r = trainset(['check', join(BOOKS, 'two-sheets.xlsx'), '--sheet', 'Inquiries', '--no-suspect', '--json']);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { rows: number }).rows).toBe(20);
  });
});
