import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES } from '../lib/engine';
import { writeProject, type ProjectContent } from '../lib/project';
import { FIXTURES, noStackTrace, tempDir, trainset } from './testing';

const csv = readFileSync(join(FIXTURES, '00-basic_ascii_lf', 'dataset.csv'));
const header = csv.toString('utf8').split('\n')[0]!;
const firstRow = csv.toString('utf8').split('\n')[1]!;

/** A project as the app saves it: the fixture, its first row's text edited, then a row deleted and undone. */
function project(extra: Partial<ProjectContent> = {}): string {
  const text = firstRow.split(',')[0]!;
  const content: ProjectContent = {
    file: { name: 'dataset.csv', bytes: csv, options: {}, savedAt: Date.UTC(2026, 11, 7) },
    mapping: { text: 'inquiry', labels: ['category', 'sub_category'] },
    history: {
      changes: [
        { label: 'Edit inquiry', patches: [{ op: 'set', rowId: 0, col: 0, before: text, after: 'Edited in the app' }] },
        { label: 'Delete row', patches: [{ op: 'delete', rowId: 1, values: csv.toString('utf8').split('\n')[2]!.split(',') }] },
      ],
      position: 1,
    },
    choices: { ...DEFAULT_CHOICES, seed: 7 },
    handledBadLines: [],
    savedAt: Date.UTC(2026, 11, 7),
    ...extra,
  };
  const dir = tempDir();
  const file = join(dir, 'work.trainset');
  writeFileSync(file, writeProject(content));
  return file;
}

const lines = (dir: string): string[] => ['train.jsonl', 'validation.jsonl'].flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'));

describe('trainset export --project', () => {
  it("writes the session's files: its edits, its settings (seed 7), not what was undone", () => {
    const out = tempDir();
    const r = trainset(['export', '--project', project(), '--out', out]);
    noStackTrace(r);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('dataset.csv (work.trainset, with its edits)');
    const all = lines(out);
    expect(all).toHaveLength(csv.toString('utf8').trim().split('\n').length - 1);
    expect(all.some((l) => l.includes('"Edited in the app"'))).toBe(true);
    // Seed 7, not the notebook's 42: the files differ from a plain export of the same rows.
    const plain = tempDir();
    trainset(['export', join(FIXTURES, '00-basic_ascii_lf', 'dataset.csv'), '--out', plain, '-q']);
    expect(readFileSync(join(out, 'validation.jsonl'))).not.toEqual(readFileSync(join(plain, 'validation.jsonl')));
  });

  it('refuses settings given beside a project, and a damaged project, with a message', () => {
    const seed = trainset(['export', '--project', project(), '--seed', '3']);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('--project takes the columns, split and format from the project');
    const file = project();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length >> 1));
    const r = trainset(['export', '--project', file]);
    noStackTrace(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^work\.trainset is damaged/);
  });
});

describe('trainset check --project', () => {
  it('checks the rows as edited, with the project\'s "Not a typo" words', () => {
    const typo = `${header}\n${'I want a refnud for my order,billing,refund\n'.repeat(1)}${csv.toString('utf8').split('\n').slice(1).join('\n')}`;
    const withTypo = (ignoreWords: string[]): string =>
      project({
        file: { name: 'dataset.csv', bytes: Buffer.from(typo), options: {}, savedAt: 0 },
        history: { changes: [], position: 0 },
        choices: { ...DEFAULT_CHOICES, ignoreWords },
      });
    const ids = (file: string): string[] =>
      (JSON.parse(trainset(['check', '--project', file, '--json', '--no-suspect']).stdout) as { checks: { id: string; message: string }[] }).checks
        .filter((c) => c.id === 'typo')
        .map((c) => c.message);
    expect(ids(withTypo([])).join()).toContain('refnud');
    expect(ids(withTypo(['refnud'])).join()).not.toContain('refnud');
  });
});
