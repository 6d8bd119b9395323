import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Engine } from '../engine';
import { readTable } from '../engine/read-table';
import { readProject, writeProject } from '../project';
import { DEFAULT_SETTINGS, exportCsv } from '../export';
import { bundleName, combineHeaders, isSourcesBundle, packSources, sourceColumnName, sourceValue, unpackSources } from './sources';

const u8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, text: string) => ({ name, bytes: u8(text) });

describe('a bundle of several files', () => {
  it('keeps each file’s bytes and their order, and is told apart from a project, a workbook or a CSV by its first bytes', () => {
    const files = [file('b.csv', 'inquiry\nhello\n'), file('a.csv', 'inquiry\nbonjour\n')];
    const bundle = packSources(files);
    expect(isSourcesBundle(bundle.subarray(0, 64))).toBe(true);
    const back = unpackSources(bundle);
    expect(back).toEqual({ ok: true, files });
    // The same files in the same order make the same bytes (a stable input hash in manifests).
    expect(packSources(files)).toEqual(bundle);
    expect(isSourcesBundle(u8('inquiry,category\n'))).toBe(false);
    expect(isSourcesBundle(zipSync({ '[Content_Types].xml': strToU8('<Types/>') }))).toBe(false);
    expect(isSourcesBundle(writeProjectBytes())).toBe(false);
  });

  it('a damaged or newer bundle is refused with what to do, never an exception', () => {
    const bundle = packSources([file('a.csv', 'x\n1\n'), file('b.csv', 'x\n2\n')]);
    expect(unpackSources(bundle.subarray(0, bundle.length >> 1))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/damaged.*Upload the files again/),
    });
    const newer = zipSync({ 'trainset-sources.json': strToU8(JSON.stringify({ format: 'trainset-sources', version: 9, files: ['a.csv'] })) });
    expect(unpackSources(newer)).toMatchObject({ ok: false, reason: expect.stringMatching(/newer Trainset/) });
    const missing = zipSync({ 'trainset-sources.json': strToU8(JSON.stringify({ format: 'trainset-sources', version: 1, files: ['a.csv'] })) });
    expect(unpackSources(missing)).toMatchObject({ ok: false, reason: 'a.csv is missing from the bundle of files. Upload the files again.' });
  });

  it('names: the bundle, the source value (no folder, no extension), the source column (not clashing)', () => {
    expect(bundleName(['alarm_query.csv', 'b.csv', 'c.csv'])).toBe('alarm_query.csv and 2 more files');
    expect(bundleName(['a.csv', 'b.csv'])).toBe('a.csv and 1 more file');
    expect(sourceValue('data/alarm_query.csv')).toBe('alarm_query');
    expect(sourceValue('.hidden')).toBe('.hidden');
    expect(sourceValue('march.2024.xlsx')).toBe('march.2024');
    expect(sourceColumnName(['inquiry', 'category'])).toBe('source');
    expect(sourceColumnName(['source', 'source 2'])).toBe('source 3');
  });

  it('columns: the same names in another order are the same columns; others are listed, and combined only when asked', () => {
    expect(
      combineHeaders(
        [
          ['a', 'b'],
          ['b', 'a'],
        ],
        ['1.csv', '2.csv'],
        undefined,
      ),
    ).toEqual({
      ok: true,
      header: ['a', 'b'],
      placeOf: [
        [0, 1],
        [1, 0],
      ],
    });
    expect(
      combineHeaders(
        [
          ['a', 'b'],
          ['a', 'c'],
        ],
        ['1.csv', '2.csv'],
        undefined,
      ),
    ).toEqual({
      ok: false,
      differences: [{ file: '2.csv', missing: ['b'], extra: ['c'] }],
    });
    expect(
      combineHeaders(
        [
          ['a', 'b'],
          ['a', 'c'],
        ],
        ['1.csv', '2.csv'],
        'all',
      ),
    ).toMatchObject({
      ok: true,
      header: ['a', 'b', 'c'],
      placeOf: [
        [0, 1],
        [0, 2],
      ],
    });
    expect(
      combineHeaders(
        [
          ['a', 'b'],
          ['a', 'c'],
        ],
        ['1.csv', '2.csv'],
        'shared',
      ),
    ).toMatchObject({
      ok: true,
      header: ['a'],
      placeOf: [
        [0, -1],
        [0, -1],
      ],
    });
  });
});

describe('several files read as one table', () => {
  it('each file read on its own (its delimiter, its encoding, its BOM), rows appended in order, each with its file', () => {
    const latin1 = new Uint8Array([...u8('category;inquiry\r\nREFUND;re'), 0xe7, ...u8('u\r\n')]);
    const bundle = packSources([
      file('shipping.csv', '\ufeffinquiry,category\nwhere is it,SHIPPING\n"late, again",SHIPPING\n'),
      { name: 'refund.csv', bytes: latin1 },
    ]);
    const read = readTable(bundle, 'shipping.csv and 1 more file', {});
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.header).toEqual(['inquiry', 'category', 'source']);
    expect(read.columns).toEqual([
      ['where is it', 'late, again', 'reçu'],
      ['SHIPPING', 'SHIPPING', 'REFUND'],
      ['shipping', 'shipping', 'refund'],
    ]);
    expect(read.info.sources).toEqual({
      column: 'source',
      files: [
        { name: 'shipping.csv', rows: 2, encoding: 'utf-8', delimiter: ',' },
        { name: 'refund.csv', rows: 1, encoding: expect.stringMatching(/^(windows-1252|iso-8859-1|latin-?1)$/i), delimiter: ';' },
      ],
    });
    // Lines follow on from the previous file's, so every row has its own.
    expect(new Set(read.lines).size).toBe(3);
  });

  it('files whose columns differ: nothing is read until the user says how, then every column or the shared ones', () => {
    const bundle = packSources([file('a.csv', 'inquiry,category\nhi,A\n'), file('b.csv', 'inquiry,topic\nyo,B\n')]);
    const refused = readTable(bundle, 'x', {});
    expect(refused).toMatchObject({
      ok: false,
      problem: { code: 'columns-differ', message: expect.stringContaining('b.csv has no “category”; has “topic”, which a.csv has not.') },
      differences: [{ file: 'b.csv', missing: ['category'], extra: ['topic'] }],
    });
    const all = readTable(bundle, 'x', { combine: 'all' });
    expect(all).toMatchObject({
      ok: true,
      header: ['inquiry', 'category', 'topic', 'source'],
      columns: [
        ['hi', 'yo'],
        ['A', ''],
        ['', 'B'],
        ['a', 'b'],
      ],
    });
    const shared = readTable(bundle, 'x', { combine: 'shared' });
    expect(shared).toMatchObject({
      ok: true,
      header: ['inquiry', 'source'],
      columns: [
        ['hi', 'yo'],
        ['a', 'b'],
      ],
    });
  });

  it('a file that cannot be read is named; a row that cannot be read says its file and its line there', () => {
    const broken = packSources([file('a.csv', 'inquiry,category\nhi,A\n'), file('b.csv', 'inquiry,category\n"open quote,A\n')]);
    expect(readTable(broken, 'x', {})).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^b\.csv: /) } });
    const extra = packSources([file('a.csv', 'inquiry,category\nhi,A\nho,A\n'), file('b.csv', 'inquiry,category\nyo,B\none,too,many\n')]);
    const read = readTable(extra, 'x', {});
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.badRows).toHaveLength(1);
    expect(read.badRows[0]).toMatchObject({ file: { name: 'b.csv', line: 3 }, dataRow: 4 });
    expect(read.badRows[0]!.line).toBeGreaterThan(3);
    expect(Array.from(read.numbers ?? [])).toEqual([1, 2, 3]);
  });

  it('a project keeps every source file: opened, it reads as the same table', () => {
    const files = [file('a.csv', 'inquiry,category\nhi,A\n'), file('b.csv', 'category,inquiry\nB,yo\n')];
    const name = bundleName(files.map((f) => f.name));
    const project = readProject(writeProjectBytes({ name, bytes: packSources(files) }), 'work.trainset');
    if (!project.ok) throw new Error(project.reason);
    expect(unpackSources(project.project.file.bytes)).toEqual({ ok: true, files });
    expect(readTable(project.project.file.bytes, project.project.file.name, {})).toMatchObject({
      ok: true,
      columns: [
        ['hi', 'yo'],
        ['A', 'B'],
        ['a', 'b'],
      ],
    });
  });

  it('the source column may be guessed as a label, never as the text', () => {
    const bundle = packSources([file('january.csv', 'inquiry,category\nhi,A\n'), file('february.csv', 'text,category\nyo,B\n')]);
    const loaded = new Engine().load(bundle, 'x', { combine: 'all' });
    if (!loaded.ok) throw new Error(loaded.problem.message);
    expect(loaded.meta.header).toEqual(['inquiry', 'category', 'text', 'source']);
    expect(loaded.meta.guess.text).not.toBe('source');
  });

  it('a training file (JSONL) among them is refused: training files open one at a time', () => {
    const bundle = packSources([file('a.csv', 'inquiry,category\nhi,A\n'), file('b.jsonl', '{"messages": []}\n')]);
    expect(readTable(bundle, 'x', {})).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^b\.jsonl is a training file/) } });
  });

  it('exports the notebook’s bytes of pd.concat: the same files as one CSV give the same train and validation files', () => {
    const classes = ['ORDER', 'REFUND', 'SHIPPING'];
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => `question ${from + i},${classes[(from + i) % 3]},sub${(from + i) % 2}`);
    const header = 'inquiry,category,sub_category';
    const [a, b] = [rows(0, 17), rows(17, 13)];
    const bundle = packSources([file('a.csv', `${header}\n${a.join('\n')}\n`), file('b.csv', `${header}\r\n${b.join('\r\n')}\r\n`)]);
    const read = readTable(bundle, 'x', {});
    if (!read.ok) throw new Error(read.problem.message);
    const csv = [read.header.join(','), ...read.columns[0]!.map((_, r) => read.columns.map((c) => c[r]).join(','))].join('\n') + '\n';
    const alone = u8(`${header}\n${[...a, ...b].join('\n')}\n`);
    const [one, two] = [exportCsv(u8(csv), DEFAULT_SETTINGS), exportCsv(alone, DEFAULT_SETTINGS)];
    if (!one.ok || !two.ok) throw new Error('export failed');
    const bytes = (f: () => Iterable<Uint8Array[]>) => Buffer.concat([...f()].flat()).toString();
    expect(bytes(one.files.train)).toBe(bytes(two.files.train));
    expect(bytes(one.files.validation)).toBe(bytes(two.files.validation));
  });
});

function writeProjectBytes(file = { name: 'a.csv', bytes: u8('x\n1\n') }): Uint8Array {
  return writeProject({
    file: { ...file, options: {}, savedAt: 0 },
    mapping: null,
    history: { changes: [], position: 0 },
    choices: null,
    handledBadLines: [],
    savedAt: 0,
  });
}
