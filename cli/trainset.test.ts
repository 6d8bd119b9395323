import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'lib/export/__fixtures__/e2e');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real command, as a CI job would: `node cli/trainset.mjs …`. */
function trainset(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'cli/trainset.mjs'), ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'trainset-cli-'));

function writeCsv(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

const noStackTrace = (r: Run): void => {
  expect(r.stderr).not.toMatch(/\n\s+at [\w.<]+ \(/);
  expect(r.stderr).not.toMatch(/node:internal|Error: /);
};

interface Meta {
  test_size: number;
  test_size_type: 'int' | 'float';
  random_state: number;
  expect: 'match' | 'refuse';
}

const cases = readdirSync(FIXTURES).map((name) => ({
  name,
  dir: join(FIXTURES, name),
  meta: JSON.parse(readFileSync(join(FIXTURES, name, 'meta.json'), 'utf8')) as Meta,
}));

/** Python's str() of the fixture's test size: an int stays "15", a float keeps its point ("0.2"). */
const testSizeArg = (m: Meta): string => (m.test_size_type === 'int' ? String(m.test_size) : String(m.test_size).includes('.') ? String(m.test_size) : `${m.test_size}.0`);

describe('trainset export on every notebook fixture', () => {
  it.each(cases)('$name', ({ dir, meta }) => {
    const out = tmp();
    // A file from an earlier export must survive a refusal untouched.
    writeFileSync(join(out, 'train.jsonl'), 'earlier export\n');
    const r = trainset(['export', join(dir, 'dataset.csv'), '--out', out, '--test-size', testSizeArg(meta), '--seed', String(meta.random_state)]);
    if (meta.expect === 'match') {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(readFileSync(join(out, 'train.jsonl')).equals(readFileSync(join(dir, 'train.jsonl')))).toBe(true);
      expect(readFileSync(join(out, 'validation.jsonl')).equals(readFileSync(join(dir, 'validation.jsonl')))).toBe(true);
    } else {
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^dataset\.csv: /);
      expect(r.stderr).toMatch(/Nothing was written\.\n$/);
      noStackTrace(r);
      expect(readdirSync(out)).toEqual(['train.jsonl']);
      expect(readFileSync(join(out, 'train.jsonl'), 'utf8')).toBe('earlier export\n');
    }
  });
});

describe('trainset export: what the user sees', () => {
  it('prints rows read, rows per file and per-category counts', () => {
    const out = tmp();
    const r = trainset(['export', join(FIXTURES, '00-basic_ascii_lf/dataset.csv'), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Read 50 rows from dataset\.csv\.\nWrote .*train\.jsonl \(40 rows\) and .*validation\.jsonl \(10 rows\)\./);
    expect(r.stdout).toMatch(/category\s+train\s+validation\n/);
  });

  it('writes to the current directory by default', () => {
    const cwd = tmp();
    const r = trainset(['export', join(FIXTURES, '00-basic_ascii_lf/dataset.csv')], cwd);
    expect(r.status).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(['train.jsonl', 'validation.jsonl']);
  });

  it('names the file, row, line, column and the fix for an empty label', () => {
    const r = trainset(['export', join(FIXTURES, '07-refuse_empty_subcategory/dataset.csv'), '--out', tmp()]);
    expect(r.stderr.split('\n')[0]).toBe(
      'dataset.csv: data row 8 (line 9): sub_category is empty; the notebook would write NaN into the JSON. Fill it in or remove the row.',
    );
  });

  it('maps other column names and says which delimiter and encoding it detected', () => {
    const dir = tmp();
    const latin1 = new Uint8Array([...Buffer.from('question;intent\n'), ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((i) => [...Buffer.from(`caf`), 0xe9, ...Buffer.from(` ${i};${i % 2 ? 'odd' : 'even'}\n`)])]);
    const file = writeCsv(dir, 'export.csv', latin1);
    const r = trainset(['export', file, '--out', dir, '--text', 'question', '--labels', 'intent']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^export\.csv: read with encoding Windows-1252 \(detected\), delimiter semicolon \(detected\)\n/);
    const line = readFileSync(join(dir, 'train.jsonl'), 'utf8').split('\n')[0]!;
    expect(line).toMatch(/"content": "caf\\u00e9 \d"/);
    expect(line).toMatch(/"content": "\{\\"intent\\": \\"(odd|even)\\"\}"/);
  });

  it('refuses a binary file in one line', () => {
    const dir = tmp();
    const file = writeCsv(dir, 'book.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 0, 0, 1, 2, 3]));
    const r = trainset(['export', file, '--out', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('book.xlsx: this is a ZIP archive or an Excel workbook (.xlsx), not a CSV file. Export or save it as CSV (UTF-8) and upload that.\n');
    expect(readdirSync(dir)).toEqual(['book.xlsx']);
  });

  it('refuses an empty file and an unterminated quote in one line each', () => {
    const dir = tmp();
    const empty = trainset(['export', writeCsv(dir, 'empty.csv', ''), '--out', dir]);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe('empty.csv: the file is empty. Choose a CSV file with a header row and data rows.\n');
    const open = trainset(['export', writeCsv(dir, 'open.csv', 'inquiry,category,sub_category\n"oops,a,b\nx,a,b\n'), '--out', dir]);
    expect(open.status).toBe(1);
    expect(open.stderr).toMatch(/^open\.csv: line 2: a quoted field starts here and is never closed/);
    expect(open.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('trainset usage errors exit 2 with the usage line', () => {
  it.each([
    ['an unknown option', ['export', 'x.csv', '--bogus'], /Unknown option '--bogus'/],
    ['a missing file', ['export', 'does-not-exist.csv'], /cannot read "does-not-exist\.csv": no such file/],
    ['no file at all', ['export'], /export needs the CSV file to read/],
    ['a test size that is not a number', ['export', 'x.csv', '--test-size', 'ten'], /--test-size must be a share such as 0\.2 or a row count/],
    ['a negative seed', ['export', 'x.csv', '--seed=-1'], /--seed must be a whole number from 0 to 4294967295/],
    ['an unknown JSON style', ['export', 'x.csv', '--json-style', 'pretty'], /--json-style is python or compact/],
    ['an unknown command', ['split', 'x.csv'], /unknown command "split"/],
  ])('%s', (_name, args, message) => {
    const r = trainset(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage:/);
    noStackTrace(r);
  });

  it('a column that does not exist', () => {
    const r = trainset(['export', join(FIXTURES, '00-basic_ascii_lf/dataset.csv'), '--out', tmp(), '--labels', 'category,subcategory']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no column named "subcategory" \(the label column\)\. .*The columns are: "inquiry", "category", "sub_category"/);
    noStackTrace(r);
  });
});

describe('trainset export when the output cannot be written', () => {
  it('says so in one line and exits 1', () => {
    const dir = tmp();
    const blocker = writeCsv(dir, 'not-a-folder', 'x');
    const r = trainset(['export', join(FIXTURES, '00-basic_ascii_lf/dataset.csv'), '--out', join(blocker, 'sub')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^trainset: cannot create the folder .*not-a-folder\/sub.*Choose another with --out\.\n$/);
  });
});

describe('trainset --help', () => {
  it('answers with the usage and exits 0', () => {
    const r = trainset(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage:\n {2}npx trainset export <file\.csv>/);
    expect(r.stdout).toMatch(/Exit status: 0 files written; 1 refused/);
    expect(existsSync(join(ROOT, 'train.jsonl'))).toBe(false);
  });
});
