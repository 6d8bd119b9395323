import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, tempFile, trainset } from './testing';

/** On one thread whatever the size, or on two whatever the size; TRAINSET_DEBUG says which way it went. */
const ONE_THREAD = { TRAINSET_PARALLEL_MIN_BYTES: '1e15', TRAINSET_DEBUG: '1' };
const TWO_THREADS = { TRAINSET_PARALLEL_MIN_BYTES: '0', TRAINSET_DEBUG: '1' };

const CATEGORIES = ['Billing', 'Shipping', 'Refunds', 'Café & co'];

/** Inquiries as people write them: commas, quotes, accents, emoji, text over several lines, CRLF. */
function inquiries(n: number, middle: (i: number) => string | null = () => null): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const text = middle(i) ?? [`where is order ${i}?`, `"refund, please: ""now"" ${i}"`, `résumé ${i} 📦`, `"two\r\nlines ${i}"`][i % 4]!;
    return `${text},${CATEGORIES[i % 4]},s${i % 3}`;
  });
  return ['inquiry,category,sub_category', ...rows].join('\r\n') + '\r\n';
}

function exportBoth(csv: string) {
  const input = tempFile('inquiries.csv', csv);
  const out = { one: tempDir(), two: tempDir() };
  const one = trainset(['export', input, '--out', out.one], undefined, ONE_THREAD);
  const two = trainset(['export', input, '--out', out.two], undefined, TWO_THREADS);
  return { one, two, out, files: (run: 'one' | 'two', name: string) => readFileSync(join(out[run], name)) };
}

describe('trainset export on two threads (a large file read in two halves at once)', () => {
  it('writes the same files, byte for byte, as on one thread, and says so under TRAINSET_DEBUG', () => {
    const { one, two, out, files } = exportBoth(inquiries(4000));
    expect(two.stderr).toContain('read in two parts at once');
    expect(one.stderr).not.toContain('two parts');
    expect([one.status, two.status]).toEqual([0, 0]);
    for (const name of ['train.jsonl', 'validation.jsonl']) expect(files('two', name).equals(files('one', name))).toBe(true);
    const summary = (r: typeof one, dir: string) => r.stdout.replaceAll(dir, 'OUT');
    expect(summary(two, out.two)).toBe(summary(one, out.one));
    const manifest = (run: 'one' | 'two') => JSON.parse(files(run, 'manifest.json').toString()) as { files: unknown; input: unknown; rows?: unknown };
    expect(manifest('two').files).toEqual(manifest('one').files);
    expect(manifest('two').input).toEqual(manifest('one').input);
  });

  it('reads on one thread after all when the middle falls inside a text over many lines, with the same files', () => {
    // Row 2000's text runs over 3,000 lines: the line end after the middle of the file is inside it.
    const long = `"${Array.from({ length: 3000 }, (_, k) => `line ${k} of a long complaint`).join('\n')}"`;
    const { one, two, files } = exportBoth(inquiries(4000, (i) => (i === 2000 ? long : null)));
    expect(two.stderr).toContain('read on one thread after all');
    expect([one.status, two.status]).toEqual([0, 0]);
    for (const name of ['train.jsonl', 'validation.jsonl']) expect(files('two', name).equals(files('one', name))).toBe(true);
  });

  it('refuses a file with an empty text or a broken row in its second half with the message of one reading (row and line)', () => {
    const withGap = exportBoth(inquiries(4000, (i) => (i === 3500 ? '' : null)));
    const withExtraField = exportBoth(inquiries(4000, (i) => (i === 3600 ? 'one, two' : null)));
    for (const { one, two } of [withGap, withExtraField]) {
      expect(two.status).toBe(1);
      const message = (r: typeof one) => r.stderr.replace(/^trainset: read .*\n/m, '');
      expect(message(two)).toBe(message(one));
    }
    expect(withGap.two.stderr).toMatch(/data row 3501 \(line \d+\): inquiry is empty/);
    expect(withExtraField.two.stderr).toMatch(/line \d+ \(data row 3601\): 4 fields/);
  });
});
