import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, noStackTrace, tempFile, trainset } from './testing';

const file = (name: string, content: string | Uint8Array): string => tempFile(name, content, 'trainset-check-jsonl-');

const SYSTEM = 'Classify the user message.';

function example(text: string, answer: string, extra: object = {}): string {
  return JSON.stringify({
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: text },
      { role: 'assistant', content: answer, ...extra },
    ],
  });
}

/** 70 clean examples: two categories, distinct texts. */
const clean = Array.from({ length: 70 }, (_, i) =>
  example(
    `please help with ${['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'][i % 10]} ${['apple', 'cherry', 'melon', 'grape', 'lemon', 'peach', 'plum'][Math.floor(i / 10)]}`,
    JSON.stringify(i % 2 ? { category: 'billing', sub_category: 'refund' } : { category: 'shipping', sub_category: 'late' }),
  ),
);
const trailingComma = '{"messages": [{"role": "user", "content": "hi"},]}';
const botRole = '{"messages": [{"role": "user", "content": ""}, {"role": "bot", "content": "x"}]}';
const broken = [trailingComma, ...clean, botRole];

type JsonReport = {
  format: {
    examples: number;
    errors: Record<string, number>;
    findings: { line: number; example: number; kind: string; message: string }[];
    truncated: boolean;
  };
  rows: number;
  checks: { id: string; severity: string; rows: number[] }[];
};

describe('trainset check <file.jsonl>: human output', () => {
  it('summarises the format errors per kind with their lines, like the notebook, then the quality checks', () => {
    const r = trainset(['check', file('bad.jsonl', `${broken.join('\n')}\n`)]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^Format of bad\.jsonl, checked as OpenAI's data-preparation notebook does: 72 examples on 72 lines\.\nFound errors:\n/);
    expect(r.stdout).toMatch(
      /\n {2}invalid_json: 1 +\(line 1\)\n {2}unrecognized_role: 1 +\(line 72\)\n {2}missing_content: 1 +\(line 72\)\n {2}example_missing_assistant_message: 1 +\(line 72\)\n/,
    );
    expect(r.stdout).toContain(
      `\n  line 1: invalid_json: the line is not valid JSON at column ${trailingComma.indexOf(']}') + 1}: there is a comma right before ]: JSON allows no trailing comma. Remove it.\n`,
    );
    expect(r.stdout).toContain(
      '\n  line 72: unrecognized_role: message 2 (bot) has role "bot", which this format calls "assistant". Use one of system, user, assistant, function, tool.\n',
    );
    expect(r.stdout).toContain(
      "\nRead as a table: 71 rows; text: inquiry (the user message); labels category, sub_category (the keys of the assistant's JSON answers); 1 distinct system prompt (1 row without one).\n",
    );
    expect(r.stdout).toMatch(/\n\nChecked 71 rows of bad\.jsonl \(text: inquiry; labels: category, sub_category; stratified by category, test size 0\.2\)\.\n/);
    // The example on line 72 is row 72 in the checks too: its empty text and labels.
    expect(r.stdout).toMatch(/error {4}empty: 1 row has an empty text or label[^\n]*\n {9}row 72\n/);
    expect(r.stdout).toMatch(
      /\nThe file itself has 4 format errors \(listed first\): a fine-tuning job would refuse it as it is\. Fix those lines, or export the table again\.\n$/,
    );
  });

  it('says "No errors found." for a file the notebook wrote, and exits 0 when the checks find only warnings', () => {
    const r = trainset(['check', join(FIXTURES, '00-basic_ascii_lf/train.jsonl')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^Format of train\.jsonl, checked as OpenAI's data-preparation notebook does: 40 examples on 40 lines\.\nNo errors found\.\nRead as a table: 40 rows; text: inquiry \(the user message\); labels category, sub_category \(the keys of the assistant's JSON answers\); one system prompt for all\.\n\nChecked 40 rows of train\.jsonl/,
    );
    expect(r.stdout).toMatch(/Nothing blocks the export\.\n$/);
  });

  it('exits 1 on a format error even when the table is clean', () => {
    const lines = [...clean];
    lines[4] = example('please help with request weight', '{"category": "billing", "sub_category": "refund"}', { weight: 2 });
    const r = trainset(['check', file('weight.jsonl', lines.join('\n')), '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.format.errors).toEqual({ invalid_weight: 1 });
    expect(report.format.findings).toEqual([
      { line: 5, example: 5, kind: 'invalid_weight', message: 'message 3 (assistant) has weight 2: it must be 0 (do not train on this answer) or 1.' },
    ]);
    expect(report.checks.filter((c) => c.severity === 'error')).toEqual([]);
  });

  it('lists multi-turn examples as notes and free-text answers as one assistant column, not stratified', () => {
    const convo = JSON.stringify({
      messages: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: 'Hi! What can I do?' },
        { role: 'user', content: 'nothing' },
        { role: 'assistant', content: 'Bye then.' },
      ],
    });
    const r = trainset(['check', file('chat.jsonl', [example('How are you?', 'Fine, thanks.'), convo].join('\n'))]);
    expect(r.stdout).toContain(
      '\nNo errors found.\nNotes:\n  multi_turn: 1  (line 2)\n  line 2: multi_turn: this example is a conversation (2 user and 2 assistant messages)',
    );
    expect(r.stdout).toContain("; the assistant's answers as they are, in assistant; 1 distinct system prompt (1 row without one).");
    expect(r.stdout).toMatch(/\nChecked 2 rows of chat\.jsonl \(text: inquiry; free-text answers: assistant; not stratified, test size 0\.2\)\./);
  });

  it("notes blank lines on stderr, as it notes a CSV's detected encoding", () => {
    const r = trainset(['check', file('blank.jsonl', `${clean.slice(0, 35).join('\n')}\n\n${clean.slice(35).join('\n')}\n`)]);
    expect(r.stderr).toMatch(/^blank\.jsonl: note: line 36 is blank: Trainset skipped it, but the notebook's json\.loads stops at a blank line\./);
    expect(r.stdout).toContain('70 examples on 71 lines.\nNo errors found.');
  });
});

describe('trainset check: a JSONL file is told by its content, as the app tells it', () => {
  it.each([
    ['a .csv name', 'examples.csv'],
    ['a .txt name', 'examples.txt'],
  ])('reads a JSONL file with %s as JSONL', (_what, name) => {
    const asJsonl = trainset(['check', file('examples.jsonl', `${broken.join('\n')}\n`), '--json']);
    const r = trainset(['check', file(name, `${broken.join('\n')}\n`), '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.format).toMatchObject({ examples: 72, errors: { invalid_json: 1, unrecognized_role: 1 } });
    expect(report.rows).toBe(71);
    expect(report).toEqual(JSON.parse(asJsonl.stdout));
    const human = trainset(['check', file(name, clean.join('\n'))]);
    expect(human.status).toBe(0);
    expect(human.stdout.split('\n').slice(0, 2)).toEqual([
      `Format of ${name}, checked as OpenAI's data-preparation notebook does: 70 examples on 70 lines.`,
      'No errors found.',
    ]);
  });

  it('refuses the options that name CSV columns there too, as for a .jsonl', () => {
    const r = trainset(['check', file('examples.csv', clean.join('\n')), '--labels', 'category']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--labels does not apply to a JSONL file/);
    noStackTrace(r);
  });

  it('still reads a CSV named .txt as a CSV', () => {
    const r = trainset(['check', file('data.txt', 'inquiry,category,sub_category\nhello there,billing,refund\n'), '--json']);
    expect(JSON.parse(r.stdout)).not.toHaveProperty('format');
    expect((JSON.parse(r.stdout) as JsonReport).rows).toBe(1);
  });
});

describe('trainset check <file.jsonl> --json', () => {
  it('adds a "format" object to the report: counts, findings by line, truncated', () => {
    const r = trainset(['check', file('bad.jsonl', broken.join('\n')), '--json']);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.format).toMatchObject({
      examples: 72,
      errors: { invalid_json: 1, unrecognized_role: 1, missing_content: 1, example_missing_assistant_message: 1 },
      truncated: false,
    });
    expect(report.format.findings.map((f) => [f.line, f.kind])).toEqual([
      [1, 'invalid_json'],
      [72, 'missing_content'],
      [72, 'unrecognized_role'],
      [72, 'example_missing_assistant_message'],
    ]);
    expect(report.rows).toBe(71);
    expect(report.checks.find((c) => c.id === 'empty')).toMatchObject({ severity: 'error', rows: [72] });
  });

  it('caps the findings at 100 and says so, while the counts stay complete', () => {
    const r = trainset(['check', file('empty-lists.jsonl', Array.from({ length: 150 }, () => '{"messages": []}').join('\n')), '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.format.errors).toEqual({ missing_messages_list: 150 });
    expect(report.format.findings).toHaveLength(100);
    expect(report.format.truncated).toBe(true);
    expect(report.rows).toBe(0);
  });

  it('stratifies by the first label, or as --stratify says', () => {
    const path = file('clean.jsonl', clean.join('\n'));
    const byDefault = trainset(['check', path, '--json']);
    expect(byDefault.status).toBe(0);
    expect((JSON.parse(byDefault.stdout) as JsonReport).format.errors).toEqual({});
    const none = trainset(['check', path, '--stratify', 'none']);
    expect(none.stdout).toContain('(text: inquiry; labels: category, sub_category; not stratified, test size 0.2)');
  });
});

describe('trainset check <file.jsonl>: help and usage errors', () => {
  it('--help describes it', () => {
    const r = trainset(['--help']);
    expect(r.stdout).toMatch(/\n {2}npx trainset check <file\.jsonl> \[--json\]/);
    expect(r.stdout).toMatch(/1 an error-level finding, a format error\nin a JSONL file/);
  });

  it('--help after a command describes it too, and exits 0', () => {
    for (const args of [
      ['check', '--help'],
      ['export', 'data.csv', '-h'],
      ['verify', '--help'],
    ]) {
      const r = trainset(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\n {2}npx trainset check <file\.jsonl> \[--json\]/);
    }
  });

  it.each([
    [
      '--labels',
      ['--labels', 'category'],
      /--labels does not apply to a JSONL file: its text is the user message and its labels are the keys of the assistant's JSON answers/,
    ],
    ['--text', ['--text', 'question'], /--text does not apply to a JSONL file/],
    [
      'a --stratify column it does not have',
      ['--stratify', 'intent'],
      /--stratify: the file has no column "intent"; read as a table its columns are "inquiry", "category", "sub_category", "system"/,
    ],
  ])('%s: a usage error (exit 2)', (_name, args, message) => {
    const r = trainset(['check', file('clean.jsonl', clean.join('\n')), ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage:/);
    expect(r.stdout).toBe('');
    noStackTrace(r);
  });
});

describe('trainset check <file.jsonl> in another layout, and --target rules', () => {
  const parsed = clean.map((l) => JSON.parse(l) as { messages: { role: string; content: string }[] });
  const FROM: Record<string, string> = { system: 'system', user: 'human', assistant: 'gpt' };
  const sharegpt = parsed.map((o) => JSON.stringify({ conversations: o.messages.map((m) => ({ from: FROM[m.role], value: m.content })) }));

  it('reads a ShareGPT file in its layout, to the same table as the chat file', () => {
    const r = trainset(['check', file('sharegpt.jsonl', sharegpt.join('\n')), '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport & { format: { layout: string; targetRules: unknown } };
    expect(report.format).toMatchObject({ examples: 70, errors: {}, layout: 'sharegpt', targetRules: null });
    const chat = JSON.parse(trainset(['check', file('chat.jsonl', clean.join('\n')), '--json']).stdout) as JsonReport;
    expect(report.checks).toEqual(chat.checks);
    const human = trainset(['check', file('sharegpt.jsonl', sharegpt.join('\n'))]);
    expect(human.stdout.split('\n')[0]).toBe(
      'Format of sharegpt.jsonl, in the ShareGPT layout ({"conversations": […]}), checked with the notebook\'s kinds: 70 examples on 70 lines.',
    );
  });

  it("refuses a file that breaks Together's rules with --target together, by line, saying what to do", () => {
    const twoUsers = JSON.stringify({ messages: [{ role: 'user', content: 'hello' }, ...parsed[0]!.messages.slice(1)] });
    const lines = [...clean.slice(0, 69), twoUsers];
    const path = file('turns.jsonl', lines.join('\n'));
    expect(trainset(['check', path]).status).toBe(0);
    const r = trainset(['check', path, '--target', 'together']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Together AI\'s rules on the order of messages (Together AI docs, "Data preparation" (fine-tuning), read 2026-12-06): 1 break.');
    expect(r.stdout).toMatch(/\n {2}alternation: 1 +\(line 70\)\n/);
    expect(r.stdout).toContain(
      '  line 70: alternation: Together AI needs user and assistant messages to take turns after the system message, from a user message (Together AI docs, "Data preparation" (fine-tuning)): message 2 (user) follows another user message (message 1 (user)). Merge or remove messages so that they take turns, or export the rows again: Trainset writes system, user, assistant.',
    );
    expect(r.stdout).toMatch(/The file itself has 1 break of Together AI's rules \(listed first\): Together AI would refuse it as it is\./);
    const json = JSON.parse(trainset(['check', path, '--target', 'together', '--json']).stdout) as { format: { targetRules: unknown } };
    expect(json.format.targetRules).toMatchObject({
      target: 'together',
      counts: { alternation: 1 },
      findings: [{ line: 70, example: 70, kind: 'alternation' }],
      truncated: false,
    });
  });
});
