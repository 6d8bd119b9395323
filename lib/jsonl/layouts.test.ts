import { describe, expect, it } from 'vitest';
import { readJsonl } from './read';
import { layoutOf } from './layouts';
import type { JsonlReadResult } from './types';

const enc = new TextEncoder();
const line = (o: unknown): string => JSON.stringify(o);

function read(lines: unknown[]): Extract<JsonlReadResult, { ok: true }> {
  const r = readJsonl(enc.encode(lines.map((l) => (typeof l === 'string' ? l : line(l))).join('\n') + '\n'));
  if (!r.ok) throw new Error(r.problem.message);
  return r;
}

const sharegpt = (...turns: [string, unknown][]) => ({ conversations: turns.map(([from, value]) => ({ from, value })) });
const nova = (...messages: [string, unknown][]) => ({
  schemaVersion: 'bedrock-conversation-2024',
  system: [{ text: 'Sort.' }],
  messages: messages.map(([role, content]) => ({ role, content })),
});
const OK_SHAREGPT = sharegpt(['system', 'Sort.'], ['human', 'hi'], ['gpt', '{"category": "A"}']);
const OK_NOVA = nova(['user', [{ text: 'hi' }]], ['assistant', [{ text: '{"category": "A"}' }]]);

describe('layoutOf: the layout of a line, by its keys', () => {
  it.each([
    [{ messages: [] }, 'openai-chat'],
    [{ system: 'x', messages: [] }, 'bedrock-claude'],
    [{ system: [{ text: 'x' }], messages: [] }, 'bedrock-conversation'],
    [{ schemaVersion: 'bedrock-conversation-2024', messages: [] }, 'bedrock-conversation'],
    [{ conversations: [] }, 'sharegpt'],
    [{ contents: [] }, 'vertex-gemini'],
    [{ systemInstruction: {}, contents: [] }, 'vertex-gemini'],
    [{ instruction: '', input: '', output: '' }, 'alpaca'],
    [{ prompt: 'a', completion: 'b' }, null],
    [[1, 2], null],
  ])('%j → %s', (value, layout) => {
    expect(layoutOf(value)).toBe(layout);
  });
});

describe('readJsonl: errors in the layout of the file, in its own terms', () => {
  it.each<[string, unknown[], [number, string, RegExp][]]>([
    [
      'ShareGPT: an unknown "from", and no answer',
      [OK_SHAREGPT, sharegpt(['human', 'hi'], ['bot', 'x'])],
      [
        [2, 'unrecognized_role', /^turn 2 \(bot\) has "from" "bot", which this layout does not have\. Use one of system, human, gpt\.$/],
        [2, 'example_missing_assistant_message', /^there is no answer \(from "gpt"\): the model learns from the answer, so add one\.$/],
      ],
    ],
    [
      'ShareGPT: an empty value, a turn without one',
      [OK_SHAREGPT, sharegpt(['human', 'hi'], ['gpt', '']), { conversations: [{ from: 'human' }, { from: 'gpt', value: 'a' }] }],
      [
        [2, 'missing_content', /^the "value" of turn 2 \(gpt\) is empty: write the text of the message, or remove it\.$/],
        [3, 'message_missing_key', /^turn 1 \(human\) has no "value": write the text of the message\.$/],
      ],
    ],
    [
      'Amazon Nova: content that is text, not blocks',
      [OK_NOVA, nova(['user', 'hi'], ['assistant', [{ text: 'a' }]])],
      [[2, 'missing_content', /^message 1 \(user\): its "content" is a text \("hi"\), not a list of \[\{"text": …\}\] blocks\.$/]],
    ],
    [
      'Claude 3 Haiku: a key the layout does not allow, a system role among the messages',
      [
        {
          system: 'Sort.',
          messages: [
            { role: 'user', content: 'hi' },
            { role: 'assistant', content: 'a' },
          ],
        },
        {
          system: 'Sort.',
          messages: [
            { role: 'system', content: 'x' },
            { role: 'user', content: 'hi', name: 'ann' },
            { role: 'assistant', content: 'a' },
          ],
        },
      ],
      [
        [2, 'unrecognized_role', /^message 1 \(system\) has "role" "system", which this layout does not have\. Use one of user, assistant\.$/],
        [2, 'message_unrecognized_key', /^message 2 \(user\) has a key the layout does not allow: "name"\. Only "role" and "content"; remove the others\.$/],
      ],
    ],
    [
      'Vertex AI: the answer under the OpenAI role name',
      [
        {
          contents: [
            { role: 'user', parts: [{ text: 'hi' }] },
            { role: 'assistant', parts: [{ text: 'a' }] },
          ],
        },
      ],
      [
        [1, 'unrecognized_role', /^content 2 \(assistant\) has "role" "assistant", which this layout does not have\. Use one of user, model\.$/],
        [1, 'example_missing_assistant_message', /\(role "model"\)/],
      ],
    ],
    [
      'Alpaca: a line without its output, checked as the file is',
      [
        { instruction: 'Sort.', input: 'hi', output: 'a' },
        { instruction: 'Sort.', input: 'hi' },
      ],
      [[2, 'message_missing_key', /^there is no "output": add it\.$/]],
    ],
  ])('%s', (_name, lines, expected) => {
    const r = read(lines);
    expect(r.format.findings.map((f) => [f.line, f.kind])).toEqual(expected.map(([l, k]) => [l, k]));
    r.format.findings.forEach((f, i) => expect(f.message).toMatch(expected[i]![2]));
  });
});

describe('readJsonl: one layout a file', () => {
  it("reports a line in another layout than the first example's, and still reads it", () => {
    const openai = {
      messages: [
        { role: 'user', content: 'there' },
        { role: 'assistant', content: '{"category": "B"}' },
      ],
    };
    const r = read([OK_SHAREGPT, openai]);
    expect(r.info.layout).toBe('sharegpt');
    expect(r.format.errors).toEqual({ layout_mismatch: 1 });
    expect(r.format.findings[0]).toMatchObject({ line: 2, example: 2, kind: 'layout_mismatch' });
    expect(r.format.findings[0]!.message).toBe(
      'the line is in the OpenAI chat layout ({"messages": […]}), but the file\'s first example is in the ShareGPT layout ({"conversations": […]}): ' +
        "a fine-tuning service reads one layout a file (Together refuses a file that mixes two). Write the line in the file's layout, or export the rows again.",
    );
    expect(r.table.columns[0]).toEqual(['hi', 'there']);
  });

  it('reads a Bedrock line without its system field as the file reads, without a mismatch', () => {
    const claude = (system?: string) => ({
      ...(system ? { system } : {}),
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'a' },
      ],
    });
    const r = read([claude('Sort.'), claude()]);
    expect(r.info.layout).toBe('bedrock-claude');
    expect(r.format.errors).toEqual({});
    expect(r.info).toMatchObject({ systemPrompts: 1, missingSystem: 1 });
    const novaWithout = { messages: OK_NOVA.messages };
    expect(read([OK_NOVA, novaWithout]).format.errors).toEqual({});
  });

  it("checks a line in no layout as the file's lines are, so its message shows the file's shape", () => {
    const r = read([OK_NOVA, { prompt: 'a', completion: 'b' }, '[1]']);
    expect(r.badLines.map((b) => [b.line, b.kind])).toEqual([
      [2, 'missing_messages_list'],
      [3, 'data_type'],
    ]);
    for (const b of r.badLines) expect(b.message).toMatch(/Each line must be \{"schemaVersion": "bedrock-conversation-2024"/);
  });
});
