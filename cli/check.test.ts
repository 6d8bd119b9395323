import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, noStackTrace, tempFile, trainset } from './testing';

const csvFile = (name: string, content: string | Uint8Array): string => tempFile(name, content, 'trainset-check-');

/** 70 clean rows: two categories, distinct texts, one sub-category each. */
const clean = Array.from(
  { length: 70 },
  (_, i) =>
    `"please help with ${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'][i % 10]} ${['apple', 'cherry', 'melon', 'grape', 'lemon', 'peach', 'plum'][Math.floor(i / 10)]}",${i % 2 ? 'billing,refund' : 'shipping,late'}`,
);

/** The same with a bit of everything wrong: an empty label, an NA, a duplicate, a variant, a stray space. */
const dirty = [
  ...clean,
  '"where is my refund",billing,',
  '"where is my money",billing,N/A',
  '" where is my parcel",shipping,late',
  '"Where is my parcel?",shipping,late',
  '"where is my invoice",biling,refund',
];

describe('trainset check: human output', () => {
  it('lists each finding with its severity, message and rows, then a summary; exit 1 on errors', () => {
    const r = trainset(['check', csvFile('dirty.csv', `inquiry,category,sub_category\n${dirty.join('\n')}\n`)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out).toMatch(/^Checked 75 rows of dirty\.csv \(text: inquiry; labels: category, sub_category; stratified by category, test size 0\.2\)\.\n\n/);
    expect(out).toContain(
      'error    empty: 1 row has an empty sub_category. Every example needs its text and all its labels: fill them in or remove the rows.\n         row 71\n',
    );
    expect(out).toContain('error    na-string: 1 row holds a value that pandas reads as "missing" (NaN) rather than as text: "N/A" in sub_category (1 row).');
    expect(out).toContain(
      'error    rare-class: The split needs at least 2 rows of every category (one for each file), and category "biling" (row 75) has only 1 row.',
    );
    expect(out).toContain('warning  duplicate: 1 row repeats an earlier row');
    expect(out).toContain('         fix in the app: remove 1 repeated row, keeping the first of each group\n');
    expect(out).toContain('warning  label-variant: 1 label looks like a rarer spelling of another: category "biling" (1 row) looks like "billing" (37 rows).');
    expect(out).toContain('         fix in the app: rename "biling" to "billing" in category (1 row)\n');
    expect(out).toContain('warning  whitespace: 1 row has spaces out of place: 1 text starts or ends with a space or line break.');
    expect(out).toContain('         fix in the app: trim spaces in inquiry (1 row)\n');
    // Errors first, then warnings.
    expect(out.indexOf('error    rare-class')).toBeLessThan(out.indexOf('warning  duplicate'));
    // The variant also makes "refund" a sub-label of two categories, and a class of one row.
    expect(out).toContain(
      'warning  hierarchy: 1 sub-label appears under more than one parent: sub_category "refund" is under 2 category values ("billing" 35, "biling" 1).',
    );
    expect(out).toContain('info     imbalance: The largest category, "shipping" (37 rows), has 37 times as many rows as the smallest, "biling" (1 row)');
    expect(out).toMatch(/\n3 errors, 4 warnings, 1 info\. The export would refuse this file \(or write it wrongly\) until the errors are fixed\.\n$/);
  });

  it('lists up to 10 rows, then how many more', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `"same text",cat${i % 2},sub${i % 2}`);
    const r = trainset(['check', csvFile('same.csv', `inquiry,category,sub_category\n${rows.join('\n')}\n`)]);
    expect(r.stdout).toContain('         rows 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 and 68 more\n');
  });

  it('says so when nothing is found, and exits 0', () => {
    const r = trainset(['check', csvFile('clean.csv', `inquiry,category,sub_category\n${clean.join('\n')}\n`)]);
    expect(r.stdout).toMatch(/\n\nNo problems found\.\n$/);
    expect(r.status).toBe(0);
  });

  it('exits 0 when only warnings fire', () => {
    const r = trainset(['check', join(FIXTURES, '00-basic_ascii_lf/dataset.csv')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 errors, 3 warnings, 0 info\. Nothing blocks the export\.\n$/);
  });

  it('maps other columns and notes the detected delimiter on stderr', () => {
    const rows = clean.map((l) => l.replace(/,/g, ';').replace(/^"([^"]*)"/, '$1'));
    const r = trainset([
      'check',
      csvFile('semi.csv', `question;intent;sub\n${rows.join('\n')}\n`),
      '--text',
      'question',
      '--labels',
      'intent',
      '--stratify',
      'none',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^semi\.csv: read with delimiter semicolon \(detected\)\n/);
    expect(r.stdout).toMatch(/^Checked 70 rows of semi\.csv \(text: question; labels: intent; not stratified, test size 0\.2\)\./);
  });
});

describe('trainset check --json', () => {
  it('prints exactly one JSON object with the report', () => {
    const r = trainset(['check', csvFile('dirty.csv', `inquiry,category,sub_category\n${dirty.join('\n')}\n`), '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.stdout) as { rows: number; checks: Record<string, unknown>[] };
    expect(report.rows).toBe(75);
    expect(report.checks.map((c) => `${c.severity} ${c.id}`)).toEqual([
      'error empty',
      'error na-string',
      'error rare-class',
      'warning duplicate',
      'warning hierarchy',
      'warning label-variant',
      'warning whitespace',
      'info imbalance',
    ]);
    expect(report.checks[3]).toMatchObject({
      id: 'duplicate',
      severity: 'warning',
      count: 1,
      rows: [74],
      fixes: [{ kind: 'drop-duplicates', keep: 'first', rows: [74] }],
    });
    expect(Object.keys(report.checks[0]!)).toEqual(['id', 'severity', 'count', 'rows', 'message', 'details']);
    // Row ids are the app's business: in a file they are just the row number minus one.
    expect(r.stdout).not.toContain('rowIds');
  });

  it('reports messy data rather than refusing it: a one-row class is a finding', () => {
    const r = trainset(['check', join(FIXTURES, '12-refuse_singleton_category/dataset.csv'), '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).checks[0]).toMatchObject({ id: 'rare-class', severity: 'error', count: 1 });
  });

  it('reports rows with too many fields, with their numbers', () => {
    const r = trainset(['check', join(FIXTURES, '13-refuse_too_many_fields/dataset.csv'), '--json']);
    expect(r.status).toBe(1);
    const malformed = (JSON.parse(r.stdout) as { checks: { id: string; rows: number[] }[] }).checks.find((c) => c.id === 'malformed-row');
    expect(malformed?.rows.length).toBeGreaterThan(0);
  });
});

describe('trainset check refuses only a file it cannot read', () => {
  it.each([
    [
      'a binary file',
      'book.xlsx',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 8, 0, 0, 0, 1, 2, 3]),
      /^book\.xlsx: this is a ZIP archive with no workbook inside/,
    ],
    ['an empty file', 'empty.csv', '', /^empty\.csv: the file is empty\./],
    [
      'an unterminated quote',
      'open.csv',
      'inquiry,category,sub_category\n"oops,a,b\nx,a,b\n',
      /^open\.csv: line 2: a quoted field starts here and is never closed/,
    ],
    [
      'a binary JSONL file',
      'photo.jsonl',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /^photo\.jsonl: this is a PNG image, not a JSONL training file\./,
    ],
    ['an empty JSONL file', 'empty.jsonl', '', /^empty\.jsonl: the file is empty\. Choose a JSONL file/],
    ['a JSONL file of blank lines', 'blank.jsonl', '\n\n  \n', /^blank\.jsonl: the file has only blank lines\./],
  ])('%s: exit 1, one line on stderr, nothing on stdout (even with --json)', (_name, name, content, message) => {
    const r = trainset(['check', csvFile(name, content), '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    noStackTrace(r);
  });
});

describe('trainset check usage errors exit 2 with the usage text', () => {
  it.each([
    ['no file', ['check'], /check needs the CSV file to read/],
    ['--combine with one file', ['check', 'x.csv', '--combine', 'all'], /--combine is for several files read as one/],
    ['an unknown option', ['check', 'x.csv', '--out', 'dir'], /Unknown option '--out'/],
    ['a missing file', ['check', 'does-not-exist.csv'], /cannot read "does-not-exist\.csv": no such file/],
    ['a test size that is not a number', ['check', 'x.csv', '--test-size', 'ten'], /--test-size must be a share such as 0\.2 or a row count/],
    ['a missing JSONL file', ['check', 'train.jsonl'], /cannot read "train\.jsonl": no such file/],
    ['an unknown threshold', ['check', 'x.csv', '--threshold', 'fewRows=5'], /--threshold: unknown threshold "fewRows"; use one of minClassRows, fewClassRows/],
    ['a threshold without a value', ['check', 'x.csv', '--threshold', 'fewClassRows'], /--threshold fewClassRows needs a value: --threshold fewClassRows=10/],
    ['a threshold that is not a whole number', ['check', 'x.csv', '--threshold', 'fewClassRows=2.5'], /--threshold fewClassRows: Type a whole number/],
  ])('%s', (_name, args, message) => {
    const r = trainset(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage:/);
    expect(r.stdout).toBe('');
    noStackTrace(r);
  });

  it('a column that does not exist, named as export names it', () => {
    const r = trainset(['check', join(FIXTURES, '00-basic_ascii_lf/dataset.csv'), '--labels', 'category,subcategory', '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no column named "subcategory" \(the label column\)\. .*The columns are: "inquiry", "category", "sub_category"/);
  });

  it('--help describes check and its exit status', () => {
    const r = trainset(['--help']);
    expect(r.stdout).toMatch(/\n {2}npx trainset check <file\.csv\|book\.xlsx> \[more files…\] \[--combine all\|shared\] \[--sheet NAME\] \[--json\]/);
    expect(r.stdout).toMatch(/Exit status of check: 0 no errors/);
  });
});

describe('trainset check --threshold', () => {
  it('changes the numbers the checks compare against, as Thresholds in the app do', () => {
    const csv = csvFile('clean.csv', `inquiry,category,sub_category\n${clean.join('\n')}\n`);
    const ids = (args: string[]): string[] =>
      (JSON.parse(trainset(['check', csv, '--json', ...args]).stdout) as { checks: { id: string; severity: string }[] }).checks.map(
        (c) => `${c.severity} ${c.id}`,
      );
    // 35 rows a class: quiet by default, "rare" under 40; 56 training examples: an error when 60 are required.
    expect(ids([])).not.toContain('warning rare-class');
    expect(ids(['--threshold', 'fewClassRows=40'])).toContain('warning rare-class');
    const strict = trainset(['check', csv, '--threshold', 'fewClassRows=40', '--threshold', 'minTrainExamples=60']);
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/error {4}too-few-examples/);
  });
});
