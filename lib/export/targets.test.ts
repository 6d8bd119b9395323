import { describe, expect, it } from 'vitest';
import { chatFormat } from './chat-format';
import { exportCsv } from './from-csv';
import { EXPORT_TARGETS, RENAMED_TARGETS, TARGETS, isExportTarget, targetsIn, type ExportTarget, type Layout, type PublishedLimit } from './targets';
import { DEFAULT_SETTINGS, type JsonStyle } from './types';

const SYS = 'Sort "this"';
const USER = 'Où est "ma"\ncommande? 😀 \\ fin';
const KEYS = ['category', 'sub_category'];
const VALUES = ['Café', 'a\tb'];

/**
 * Each target's line for one example, as Python 3.11 writes it: `json.dumps(obj)` for the python
 * style and `json.dumps(obj, separators=(',', ':'), ensure_ascii=False)` for compact, the answer
 * being the labels dumped the same way. Objects built with the keys in the order of
 * fine-tuning-facts.md, without the system field (or ShareGPT's system turn) of Vertex AI, Bedrock
 * and ShareGPT when the prompt is empty. (Generated with Python 3.11's json module; the targets that
 * share the OpenAI layout are checked against OpenAI's line below.)
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
    'bedrock-claude-haiku',
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
    'bedrock-claude-haiku',
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
    'bedrock-claude-haiku',
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
    'bedrock-claude-haiku',
    '',
    '{"messages":[{"role":"user","content":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"role":"assistant","content":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}',
  ],
  [
    'compact',
    'alpaca',
    '',
    '{"instruction":"","input":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin","output":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}',
  ],
  [
    'python',
    'bedrock-nova',
    SYS,
    '{"schemaVersion": "bedrock-conversation-2024", "system": [{"text": "Sort \\"this\\""}], "messages": [{"role": "user", "content": [{"text": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}]}, {"role": "assistant", "content": [{"text": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'python',
    'sharegpt',
    SYS,
    '{"conversations": [{"from": "system", "value": "Sort \\"this\\""}, {"from": "human", "value": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"from": "gpt", "value": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}',
  ],
  [
    'python',
    'bedrock-nova',
    '',
    '{"schemaVersion": "bedrock-conversation-2024", "messages": [{"role": "user", "content": [{"text": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}]}, {"role": "assistant", "content": [{"text": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'python',
    'sharegpt',
    '',
    '{"conversations": [{"from": "human", "value": "O\\u00f9 est \\"ma\\"\\ncommande? \\ud83d\\ude00 \\\\ fin"}, {"from": "gpt", "value": "{\\"category\\": \\"Caf\\\\u00e9\\", \\"sub_category\\": \\"a\\\\tb\\"}"}]}',
  ],
  [
    'compact',
    'bedrock-nova',
    SYS,
    '{"schemaVersion":"bedrock-conversation-2024","system":[{"text":"Sort \\"this\\""}],"messages":[{"role":"user","content":[{"text":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"}]},{"role":"assistant","content":[{"text":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'compact',
    'sharegpt',
    SYS,
    '{"conversations":[{"from":"system","value":"Sort \\"this\\""},{"from":"human","value":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"from":"gpt","value":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}',
  ],
  [
    'compact',
    'bedrock-nova',
    '',
    '{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"user","content":[{"text":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"}]},{"role":"assistant","content":[{"text":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}]}',
  ],
  [
    'compact',
    'sharegpt',
    '',
    '{"conversations":[{"from":"human","value":"Où est \\"ma\\"\\ncommande? 😀 \\\\ fin"},{"from":"gpt","value":"{\\"category\\":\\"Café\\",\\"sub_category\\":\\"a\\\\tb\\"}"}]}',
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

  it.each(EXPORT_TARGETS.filter((t) => TARGETS[t].layout === 'openai-chat'))("%s: writes OpenAI's bytes, in both styles", (target) => {
    for (const style of ['python', 'compact'] as const) {
      for (const system of [SYS, '']) {
        const f = chatFormat(style, system, target);
        const openai = chatFormat(style, system, 'openai');
        expect([f.prefix, f.middle, f.suffix]).toEqual([openai.prefix, openai.middle, openai.suffix]);
      }
    }
  });

  it('has a line of every other layout in the table above, in both styles and with and without a system prompt', () => {
    const covered = new Set(PYTHON_LINES.map(([style, target, system]) => `${style} ${TARGETS[target].layout} ${system === ''}`));
    const layouts = [...new Set(EXPORT_TARGETS.map((t) => TARGETS[t].layout))];
    for (const layout of layouts)
      for (const style of ['python', 'compact']) for (const empty of [true, false]) expect(covered).toContain(`${style} ${layout} ${empty}`);
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

  type Turn = { role: string; content: string };
  type Texts = { text: string }[];

  /** (system, user, answer) of a line of any layout, checking the roles on the way. */
  const example = (layout: Layout, line: string): [string | undefined, string, string] => {
    const o = JSON.parse(line) as Record<string, unknown>;
    switch (layout) {
      case 'openai-chat': {
        const m = o.messages as Turn[];
        expect(m.map((x) => x.role)).toEqual(['system', 'user', 'assistant']);
        return [m[0]!.content, m[1]!.content, m[2]!.content];
      }
      case 'vertex-gemini': {
        const c = o.contents as { role: string; parts: Texts }[];
        expect(c.map((x) => x.role)).toEqual(['user', 'model']);
        const sys = o.systemInstruction as { role: string; parts: Texts } | undefined;
        if (sys) expect(sys.role).toBe('system');
        return [sys?.parts[0]!.text, c[0]!.parts[0]!.text, c[1]!.parts[0]!.text];
      }
      case 'bedrock-conversation': {
        expect(o.schemaVersion).toBe('bedrock-conversation-2024');
        const m = o.messages as { role: string; content: Texts }[];
        expect(m.map((x) => x.role)).toEqual(['user', 'assistant']);
        const sys = o.system as Texts | undefined;
        return [sys?.[0]!.text, m[0]!.content[0]!.text, m[1]!.content[0]!.text];
      }
      case 'bedrock-claude': {
        const m = o.messages as Turn[];
        expect(m.map((x) => x.role)).toEqual(['user', 'assistant']);
        return [o.system as string | undefined, m[0]!.content, m[1]!.content];
      }
      case 'sharegpt': {
        const c = o.conversations as { from: string; value: string }[];
        const sys = c[0]!.from === 'system' ? c.shift()!.value : undefined;
        expect(c.map((x) => x.from)).toEqual(['human', 'gpt']);
        return [sys, c[0]!.value, c[1]!.value];
      }
      case 'alpaca':
        return [o.instruction as string, o.input as string, o.output as string];
    }
  };

  const KEYS: Record<Layout, string[]> = {
    'openai-chat': ['messages'],
    'vertex-gemini': ['systemInstruction', 'contents'],
    'bedrock-conversation': ['schemaVersion', 'system', 'messages'],
    'bedrock-claude': ['system', 'messages'],
    sharegpt: ['conversations'],
    alpaca: ['instruction', 'input', 'output'],
  };

  it.each(EXPORT_TARGETS)("%s: the OpenAI layout's examples in the same order, keys in the documented order", (target) => {
    const layout = TARGETS[target].layout;
    const openai = lines('openai').map((l) => example('openai-chat', l));
    const these = lines(target);
    expect(these.map((l) => example(layout, l))).toEqual(openai);
    for (const l of these) expect(Object.keys(JSON.parse(l) as object)).toEqual(KEYS[layout]);
  });

  it.each(['vertex-gemini', 'bedrock-nova', 'bedrock-claude-haiku', 'sharegpt'] as const)(
    '%s: leaves the system field or turn out when the prompt is empty',
    (target) => {
      const layout = TARGETS[target].layout;
      for (const l of lines(target, '')) {
        expect(Object.keys(JSON.parse(l) as object)).toEqual(KEYS[layout].filter((k) => k !== 'system' && k !== 'systemInstruction'));
        expect(example(layout, l)[0]).toBeUndefined();
      }
    },
  );

  it.each(['openai', 'together', 'fireworks', 'huggingface', 'alpaca'] as const)('%s: keeps an empty system field when the prompt is empty', (target) => {
    for (const l of lines(target, '')) expect(example(TARGETS[target].layout, l)[0]).toBe('');
  });
});

describe('the target table', () => {
  const limits = (target: ExportTarget): [string, PublishedLimit][] => Object.entries(TARGETS[target].limits) as [string, PublishedLimit][];
  const dated = (source: { title: string; url: string; date: string }): void => {
    expect(source.title).not.toBe('');
    expect(source.url).toMatch(/^https:\/\//);
    expect(source.date).toMatch(/\d{4}/);
  };

  it.each(EXPORT_TARGETS)('%s: names its services, writes .jsonl and cites its layout, every limit and every rule', (target) => {
    const t = TARGETS[target];
    expect(t.id).toBe(target);
    expect(t.extension).toBe('.jsonl');
    expect(t.services.length).toBeGreaterThan(0);
    dated(t.source);
    for (const [, limit] of limits(target)) {
      expect(Number.isSafeInteger(limit.value) && limit.value > 0).toBe(true);
      dated(limit.source);
    }
    if (t.rules) dated(t.rules.source);
    if (t.notice) dated(t.notice.source);
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
    expect(values('bedrock-claude-haiku')).toEqual({
      minTrainExamples: 32,
      maxTrainExamples: 10_000,
      maxValidationExamples: 1000,
      maxTotalExamples: 10_000,
      maxTokensPerExample: 32_000,
      maxTrainFileBytes: 10e9,
      maxValidationFileBytes: 1e9,
    });
    expect(values('fireworks')).toEqual({ minTrainExamples: 3, maxTrainExamples: 3_000_000 });
    expect(TARGETS.fireworks.limits.minTrainExamples!.refuses && TARGETS.fireworks.limits.maxTrainExamples!.refuses).toBe(true);
    for (const t of ['together', 'huggingface', 'sharegpt', 'bedrock-nova', 'alpaca'] as const) expect(values(t)).toEqual({});
  });

  it("holds the published rules on the order of messages, and OpenAI's and Claude 3 Haiku's notices", () => {
    const rules = Object.fromEntries(EXPORT_TARGETS.flatMap((t) => (TARGETS[t].rules ? [[t, { ...TARGETS[t].rules, source: undefined }]] : [])));
    expect(rules).toEqual({
      together: { startsWithSystemOrUser: true, alternates: true, source: undefined },
      'bedrock-claude-haiku': { startsWithSystemOrUser: true, alternates: true, endsWithAssistant: true, source: undefined },
    });
    expect(TARGETS.openai.notice).toMatchObject({ legacy: false, text: expect.stringContaining('6 January 2027') });
    expect(TARGETS['bedrock-claude-haiku'].notice).toMatchObject({ legacy: true, text: expect.stringContaining('10 September 2026') });
    expect(EXPORT_TARGETS.filter((t) => TARGETS[t].notice?.legacy)).toEqual(targetsIn('legacy'));
  });

  it('uses the layouts of the facts file: OpenAI chat for Together, Fireworks and Hugging Face; Nova for Bedrock', () => {
    const layouts = Object.fromEntries(EXPORT_TARGETS.map((t) => [t, TARGETS[t].layout]));
    expect(layouts).toEqual({
      openai: 'openai-chat',
      together: 'openai-chat',
      fireworks: 'openai-chat',
      huggingface: 'openai-chat',
      sharegpt: 'sharegpt',
      'bedrock-nova': 'bedrock-conversation',
      'vertex-gemini': 'vertex-gemini',
      alpaca: 'alpaca',
      'bedrock-claude-haiku': 'bedrock-claude',
    });
  });

  it('lists every target in one group, OpenAI first and the legacy one last', () => {
    const groups = (['chat', 'cloud', 'open-source', 'legacy'] as const).flatMap(targetsIn);
    expect([...groups].sort()).toEqual([...EXPORT_TARGETS].sort());
    expect(EXPORT_TARGETS[0]).toBe('openai');
    expect(EXPORT_TARGETS.at(-1)).toBe('bedrock-claude-haiku');
  });

  it('recognises target names only, and maps the old Bedrock id to the layout it wrote', () => {
    expect(EXPORT_TARGETS.filter(isExportTarget)).toEqual(EXPORT_TARGETS);
    expect(isExportTarget('gemini')).toBe(false);
    expect(isExportTarget('bedrock')).toBe(false);
    expect(isExportTarget('toString')).toBe(false);
    expect(RENAMED_TARGETS).toEqual({ bedrock: 'bedrock-claude-haiku' });
  });
});
