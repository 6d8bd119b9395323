import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, noStackTrace, tempDir, trainset } from './testing';
import { EXPORT_TARGETS } from '../lib/export';

const tmp = (): string => tempDir('trainset-cli-');

function writeCsv(dir: string, name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

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
const testSizeArg = (m: Meta): string =>
  m.test_size_type === 'int' ? String(m.test_size) : String(m.test_size).includes('.') ? String(m.test_size) : `${m.test_size}.0`;

// Each fixture also read in two halves at once (a large file's way: cli/parse-thread.ts), whatever its size.
const threads: { threads: string; env: Record<string, string> }[] = [
  { threads: 'one thread', env: {} },
  { threads: 'two threads', env: { TRAINSET_PARALLEL_MIN_BYTES: '0' } },
];

describe('trainset export on every notebook fixture', () => {
  it.each(cases.flatMap((c) => threads.map((t) => ({ ...c, ...t }))))('$name, on $threads', ({ dir, meta, env }) => {
    const out = tmp();
    // A file from an earlier export must survive a refusal untouched.
    writeFileSync(join(out, 'train.jsonl'), 'earlier export\n');
    const args = ['export', join(dir, 'dataset.csv'), '--out', out, '--test-size', testSizeArg(meta), '--seed', String(meta.random_state)];
    const r = trainset(args, undefined, env);
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
    expect(readdirSync(cwd).sort()).toEqual(['manifest.json', 'train.jsonl', 'validation.jsonl']);
  });

  it('names the file, row, line, column and the fix for an empty label', () => {
    const r = trainset(['export', join(FIXTURES, '07-refuse_empty_subcategory/dataset.csv'), '--out', tmp()]);
    expect(r.stderr.split('\n')[0]).toBe(
      'dataset.csv: data row 8 (line 9): sub_category is empty; the notebook would write NaN into the JSON. Fill it in or remove the row.',
    );
  });

  it('maps other column names and says which delimiter and encoding it detected', () => {
    const dir = tmp();
    const latin1 = new Uint8Array([
      ...Buffer.from('question;intent\n'),
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((i) => [...Buffer.from(`caf`), 0xe9, ...Buffer.from(` ${i};${i % 2 ? 'odd' : 'even'}\n`)]),
    ]);
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
    expect(r.stderr).toBe(
      'book.xlsx: this is a ZIP archive with no workbook inside (a damaged .xlsx?), not a CSV file. Export or save it as CSV (UTF-8) and upload that.\n',
    );
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
    ['no file at all', ['export'], /export needs the CSV file \(or \.xlsx workbook\) to read/],
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
    expect(r.stdout).toMatch(/^Usage:\n {2}npx trainset export <file\.csv\|book\.xlsx>/);
    expect(r.stdout).toMatch(/Exit status: 0 files written; 1 refused/);
    expect(existsSync(join(ROOT, 'train.jsonl'))).toBe(false);
  });
});

const basic = join(FIXTURES, '00-basic_ascii_lf/dataset.csv');

describe('trainset export --target', () => {
  const files = (dir: string): Record<'train' | 'validation', string[]> => ({
    train: readFileSync(join(dir, 'train.jsonl'), 'utf8').split('\n'),
    validation: readFileSync(join(dir, 'validation.jsonl'), 'utf8').split('\n'),
  });

  /** The user message and the answer (parsed: its spacing follows the JSON style) of a line, checking the target's structure on the way. */
  const exampleOf = (target: string, line: string): [string, unknown] => {
    const [user, answer] = fields(target, line);
    return [user, JSON.parse(answer)];
  };
  const fields = (target: string, line: string): [string, string] => {
    const o = JSON.parse(line) as Record<string, unknown>;
    const roles = (list: { role: string }[]): string[] => list.map((m) => m.role);
    if (target === 'vertex-gemini') {
      expect(Object.keys(o)).toEqual(['systemInstruction', 'contents']);
      const contents = o.contents as { role: string; parts: { text: string }[] }[];
      expect(roles(contents)).toEqual(['user', 'model']);
      return [contents[0]!.parts[0]!.text, contents[1]!.parts[0]!.text];
    }
    if (target === 'bedrock-claude-haiku') {
      expect(Object.keys(o)).toEqual(['system', 'messages']);
      const messages = o.messages as { role: string; content: string }[];
      expect(roles(messages)).toEqual(['user', 'assistant']);
      return [messages[0]!.content, messages[1]!.content];
    }
    if (target === 'bedrock-nova') {
      expect(o).toMatchObject({ schemaVersion: 'bedrock-conversation-2024', system: [{ text: expect.any(String) }] });
      expect(Object.keys(o)).toEqual(['schemaVersion', 'system', 'messages']);
      const messages = o.messages as { role: string; content: { text: string }[] }[];
      expect(roles(messages)).toEqual(['user', 'assistant']);
      return [messages[0]!.content[0]!.text, messages[1]!.content[0]!.text];
    }
    if (target === 'sharegpt') {
      expect(Object.keys(o)).toEqual(['conversations']);
      const turns = o.conversations as { from: string; value: string }[];
      expect(turns.map((t) => t.from)).toEqual(['system', 'human', 'gpt']);
      return [turns[1]!.value, turns[2]!.value];
    }
    if (target === 'alpaca') {
      expect(Object.keys(o)).toEqual(['instruction', 'input', 'output']);
      return [o.input as string, o.output as string];
    }
    expect(Object.keys(o)).toEqual(['messages']);
    const messages = o.messages as { role: string; content: string }[];
    expect(roles(messages)).toEqual(['system', 'user', 'assistant']);
    return [messages[1]!.content, messages[2]!.content];
  };

  it.each(EXPORT_TARGETS)("%s: every line is JSON in the layout, with the default export's examples", (target) => {
    const byDefault = tmp();
    expect(trainset(['export', basic, '--out', byDefault, '-q']).status).toBe(0);
    const out = tmp();
    const r = trainset(['export', basic, '--out', out, '--target', target, '--json-style', 'compact']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    for (const which of ['train', 'validation'] as const) {
      const lines = files(out)[which];
      expect(lines.pop()).toBe('');
      const defaults = files(byDefault)[which];
      const expected = defaults.slice(0, -1).map((l) => exampleOf('openai', l));
      expect(lines.map((l) => exampleOf(target, l))).toEqual(expected);
    }
  });

  it("leaves the default output byte for byte the notebook's, with or without --target openai", () => {
    const out = tmp();
    expect(trainset(['export', basic, '--out', out, '--target', 'openai']).status).toBe(0);
    for (const file of ['train.jsonl', 'validation.jsonl']) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(FIXTURES, '00-basic_ascii_lf', file)))).toBe(true);
    }
  });

  it('refuses an unknown target as a usage error, listing the targets', () => {
    const r = trainset(['export', basic, '--out', tmp(), '--target', 'gemini']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /--target is openai, together, fireworks, huggingface, sharegpt, bedrock-nova, vertex-gemini, alpaca or bedrock-claude-haiku, not "gemini"/,
    );
    expect(r.stderr).toMatch(/Usage:/);
    noStackTrace(r);
  });

  it('refuses the old id bedrock, naming the two targets it became', () => {
    const r = trainset(['export', basic, '--out', tmp(), '--target', 'bedrock']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /--target bedrock is now two targets: bedrock-nova \(Amazon Nova.*\) or bedrock-claude-haiku \(Claude 3 Haiku, the layout --target bedrock wrote before/,
    );
    noStackTrace(r);
  });

  it('lists every target in --help', () => {
    const help = trainset(['--help']).stdout;
    for (const target of EXPORT_TARGETS) expect(help).toContain(`  ${target}`);
  });

  it("refuses a Fireworks training file of 2 examples, citing Fireworks' minimum", () => {
    const dir = tmp();
    const file = writeCsv(dir, 'three.csv', 'inquiry,category,sub_category\na,billing,x\nb,billing,x\nc,billing,x\n');
    const r = trainset(['check', file, '--target', 'fireworks', '--stratify', 'none', '--json']);
    expect(r.status).toBe(1);
    const check = (JSON.parse(r.stdout) as { checks: { id: string; severity: string; message: string }[] }).checks.find((c) => c.id === 'too-few-examples')!;
    expect(check.severity).toBe('error');
    expect(check.message).toMatch(
      /give 2 training examples and 1 validation example; fine-tuning needs at least 3 training examples\. That is the minimum for Fireworks \(Fireworks docs/,
    );
  });
});

describe('trainset check --target', () => {
  const checks = (args: string[]): { id: string; severity: string; message: string }[] => {
    const r = trainset(['check', basic, '--json', ...args]);
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as { checks: { id: string; severity: string; message: string }[] }).checks;
  };

  it("applies the target's minimum and recommendation, saying whose they are", () => {
    // 50 rows: 40 training examples, under OpenAI's 50 and Bedrock's generic 50, over Bedrock's minimum of 32.
    const openai = checks([]).find((c) => c.id === 'too-few-examples')!;
    expect(openai.severity).toBe('warning');
    expect(openai.message).toMatch(/results usually improve clearly from 50 to 100 training examples \(OpenAI's fine-tuning guide\)/);
    const bedrock = checks(['--target', 'bedrock-claude-haiku']).find((c) => c.id === 'too-few-examples')!;
    expect(bedrock.message).toMatch(/Claude 3 Haiku on Amazon Bedrock publishes no recommended number/);
    const bedrockSmall = checks(['--target', 'bedrock-claude-haiku', '--test-size', '20']).find((c) => c.id === 'too-few-examples')!;
    expect(bedrockSmall.severity).toBe('error');
    expect(bedrockSmall.message).toMatch(/needs at least 32 training examples\. That is the minimum for Claude 3 Haiku on Amazon Bedrock/);
  });

  it("reports a validation file over the target's maximum as an error", () => {
    const dir = tmp();
    const rows = Array.from({ length: 6000 }, (_, i) => `"request number ${i}",${i % 2 ? 'billing' : 'shipping'},x`);
    const file = writeCsv(dir, 'big.csv', `inquiry,category,sub_category\n${rows.join('\n')}\n`);
    const r = trainset(['check', file, '--target', 'bedrock-claude-haiku']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /error {4}target-limits: The validation file would hold 1,200 examples; Claude 3 Haiku on Amazon Bedrock takes at most 1,000 \(Amazon Bedrock User Guide/,
    );
    expect(trainset(['check', file]).stdout).not.toMatch(/target-limits/);
  });
});

describe('trainset export --no-header', () => {
  it('reads the first line as data row 1, the columns named "column 1", "column 2"', () => {
    const lines = Array.from({ length: 10 }, (_, i) => `question number ${i + 1},${i % 2 ? 'Billing' : 'Shipping'}`);
    const dir = tempDir();
    const file = join(dir, 'headerless.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const out = join(dir, 'out');
    const r = trainset(['export', file, '--no-header', '--text', 'column 1', '--labels', 'column 2', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const examples = ['train.jsonl', 'validation.jsonl'].flatMap((f) => readFileSync(join(out, f), 'utf8').trim().split('\n'));
    expect(examples).toHaveLength(10);
    const first = examples.map((l) => JSON.parse(l) as { messages: { content: string }[] }).find((e) => e.messages[1]!.content === 'question number 1');
    expect(first?.messages[2]!.content).toBe('{"column 2": "Shipping"}');
  });

  it('without it, the first line is taken for the header, and the message names the columns it found', () => {
    const file = join(tempDir(), 'headerless.csv');
    writeFileSync(file, 'question one,Billing\nquestion two,Shipping\n');
    const r = trainset(['export', file, '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('The columns are: "question one", "Billing"');
  });
});
