import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noStackTrace, tempDir, trainset } from './testing';

/** One folder of per-class files, as HWU64 ships them (the label also in the file name). */
function folder(files: Record<string, string>): { dir: string; paths: string[] } {
  const dir = tempDir();
  const paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
  return { dir, paths };
}

const questions = (label: string, n: number): string =>
  Array.from({ length: n }, (_, i) => `"${label} question ${i}, please",${label.toUpperCase()}`).join('\n');

describe('trainset export with several files', () => {
  it('reads them as one dataset: the same files as the notebook’s pd.concat of the files', () => {
    const header = 'inquiry,category\n';
    const { dir, paths } = folder({ 'refund.csv': header + questions('refund', 12) + '\n', 'shipping.csv': header + questions('shipping', 8) + '\n' });
    const together = trainset(['export', ...paths, '--labels', 'category', '--out', join(dir, 'out'), '--quiet']);
    expect(together.stderr).toBe('refund.csv: 12 rows\nshipping.csv: 8 rows\n');
    expect(together.status).toBe(0);
    const one = join(dir, 'one.csv');
    writeFileSync(one, header + questions('refund', 12) + '\n' + questions('shipping', 8) + '\n');
    expect(trainset(['export', one, '--labels', 'category', '--out', join(dir, 'one'), '--quiet']).status).toBe(0);
    for (const f of ['train.jsonl', 'validation.jsonl']) expect(readFileSync(join(dir, 'out', f), 'utf8')).toBe(readFileSync(join(dir, 'one', f), 'utf8'));
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8')) as { input: { name: string } };
    expect(manifest.input.name).toBe('refund.csv and 1 more file');
  });

  it('the label only in the file names: --labels source', () => {
    const { dir, paths } = folder({
      'refund.csv': 'inquiry\n' + Array.from({ length: 10 }, (_, i) => `money back ${i}`).join('\n') + '\n',
      'shipping.csv': 'inquiry\n' + Array.from({ length: 10 }, (_, i) => `where is parcel ${i}`).join('\n') + '\n',
    });
    const r = trainset(['export', ...paths, '--labels', 'source', '--out', dir, '--quiet']);
    expect(r.status).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'train.jsonl'), 'utf8').split('\n')[0]!) as { messages: { content: string }[] };
    expect(JSON.parse(first.messages[2]!.content)).toHaveProperty('source', expect.stringMatching(/^(refund|shipping)$/));
  });

  it('files whose columns differ are refused with what differs (exit 2) until --combine says how', () => {
    const { dir, paths } = folder({
      'a.csv': 'inquiry,category\n' + questions('a', 10) + '\n',
      'b.csv': 'inquiry,category,note\n' + questions('b', 10).replace(/\n/g, ',x\n') + ',x\n',
    });
    const refused = trainset(['check', ...paths, '--labels', 'category']);
    noStackTrace(refused);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('b.csv has “note”, which a.csv has not.');
    expect(refused.stderr).toContain('--combine all');
    expect(trainset(['export', ...paths, '--labels', 'category', '--combine', 'shared', '--out', dir, '--quiet']).status).toBe(0);
    const bad = trainset(['export', ...paths, '--combine', 'some']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--combine must be "all" .* or "shared"/);
    expect(trainset(['export', paths[0]!, '--combine', 'all']).stderr).toMatch(/--combine is for several files/);
  });

  it('a row that cannot be read names its file and line; nothing is written', () => {
    const { dir, paths } = folder({ 'a.csv': 'inquiry,category\n' + questions('a', 10) + '\n', 'b.csv': 'inquiry,category\nfine,B\ntoo,many,fields\n' });
    const r = trainset(['export', ...paths, '--labels', 'category', '--out', join(dir, 'out')]);
    noStackTrace(r);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('b.csv: line 3 has 3 fields, the header 2.');
    expect(r.stderr).toContain('Nothing was written.');
  });
});
