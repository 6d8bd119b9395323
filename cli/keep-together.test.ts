import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearDuplicateGroupIds } from '../lib/quality';
import { noStackTrace, tempDir, tempFile, trainset } from './testing';

const WORDS = (
  'order parcel refund card account password invoice delivery address payment balance transfer charge ' +
  'subscription ticket warranty upgrade contract deposit statement courier label return exchange voucher ' +
  'discount receipt login email phone branch limit fee loan mortgage cheque wallet pin fraud dispute'
).split(' ');

/** A seeded stream of distinct inquiries (seven words each, drawn with a fixed generator). */
function inquiries(n: number): string[] {
  let x = 12345;
  const next = (): number => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0), x >>> 8);
  return Array.from({ length: n }, () => `where is my ${Array.from({ length: 7 }, () => WORDS[next() % WORDS.length]).join(' ')}`);
}

/**
 * 300 inquiries in two categories, and 30 of them asked again nearly word for word ("… thanks",
 * "Please …!"), so scikit-learn's split cuts some of these pairs across the two files.
 */
function dataset(): { csv: string; texts: string[] } {
  const base = inquiries(300).map((t, i) => [t, i < 150 ? 'billing' : 'shipping', i < 150 ? 'refund' : 'delay']);
  const copies = base.filter((_, i) => i % 10 === 3).map((r, i) => [i % 2 ? `${r[0]} thanks` : `Please ${r[0]}!`, r[1]!, r[2]!]);
  const rows = [...base, ...copies];
  return { csv: ['inquiry,category,sub_category', ...rows.map((r) => r.join(','))].join('\n') + '\n', texts: rows.map((r) => r[0]!) };
}

const userTexts = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { messages: { content: string }[] }).messages[1]!.content);

/** Groups (by the check's similarity) that have texts in both files. */
function straddling(train: string[], validation: string[], texts: string[]): number {
  const ids = nearDuplicateGroupIds(texts, 0.8);
  const groupOf = new Map(texts.map((t, i) => [t, ids[i]!]));
  const inTrain = new Set(train.map((t) => groupOf.get(t)));
  return new Set(validation.map((t) => groupOf.get(t)).filter((g) => g !== undefined && g >= 0 && inTrain.has(g))).size;
}

describe('trainset export --keep-near-duplicates-together', () => {
  const { csv, texts } = dataset();
  const file = tempFile('inquiries.csv', csv);

  it('puts every copy and near-copy of an inquiry in the same file, with the same file sizes and per-category counts', () => {
    const plain = tempDir();
    const kept = tempDir();
    expect(trainset(['export', file, '--out', plain, '-q']).status).toBe(0);
    const r = trainset(['export', file, '--out', kept, '--keep-near-duplicates-together']);
    noStackTrace(r);
    expect(r.status).toBe(0);
    const before = { train: userTexts(join(plain, 'train.jsonl')), validation: userTexts(join(plain, 'validation.jsonl')) };
    const after = { train: userTexts(join(kept, 'train.jsonl')), validation: userTexts(join(kept, 'validation.jsonl')) };
    const cut = straddling(before.train, before.validation, texts);
    expect(cut).toBeGreaterThan(3);
    // The only groups are the 30 pairs: the texts themselves are far apart.
    expect(new Set(nearDuplicateGroupIds(texts, 0.8)).size).toBe(300);
    expect(straddling(after.train, after.validation, texts)).toBe(0);
    expect(after.train).toHaveLength(before.train.length);
    expect(after.validation).toHaveLength(before.validation.length);
    const billing = (file: string): number =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.includes('billing')).length;
    expect(billing(join(kept, 'validation.jsonl'))).toBe(billing(join(plain, 'validation.jsonl')));
    expect(r.stdout).toContain(`Near-duplicates kept on one side: ${cut} groups split by scikit-learn moved whole`);
  });

  it("changes nothing when no copies are cut apart: the same bytes as scikit-learn's split", () => {
    const unique = tempFile('unique.csv', csv.split('\n').slice(0, 301).join('\n') + '\n');
    const [a, b] = [tempDir(), tempDir()];
    expect(trainset(['export', unique, '--out', a, '-q']).status).toBe(0);
    const r = trainset(['export', unique, '--out', b, '--keep-near-duplicates-together']);
    expect(r.stdout).toContain('no group was split across the files');
    for (const f of ['train.jsonl', 'validation.jsonl']) expect(readFileSync(join(b, f))).toEqual(readFileSync(join(a, f)));
  });

  it('check reports the leakage of the default split, and none with the option', () => {
    const ids = (args: string[]): string[] =>
      (JSON.parse(trainset(['check', file, '--json', '--no-suspect', ...args]).stdout) as { checks: { id: string }[] }).checks.map((c) => c.id);
    expect(ids([])).toContain('split-leakage');
    expect(ids(['--keep-near-duplicates-together'])).not.toContain('split-leakage');
    expect(ids(['--keep-near-duplicates-together'])).toContain('near-duplicate');
  });

  it('refuses, saying what to do, when keeping the copies together would leave a file empty', () => {
    const same = tempFile(
      'same.csv',
      ['inquiry,category,sub_category', ...Array.from({ length: 20 }, (_, i) => `Where is my parcel number 1234${i % 10}?,${i % 2 ? 'a' : 'b'},x`)].join('\n') +
        '\n',
    );
    const r = trainset(['export', same, '--out', tempDir(), '--keep-near-duplicates-together']);
    noStackTrace(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('keeping near-duplicates on one side leaves the validation file empty');
  });
});
