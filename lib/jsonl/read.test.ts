import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset';
import { readJsonl } from './read';
import { answerMode } from './table';
import type { JsonlOptions, JsonlReadResult } from './types';

const enc = new TextEncoder();
const SYSTEM = 'Classify the user message.';

/** One notebook-style line: system, user, assistant with the labels as a JSON string. */
function line(text: string, labels: Record<string, string> | string, system = SYSTEM): string {
  const answer = typeof labels === 'string' ? labels : JSON.stringify(labels);
  return JSON.stringify({
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: text },
      { role: 'assistant', content: answer },
    ],
  });
}

function read(content: string | Uint8Array, options?: JsonlOptions): Extract<JsonlReadResult, { ok: true }> {
  const r = readJsonl(typeof content === 'string' ? enc.encode(content) : content, options);
  if (!r.ok) throw new Error(r.problem.message);
  return r;
}

function refused(content: string | Uint8Array): Extract<JsonlReadResult, { ok: false }>['problem'] {
  const r = readJsonl(typeof content === 'string' ? enc.encode(content) : content);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.problem;
}

/** The table as rows, header first. */
const rows = (r: ReturnType<typeof read>): string[][] => [
  r.table.header,
  ...Array.from({ length: r.table.rowCount }, (_, i) => r.table.columns.map((c) => c[i]!)),
];

const a = line('Where is my parcel?', { category: 'Shipping', sub_category: 'Late' });
const b = line('Refund please', { category: 'Billing', sub_category: 'Refund' });

describe('readJsonl: the examples as a table', () => {
  it("turns the labels of the assistant JSON into columns, in the notebook's column names", () => {
    const r = read(`${a}\n${b}\n`);
    expect(rows(r)).toEqual([
      ['inquiry', 'category', 'sub_category', 'system'],
      ['Where is my parcel?', 'Shipping', 'Late', SYSTEM],
      ['Refund please', 'Billing', 'Refund', SYSTEM],
    ]);
    expect(r.table.mapping).toEqual({ text: 'inquiry', labels: ['category', 'sub_category'] });
    expect([r.table.systemColumn, r.table.assistantColumn]).toEqual(['system', null]);
    expect(r.info).toMatchObject({
      examples: 2,
      lines: 2,
      rows: 2,
      systemPrompts: 1,
      systemPrompt: SYSTEM,
      labelKeys: ['category', 'sub_category'],
      multiTurn: 0,
    });
    expect(r.format).toEqual({ examples: 2, errors: {}, findings: [], warnings: {}, notes: [], order: {}, orderFindings: [], truncated: false });
    expect(r.info.layout).toBe('openai-chat');
    expect([...r.table.lines, ...r.table.numbers]).toEqual([1, 2, 1, 2]);
  });

  it("gives the columns engine.load builds from a CSV: a Dataset keeps the file's lines and example numbers", () => {
    const r = read(`${a}\nnot json\n\n${b}\n`);
    const t = r.table;
    const ds = Dataset.fromColumns(t.header, t.columns, t.lines, t.numbers);
    expect([ds.size, ds.row(1), ds.line(1), ds.rowNumber(1)]).toEqual([2, ['Refund please', 'Billing', 'Refund', SYSTEM], 4, 3]);
  });

  it('takes the union of label keys in first-seen order, and notes the rows that lack one', () => {
    const r = read([line('x', { category: 'A' }), line('y', { sub_category: 's', category: 'B', priority: 'high' })].join('\n'));
    expect(r.table.header).toEqual(['inquiry', 'category', 'sub_category', 'priority', 'system']);
    expect(rows(r)[1]).toEqual(['x', 'A', '', '', SYSTEM]);
    expect(r.format.notes).toEqual([
      { line: 1, example: 1, kind: 'label_missing', message: 'the assistant\'s answer has no value for "sub_category", "priority": fill them in.' },
    ]);
  });

  it('keeps numbers and NaN in labels visible: numbers as text, NaN as an empty cell, both noted', () => {
    const r = read([line('x', '{"category": "B", "sub_category": 7}'), line('y', '{"category": "B", "sub_category": NaN}')].join('\n'));
    expect(
      rows(r)
        .slice(1)
        .map((row) => row[2]),
    ).toEqual(['7', '']);
    expect(r.format.warnings).toEqual({ label_missing: 1, label_not_text: 1 });
    expect(r.format.notes.map((n) => n.message)).toEqual([
      'in the assistant\'s answer "sub_category" is 7, not text (in quotes): a re-export writes it as text.',
      'the assistant\'s answer has no value for "sub_category" (NaN): fill it in.',
    ]);
  });

  it('keeps free-text answers in one assistant column, mapped as the label', () => {
    const r = read([line('Hi', 'Hello! How can I help?'), line('Bye', 'Goodbye.')].join('\n'));
    expect(rows(r)).toEqual([
      ['inquiry', 'assistant', 'system'],
      ['Hi', 'Hello! How can I help?', SYSTEM],
      ['Bye', 'Goodbye.', SYSTEM],
    ]);
    expect(r.table.mapping).toEqual({ text: 'inquiry', labels: ['assistant'] });
    expect(r.info.labelKeys).toEqual([]);
    expect(r.format.notes).toEqual([]);
  });

  it('keeps an answer that is a JSON object as written when most answers are free text (read again from the file)', () => {
    // Odd spacing, a CRLF line, a blank line and a multi-byte character before it: the answer comes back byte for byte.
    const labels = '{ "category" :"Café",  "sub_category": "x" }';
    const file = [
      line('Hi', 'Hello! How can I help?'),
      '',
      line('é?', labels),
      line('Bye', 'Goodbye.'),
      line('Again', '{"category": "A"}'),
      line('?', 'Sorry?'),
    ].join('\r\n');
    for (const chunkBytes of [7, 4 << 20]) {
      const r = read(file, { chunkBytes });
      expect(r.table.header).toEqual(['inquiry', 'assistant', 'system']);
      expect(
        rows(r)
          .slice(1)
          .map((row) => row[1]),
      ).toEqual(['Hello! How can I help?', labels, 'Goodbye.', '{"category": "A"}', 'Sorry?']);
      expect(r.table.mapping.labels).toEqual(['assistant']);
    }
  });

  it.each([
    [['assistant'], 'text'],
    [['category'], 'labels'],
    [['assistant', 'category'], 'labels'],
  ] as const)('answerMode: label columns %j of a table with an assistant column give %s answers', (labels, mode) => {
    expect(answerMode({ assistantColumn: 'assistant' }, labels)).toBe(mode);
    expect(answerMode({ assistantColumn: null }, labels)).toBe('labels');
  });

  it('keeps label columns when most answers are labels, and the odd answer in an assistant column', () => {
    const r = read([a, b, line('odd', 'Shipping / Late'), line('list', '["Shipping"]')].join('\n'));
    expect(r.table.header).toEqual(['inquiry', 'category', 'sub_category', 'assistant', 'system']);
    expect(
      rows(r)
        .slice(1)
        .map((row) => row.slice(1, 4)),
    ).toEqual([
      ['Shipping', 'Late', ''],
      ['Billing', 'Refund', ''],
      ['', '', 'Shipping / Late'],
      ['', '', '["Shipping"]'],
    ]);
    expect(r.table.mapping.labels).toEqual(['category', 'sub_category']);
    expect(r.table.assistantColumn).toBe('assistant');
    expect(r.format.warnings).toEqual({ labels_not_json: 2 });
    expect(r.format.notes[0]).toMatchObject({ line: 3, example: 3, kind: 'labels_not_json' });
  });

  it('renames a fixed column a label key already uses', () => {
    const r = read(line('x', { system: 'billing', inquiry: 'refund' }));
    expect(r.table.header).toEqual(['inquiry_message', 'system', 'inquiry', 'system_message']);
    expect(r.table.mapping).toEqual({ text: 'inquiry_message', labels: ['system', 'inquiry'] });
    expect(r.table.systemColumn).toBe('system_message');
  });

  it('reports a conversation as multi-turn: first user message, last assistant answer', () => {
    const convo = JSON.stringify({
      messages: [
        { role: 'system', content: SYSTEM },
        { role: 'user', content: 'first question' },
        { role: 'assistant', content: '{"category": "Draft", "sub_category": "x"}' },
        { role: 'user', content: 'no, really' },
        { role: 'assistant', content: '{"category": "Final", "sub_category": "y"}' },
      ],
    });
    const r = read(`${a}\n${convo}\n`);
    expect(rows(r)[2]!.slice(0, 3)).toEqual(['first question', 'Final', 'y']);
    expect(r.info.multiTurn).toBe(1);
    expect(r.format.errors).toEqual({});
    expect(r.format.notes).toEqual([
      {
        line: 2,
        example: 2,
        kind: 'multi_turn',
        message:
          'this example is a conversation (2 user and 2 assistant messages): the grid shows its first user message and its last assistant answer, and a re-export keeps only those.',
      },
    ]);
  });

  it('counts system prompts, and gives the prompt only when every row has the same one', () => {
    expect(read(`${a}\n${line('x', { category: 'A' }, 'Other prompt')}`).info).toMatchObject({ systemPrompts: 2, systemPrompt: null, missingSystem: 0 });
    const noSystem = JSON.stringify({
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: '{"category": "A"}' },
      ],
    });
    const r = read(`${a}\n${noSystem}`);
    expect(r.info).toMatchObject({ systemPrompts: 1, systemPrompt: null, missingSystem: 1, missingUser: 0 });
    expect(rows(r)[2]).toEqual(['x', 'A', '', '']);
  });
});

describe('readJsonl: format errors by line', () => {
  const broken = '{"messages": [{"role": "user", "content": "hi"},]}';
  const file = [a, '', broken, '{"messages": [{"role": "user", "content": ""}, {"role": "bot", "content": "x"}]}', '[1, 2]', b].join('\n');

  it('sets a line that is not JSON aside, with its line and column and what to do', () => {
    const r = read(file);
    expect(r.badLines).toEqual([
      {
        line: 3,
        example: 2,
        text: broken,
        column: broken.indexOf(']}') + 1,
        kind: 'invalid_json',
        message: `the line is not valid JSON at column ${broken.indexOf(']}') + 1}: there is a comma right before ]: JSON allows no trailing comma. Remove it.`,
      },
      { line: 5, example: 4, text: '[1, 2]', kind: 'data_type', message: expect.stringMatching(/^the line is a list, not a JSON object\./) },
    ]);
  });

  it('summarises the errors per kind, like the notebook, and lists them by line with the example number', () => {
    const r = read(file);
    expect(r.format.examples).toBe(5);
    expect(r.format.errors).toEqual({ invalid_json: 1, data_type: 1, unrecognized_role: 1, missing_content: 1, example_missing_assistant_message: 1 });
    expect(r.format.findings.map(({ line, example, kind, messageIndex }) => [line, example, kind, messageIndex])).toEqual([
      [3, 2, 'invalid_json', undefined],
      [4, 3, 'missing_content', 1],
      [4, 3, 'unrecognized_role', 2],
      [4, 3, 'example_missing_assistant_message', undefined],
      [5, 4, 'data_type', undefined],
    ]);
  });

  it('keeps a line that fails the checks as a row, with empty cells where it has nothing, numbered as in the file', () => {
    const r = read(file);
    expect(rows(r).slice(1)).toEqual([
      ['Where is my parcel?', 'Shipping', 'Late', SYSTEM],
      ['', '', '', ''],
      ['Refund please', 'Billing', 'Refund', SYSTEM],
    ]);
    expect([...r.table.numbers]).toEqual([1, 3, 5]);
    expect([...r.table.lines]).toEqual([1, 4, 6]);
  });

  it("reads Python's NaN content (an empty cell in the source) as missing content, keeping the row", () => {
    const nan = '{"messages": [{"role": "user", "content": NaN}, {"role": "assistant", "content": "{\\"category\\": \\"A\\", \\"sub_category\\": \\"B\\"}"}]}';
    const r = read(`${a}\n${nan}\n`);
    expect(r.format.errors).toEqual({ missing_content: 1 });
    expect(r.format.findings[0]!.message).toMatch(/message 1 \(user\) has content NaN: the cell was empty/);
    expect(r.format.warnings).toEqual({ non_standard_json: 1 });
    expect(rows(r)[2]!.slice(0, 2)).toEqual(['', 'A']);
  });

  it('caps the lists, not the counts', () => {
    const r = read(Array.from({ length: 5 }, () => '{"messages": []}').join('\n'), { maxFindings: 2 });
    expect(r.format.errors).toEqual({ missing_messages_list: 5 });
    expect(r.format.findings.map((f) => f.line)).toEqual([1, 2]);
    expect(r.format.truncated).toBe(true);
  });
});

describe('readJsonl: lines, encodings and files it cannot read', () => {
  it('skips blank lines but keeps counting them, and warns that the notebook would stop there', () => {
    const r = read(`\n${a}\n\n  \t\n${b}\n\n`);
    expect([...r.table.lines]).toEqual([2, 5]);
    expect([...r.table.numbers]).toEqual([1, 2]);
    expect(r.info).toMatchObject({ lines: 6, examples: 2, blankLines: 4 });
    expect(r.info.warnings).toEqual([
      {
        code: 'blank-lines',
        message: expect.stringMatching(/^4 lines are blank \(the first is line 1\): Trainset skipped them, but the notebook's json\.loads stops/),
      },
    ]);
  });

  it('reads CRLF line endings, and a last line without one', () => {
    const r = read(`${a}\r\n${b}`);
    expect(
      rows(r)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['Where is my parcel?', 'Refund please']);
    expect(r.info.lineEndings).toEqual({ lf: 0, crlf: 1 });
  });

  it('strips a UTF-8 BOM', () => {
    const r = read(`\ufeff${a}\n`);
    expect(r.info.bom).toBe(true);
    expect(r.format.errors).toEqual({});
    expect(rows(r)[1]![0]).toBe('Where is my parcel?');
  });

  it('reads the same whatever the chunk size, across CRLF and multi-byte characters', () => {
    const text = [line('café ☕ 😀', { category: 'Ünï' }), '', '{"broken": ', line('naïve', { category: 'Ünï' })].join('\r\n');
    const whole = read(text);
    for (const chunkBytes of [1, 2, 3, 7, 64]) {
      const r = read(text, { chunkBytes });
      expect(rows(r)).toEqual(rows(whole));
      expect(r.format).toEqual(whole.format);
      expect(r.info).toEqual(whole.info);
    }
    expect(rows(whole)[1]![0]).toBe('café ☕ 😀');
  });

  it('decodes Windows-1252 and UTF-16 with a BOM, and says the file should be UTF-8', () => {
    const cp1252 = Uint8Array.from([
      ...enc.encode('{"messages": [{"role": "user", "content": "caf'),
      0xe9,
      ...enc.encode('"}, {"role": "assistant", "content": "x"}]}\n'),
    ]);
    const r = read(cp1252);
    expect(rows(r)[1]![0]).toBe('café');
    expect(r.info.encoding).toBe('windows-1252');
    expect(r.info.warnings[0]).toMatchObject({ code: 'not-utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...a].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(rows(read(utf16))[1]![0]).toBe('Where is my parcel?');
  });

  it('warns when the file is one pretty-printed JSON value', () => {
    const r = read(`[\n  ${a},\n  ${b}\n]\n`);
    expect(r.info.warnings.map((w) => w.code)).toEqual(['not-jsonl']);
    // `[`, `{…},` and `]` are not JSON; the last example, alone on its line, is.
    expect(r.format.errors.invalid_json).toBe(3);
    expect(r.table.rowCount).toBe(1);
  });

  it.each<[string, string | Uint8Array, string, RegExp]>([
    [
      'a PNG image',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'binary-file',
      /^this is a PNG image, not a JSONL training file\./,
    ],
    [
      'a binary file',
      new Uint8Array(256).map((_, i) => (i % 3 === 0 ? 0 : i)),
      'binary-file',
      /^this looks like a binary file, not text\. Choose a JSONL file/,
    ],
    ['an empty file', '', 'empty-file', /^the file is empty\. Choose a JSONL file/],
    ['a file of blank lines', '\n \n\r\n', 'no-examples', /^the file has only blank lines/],
    [
      'bytes that are neither UTF-8 nor Windows-1252',
      new Uint8Array([0x7b, 0x0a, 0x81, 0x0a]),
      'invalid-encoding',
      /^line 2, column 1: the text is neither UTF-8 nor Windows-1252 \(byte 0x81\)\. Training files must be UTF-8/,
    ],
  ])('refuses %s with a message', (_name, content, code, message) => {
    const problem = refused(content);
    expect(problem.code).toBe(code);
    expect(problem.message).toMatch(message);
  });

  it('reads 10,000 lines', () => {
    const labels = ['Billing', 'Shipping', 'Account'];
    const text = Array.from({ length: 10_000 }, (_, i) => line(`question ${i}`, { category: labels[i % 3]!, sub_category: `s${i % 7}` })).join('\n');
    const r = read(text);
    expect(r.table.rowCount).toBe(10_000);
    expect(r.format.errors).toEqual({});
    expect(r.table.columns[0]![9_999]).toBe('question 9999');
    expect(r.table.columns[1]![9_999]).toBe(labels[9_999 % 3]);
    expect(r.table.columns[2]![9_999]).toBe(`s${9_999 % 7}`);
    expect(r.table.numbers[9_999]).toBe(10_000);
  });
});
