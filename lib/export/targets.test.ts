import { describe, expect, it } from 'vitest';
import { chatFormat } from './chat-format';
import { exportCsv } from './from-csv';
import { EXPORT_TARGETS, TARGETS, isExportTarget, type ExportTarget, type PublishedLimit } from './targets';
import { DEFAULT_SETTINGS, type JsonStyle } from './types';

const SYS = 'Sort "this"';
const USER = 'Où est "ma"\ncommande? 😀 \\ fin';
const KEYS = ['category', 'sub_category'];
const VALUES = ['Café', 'a\tb'];

/**
 * Each target's line for one example, as Python 3.11 writes it: `json.dumps(obj)` for the python
 * style and `json.dumps(obj, separators=(',', ':'), ensure_ascii=False)` for compact, the answer
 * being the labels dumped the same way. Objects built with the keys in the order of
 * fine-tuning-facts.md, without Vertex AI's and Bedrock's system field when the prompt is empty.
 */
const PYTHON_LINES: [JsonStyle, ExportTarget, string, string][] = [
  [
    'python',
    'openai',
    SYS,
    '{"messages": [{"role": "system", "content": "Sort \\"this\\""}, {"role": "user", "content": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"role": "assistant", "content": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}',
  ],
  [
    'python',
    'vertex-gemini',
    SYS,
    '{"systemInstruction": {"role": "system", "parts": [{"text": "Sort \\"this\\""}]}, "contents": [{"role": "user", "parts": [{"text": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}]}, {"role": "model", "parts": [{"text": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'python',
    'bedrock',
    SYS,
    '{"system": "Sort \\"this\\"", "messages": [{"role": "user", "content": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"role": "assistant", "content": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}',
  ],
  [
    'python',
    'alpaca',
    SYS,
    '{"instruction": "Sort \\"this\\"", "input": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin", "output": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}',
  ],
  [
    'python',
    'openai',
    '',
    '{"messages": [{"role": "system", "content": ""}, {"role": "user", "content": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"role": "assistant", "content": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}',
  ],
  [
    'python',
    'vertex-gemini',
    '',
    '{"contents": [{"role": "user", "parts": [{"text": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}]}, {"role": "model", "parts": [{"text": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'python',
    'bedrock',
    '',
    '{"messages": [{"role": "user", "content": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"role": "assistant", "content": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}',
  ],
  [
    'python',
    'alpaca',
    '',
    '{"instruction": "", "input": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin", "output": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}',
  ],
  [
    'compact',
    'openai',
    SYS,
    '{"messages":[{"role":"system","content":"Sort \\"this\\""},{"role":"user","content":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"role":"assistant","content":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}',
  ],
  [
    'compact',
    'vertex-gemini',
    SYS,
    '{"systemInstruction":{"role":"system","parts":[{"text":"Sort \\"this\\""}]},"contents":[{"role":"user","parts":[{"text":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"}]},{"role":"model","parts":[{"text":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'compact',
    'bedrock',
    SYS,
    '{"system":"Sort \\"this\\"","messages":[{"role":"user","content":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"role":"assistant","content":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}',
  ],
  [
    'compact',
    'alpaca',
    SYS,
    '{"instruction":"Sort \\"this\\"","input":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin","output":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}',
  ],
  [
    'compact',
    'openai',
    '',
    '{"messages":[{"role":"system","content":""},{"role":"user","content":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"role":"assistant","content":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}',
  ],
  [
    'compact',
    'vertex-gemini',
    '',
    '{"contents":[{"role":"user","parts":[{"text":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"}]},{"role":"model","parts":[{"text":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'compact',
    'bedrock',
    '',
    '{"messages":[{"role":"user","content":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"role":"assistant","content":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}',
  ],
  [
    'compact',
    'alpaca',
    '',
    '{"instruction":"","input":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin","output":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}',
  ],
];

describe('chatFormat for each target', () => {
  it.each(PYTHON_LINES)('%s style, %s, system prompt %j: the bytes json.dumps writes', (style, target, system, expected) => {
    const f = chatFormat(style, system, target);
    expect(f.prefix + f.str(USER) + f.middle + f.assistant(KEYS, VALUES) + f.suffix).toBe(`${expected}\n`);
  });

  it("defaults to the OpenAI layout (the notebook's)", () => {
    const byDefault = chatFormat('python', SYS);
    const openai = chatFormat('python', SYS, 'openai');
    expect([byDefault.prefix, byDefault.middle, byDefault.suffix]).toEqual([openai.prefix, openai.middle, openai.suffix]);
  });

  it.each(EXPORT_TARGETS)('%s: escapes a system prompt with quotes, a line break and non-ASCII, on one line', (target) => {
    const f = chatFormat('python', 'Réponds "JSON"\nseulement', target);
    const line = f.prefix + f.str('q') + f.middle + f.assistant(['k'], ['v']) + f.suffix;
    expect(line).toContain('"R\\u00e9ponds \\"JSON\\"\\nseulement"');
    expect(line.split('\n')).toEqual([expect.any(String), '']);
  });
});

describe('exportCsv with a target', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `"text ${i}, ""quoted"" é",${i % 2 ? 'billing' : 'shipping'},sub ${i % 3}`);
  const csv = new TextEncoder().encode(`inquiry,category,sub_category\n${rows.join('\n')}\n`);
  const lines = (target: ExportTarget, systemPrompt = DEFAULT_SETTINGS.systemPrompt): string[] => {
    const r = exportCsv(csv, { ...DEFAULT_SETTINGS, target, systemPrompt });
    if (!r.ok) throw new Error('refused');
    const text = (batches: Iterable<Uint8Array[]>): string => Buffer.concat([...batches].flat()).toString('utf8');
    return (text(r.files.train()) + text(r.files.validation())).split('\n').slice(0, -1);
  };

  /** (system, user, answer) of a line of any target, checking the roles on the way. */
  const example = (target: ExportTarget, line: string): [string | undefined, string, string] => {
    const o = JSON.parse(line) as Record<string, unknown>;
    switch (target) {
      case 'openai': {
        const m = o.messages as { role: string; content: string }[];
        expect(m.map((x) => x.role)).toEqual(['system', 'user', 'assistant']);
        return [m[0]!.content, m[1]!.content, m[2]!.content];
      }
      case 'vertex-gemini': {
        const c = o.contents as { role: string; parts: { text: string }[] }[];
        expect(c.map((x) => x.role)).toEqual(['user', 'model']);
        const sys = o.systemInstruction as { role: string; parts: { text: string }[] } | undefined;
        if (sys) expect(sys.role).toBe('system');
        return [sys?.parts[0]!.text, c[0]!.parts[0]!.text, c[1]!.parts[0]!.text];
      }
      case 'bedrock': {
        const m = o.messages as { role: string; content: string }[];
        expect(m.map((x) => x.role)).toEqual(['user', 'assistant']);
        return [o.system as string | undefined, m[0]!.content, m[1]!.content];
      }
      case 'alpaca':
        return [o.instruction as string, o.input as string, o.output as string];
    }
  };

  it.each(EXPORT_TARGETS)("%s: the OpenAI layout's examples in the same order, keys in the documented order", (target) => {
    const openai = lines('openai').map((l) => example('openai', l));
    const these = lines(target);
    expect(these.map((l) => example(target, l))).toEqual(openai);
    const keys: Record<ExportTarget, string[]> = {
      openai: ['messages'],
      'vertex-gemini': ['systemInstruction', 'contents'],
      bedrock: ['system', 'messages'],
      alpaca: ['instruction', 'input', 'output'],
    };
    for (const l of these) expect(Object.keys(JSON.parse(l) as object)).toEqual(keys[target]);
  });

  it.each(['vertex-gemini', 'bedrock'] as const)('%s: leaves the system field out when the prompt is empty', (target) => {
    for (const l of lines(target, '')) {
      expect(Object.keys(JSON.parse(l) as object)).toEqual([target === 'bedrock' ? 'messages' : 'contents']);
      expect(example(target, l)[0]).toBeUndefined();
    }
  });

  it.each(['openai', 'alpaca'] as const)('%s: keeps an empty system field when the prompt is empty', (target) => {
    for (const l of lines(target, '')) expect(example(target, l)[0]).toBe('');
  });
});

describe('the target table', () => {
  const limits = (target: ExportTarget): [string, PublishedLimit][] => Object.entries(TARGETS[target].limits) as [string, PublishedLimit][];

  it.each(EXPORT_TARGETS)('%s: names its services, writes .jsonl and cites every limit', (target) => {
    const t = TARGETS[target];
    expect(t.id).toBe(target);
    expect(t.extension).toBe('.jsonl');
    expect(t.services.length).toBeGreaterThan(0);
    for (const [, limit] of limits(target)) {
      expect(Number.isSafeInteger(limit.value) && limit.value > 0).toBe(true);
      expect(limit.source.title).not.toBe('');
      expect(limit.source.url).toMatch(/^https:\/\//);
      expect(limit.source.date).toMatch(/\d{4}/);
    }
  });

  it('holds the published numbers', () => {
    const values = (target: ExportTarget): Record<string, number> => Object.fromEntries(limits(target).map(([k, l]) => [k, l.value]));
    expect(values('openai')).toEqual({
      minTrainExamples: 10,
      recommendedTrainExamples: 50,
      maxTokensPerExample: 65_536,
      maxTrainFileBytes: 512e6,
      maxValidationFileBytes: 512e6,
    });
    expect(values('vertex-gemini')).toEqual({
      recommendedTrainExamples: 100,
      maxTrainExamples: 1e6,
      maxValidationExamples: 5000,
      maxTokensPerExample: 131_072,
      maxTrainFileBytes: 1e9,
    });
    expect(values('bedrock')).toEqual({
      minTrainExamples: 32,
      maxTrainExamples: 10_000,
      maxValidationExamples: 1000,
      maxTotalExamples: 10_000,
      maxTokensPerExample: 32_000,
      maxTrainFileBytes: 10e9,
      maxValidationFileBytes: 1e9,
    });
    expect(values('alpaca')).toEqual({});
  });

  it('recognises target names only', () => {
    expect(EXPORT_TARGETS.filter(isExportTarget)).toEqual(EXPORT_TARGETS);
    expect(isExportTarget('gemini')).toBe(false);
    expect(isExportTarget('toString')).toBe(false);
  });
});
