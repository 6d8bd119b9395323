import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPandasNa } from '../csv';
import { chatFormat } from './chat-format';
import { exportCsv } from './from-csv';
import type { ExportTarget } from './targets';
import { DEFAULT_SETTINGS, type ExportSettings, type JsonStyle } from './types';

const SYS = 'Sort "this"';
const USER = 'Où est "ma"\ncommande? 😀 \\ fin';
const ANSWER = 'Sure! Reset it:\n1. Hold "Reset" 10 s\t(é) 😀 \\ done';

/**
 * Each target's line for one example with a free-text answer, as Python 3.11 writes it:
 * `json.dumps(obj)` for the python style and `json.dumps(obj, separators=(',', ':'),
 * ensure_ascii=False)` for compact, the answer being the string itself (escaped once, not dumped as
 * an object first).
 */
const TEXT_LINES: [JsonStyle, ExportTarget, string][] = [
  [
    'python',
    'openai',
    '{"messages": [{"role": "system", "content": "Sort \\"this\\""}, {"role": "user", "content": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"role": "assistant", "content": "Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(\\u00e9) \\ud83d\\ude00 \\\\ done"}]}',
  ],
  [
    'python',
    'vertex-gemini',
    '{"systemInstruction": {"role": "system", "parts": [{"text": "Sort \\"this\\""}]}, "contents": [{"role": "user", "parts": [{"text": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}]}, {"role": "model", "parts": [{"text": "Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(\\u00e9) \\ud83d\\ude00 \\\\ done"}]}]}',
  ],
  [
    'python',
    'bedrock-claude-haiku',
    '{"system": "Sort \\"this\\"", "messages": [{"role": "user", "content": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"role": "assistant", "content": "Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(\\u00e9) \\ud83d\\ude00 \\\\ done"}]}',
  ],
  [
    'python',
    'alpaca',
    '{"instruction": "Sort \\"this\\"", "input": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin", "output": "Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(\\u00e9) \\ud83d\\ude00 \\\\ done"}',
  ],
  [
    'compact',
    'openai',
    '{"messages":[{"role":"system","content":"Sort \\"this\\""},{"role":"user","content":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"role":"assistant","content":"Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(é) 😀 \\\\ done"}]}',
  ],
  [
    'compact',
    'vertex-gemini',
    '{"systemInstruction":{"role":"system","parts":[{"text":"Sort \\"this\\""}]},"contents":[{"role":"user","parts":[{"text":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"}]},{"role":"model","parts":[{"text":"Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(é) 😀 \\\\ done"}]}]}',
  ],
  [
    'compact',
    'bedrock-claude-haiku',
    '{"system":"Sort \\"this\\"","messages":[{"role":"user","content":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"role":"assistant","content":"Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(é) 😀 \\\\ done"}]}',
  ],
  [
    'compact',
    'alpaca',
    '{"instruction":"Sort \\"this\\"","input":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin","output":"Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(é) 😀 \\\\ done"}',
  ],
  [
    'python',
    'bedrock-nova',
    '{"schemaVersion": "bedrock-conversation-2024", "system": [{"text": "Sort \\"this\\""}], "messages": [{"role": "user", "content": [{"text": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}]}, {"role": "assistant", "content": [{"text": "Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(\\u00e9) \\ud83d\\ude00 \\\\ done"}]}]}',
  ],
  [
    'python',
    'sharegpt',
    '{"conversations": [{"from": "system", "value": "Sort \\"this\\""}, {"from": "human", "value": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"from": "gpt", "value": "Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(\\u00e9) \\ud83d\\ude00 \\\\ done"}]}',
  ],
  [
    'compact',
    'bedrock-nova',
    '{"schemaVersion":"bedrock-conversation-2024","system":[{"text":"Sort \\"this\\""}],"messages":[{"role":"user","content":[{"text":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"}]},{"role":"assistant","content":[{"text":"Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(é) 😀 \\\\ done"}]}]}',
  ],
  [
    'compact',
    'sharegpt',
    '{"conversations":[{"from":"system","value":"Sort \\"this\\""},{"from":"human","value":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"from":"gpt","value":"Sure! Reset it:\\n1. Hold \\"Reset\\" 10 s\\t(é) 😀 \\\\ done"}]}',
  ],
];

const concat = (batches: Iterable<Uint8Array[]>): string => Buffer.concat([...batches].flat()).toString('utf8');
const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;
const csvOf = (rows: readonly (readonly string[])[]): Uint8Array =>
  new TextEncoder().encode(['inquiry,answer', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n');
const TEXT_SETTINGS: ExportSettings = { ...DEFAULT_SETTINGS, labelColumns: ['answer'], answer: 'text', stratify: null };

describe('free-text answers', () => {
  it.each(TEXT_LINES)('%s style, %s: the answer is written as it is', (style, target, expected) => {
    const f = chatFormat(style, SYS, target, 'text');
    expect(f.prefix + f.str(USER) + f.middle + f.assistant(['answer'], [ANSWER]) + f.suffix).toBe(`${expected}\n`);
  });

  it.each(TEXT_LINES)('%s style, %s: the export writes those bytes on every line', (jsonStyle, target, expected) => {
    const r = exportCsv(csvOf(Array.from({ length: 5 }, () => [USER, ANSWER])), { ...TEXT_SETTINGS, jsonStyle, target, systemPrompt: SYS });
    if (!r.ok) throw new Error('refused');
    expect(concat(r.files.train())).toBe(`${expected}\n`.repeat(4));
    expect(concat(r.files.validation())).toBe(`${expected}\n`);
  });

  it('keeps labels the default: the same cell as a label is a JSON object', () => {
    const f = chatFormat('python', SYS);
    expect(JSON.parse(f.assistant(['answer'], ['Hello'])) as string).toBe('{"answer": "Hello"}');
    expect(JSON.parse(chatFormat('python', SYS, 'openai', 'text').assistant(['answer'], ['Hello'])) as string).toBe('Hello');
  });

  it('refuses several label columns, naming them', () => {
    const r = exportCsv(new TextEncoder().encode('inquiry,a,b\nq,x,y\nr,x,y\n'), { ...TEXT_SETTINGS, labelColumns: ['a', 'b'] });
    expect(r.ok).toBe(false);
    if (r.ok || r.kind === 'unreadable') return;
    expect(r.kind).toBe('usage');
    expect(r.problems).toEqual([expect.objectContaining({ code: 'answer-columns', message: expect.stringContaining('2 label columns are given ("a", "b")') })]);
  });

  it('refuses an empty answer but keeps one pandas would read as NaN, and counts no classes', () => {
    const empty = exportCsv(
      csvOf([
        ['q1', 'Fine.'],
        ['q2', ''],
      ]),
      TEXT_SETTINGS,
    );
    expect(empty.ok).toBe(false);
    if (!empty.ok && empty.kind === 'refused') {
      expect(empty.problems).toEqual([
        expect.objectContaining({ code: 'empty-cell', dataRow: 2, column: 'answer', message: expect.stringContaining('an example needs an answer') }),
      ]);
    }
    // "NA" and "42" are answers here: nothing goes through pandas, so nothing becomes NaN or a number.
    const kept = exportCsv(
      csvOf([
        ['q1', 'NA'],
        ['q2', '42'],
        ['q3', '7'],
        ['q4', 'None'],
      ]),
      TEXT_SETTINGS,
    );
    if (!kept.ok) throw new Error('refused');
    const answers = `${concat(kept.files.train())}${concat(kept.files.validation())}`
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages[2]!.content);
    expect(answers.sort()).toEqual(['42', '7', 'NA', 'None']);
    expect(kept.files.summary).toMatchObject({ rows: 4, perLabel: [], labelColumn: 'answer' });
  });

  it('gives every message back with its own answer, in either style', () => {
    // Messages pandas would read as NaN are refused (the notebook's rule for the user message).
    const text = fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' }).filter((s) => s.trim() !== '' && !s.includes('\0') && !isPandasNa(s));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(text, text), { minLength: 2, maxLength: 30, selector: (p) => p[0] }),
        fc.constantFrom<JsonStyle>('python', 'compact'),
        (pairs, jsonStyle) => {
          const r = exportCsv(csvOf(pairs), { ...TEXT_SETTINGS, jsonStyle });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const lines = `${concat(r.files.train())}${concat(r.files.validation())}`.split('\n').slice(0, -1);
          const back = lines.map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages.slice(1).map((m) => m.content));
          expect(new Map(back.map(([u, a]) => [u, a]))).toEqual(new Map(pairs));
        },
      ),
      { numRuns: 100 },
    );
  });
});
