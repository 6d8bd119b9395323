import { describe, expect, it } from 'vitest';
import { chatFormat, DEFAULT_SETTINGS, type JsonStyle } from '../export';
import type { TokenCounter } from '../quality';
import { ChatExampleCounter, ExampleTokens, notebookTokens, type ChatMessage } from './chat';
import { loadTokenCounter } from './counter';

const o200k = await loadTokenCounter('o200k_base');
const cl100k = await loadTokenCounter('cl100k_base');

/** A counter that records what it was asked to count, to see what is cached. */
function recording(counter: TokenCounter): TokenCounter & { asked: string[] } {
  const asked: string[] = [];
  return { name: counter.name, asked, count: (text) => (asked.push(text), counter.count(text)) };
}

describe('notebookTokens', () => {
  // OpenAI's cookbook ("How to count tokens with tiktoken") runs this conversation through its
  // num_tokens_from_messages — the same loop as the data-preparation notebook, names included — and
  // through the API: 129 prompt tokens both ways for gpt-3.5-turbo-0613 and gpt-4 (cl100k_base).
  const cookbook: ChatMessage[] = [
    { role: 'system', content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.' },
    { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
    { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
    { role: 'system', name: 'example_user', content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage." },
    { role: 'system', name: 'example_assistant', content: "Let's talk later when we're less busy about how to do better." },
    { role: 'user', content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
  ];

  it("gives the cookbook's 129 tokens for its conversation in cl100k_base (124 in o200k_base)", () => {
    expect(notebookTokens(cl100k, cookbook)).toBe(129);
    expect(notebookTokens(o200k, cookbook)).toBe(124);
  });

  it('counts 3 per message, each value of the message (its role too), 1 more per name, and 3 per example', () => {
    const system = 'Classify the user message into a category and sub-category and output the result as JSON.'; // 18 tokens
    const user = 'Where is my refund? I was charged twice.'; // 10 tokens
    const answer = '{"category": "billing", "sub_category": "refund"}'; // 13 tokens
    expect([system, user, answer].map((t) => o200k.count(t))).toEqual([18, 10, 13]);
    // 3 messages × (3 + 1 for the role) + 18 + 10 + 13 + 3 = 56.
    const messages = [
      { role: 'system', content: system },
      { role: 'user', content: user },
      { role: 'assistant', content: answer },
    ];
    expect(notebookTokens(o200k, messages)).toBe(56);
    // A name adds its own tokens ("Ann": 1) and 1.
    expect(notebookTokens(o200k, [...messages.slice(0, 1), { ...messages[1]!, name: 'Ann' }, messages[2]!])).toBe(58);
    expect(notebookTokens(o200k, [])).toBe(3);
  });
});

describe('ChatExampleCounter', () => {
  it('counts [system, user, assistant] as the notebook does, tokenizing the system prompt once', () => {
    const counter = recording(o200k);
    const chat = new ChatExampleCounter(counter);
    const system = DEFAULT_SETTINGS.systemPrompt;
    const answer = '{"category": "billing", "sub_category": "refund"}';
    counter.asked.length = 0;
    expect(chat.example(system, 'Where is my refund? I was charged twice.', answer)).toBe(56);
    expect(chat.example(system, 'Hello, world!', answer)).toBe(50);
    expect(chat.overhead(system, answer)).toBe(46);
    // The second example tokenized only its user message.
    expect(counter.asked).toEqual([system, answer, 'Where is my refund? I was charged twice.', 'Hello, world!']);
    // Another system prompt is counted (and then remembered) in its place.
    expect(chat.example('', 'Hello, world!', answer)).toBe(50 - 18);
  });
});

describe('ExampleTokens', () => {
  /** The notebook's count of the line the export writes: parse it back and count its messages. */
  function countLine(counter: TokenCounter, style: JsonStyle, user: string, labels: string[]): number {
    const format = chatFormat(style, DEFAULT_SETTINGS.systemPrompt);
    const line = format.prefix + format.str(user) + format.middle + format.assistant(DEFAULT_SETTINGS.labelColumns, labels) + format.suffix;
    return notebookTokens(counter, (JSON.parse(line) as { messages: ChatMessage[] }).messages);
  }

  it.each([
    ['python', 'Where is my refund? I was charged twice.', ['billing', 'refund']],
    ['compact', 'Where is my refund? I was charged twice.', ['billing', 'refund']],
    ['python', 'Où est ma commande ? 我的订单在哪里', ['café', 'livraison']],
    ['compact', 'Où est ma commande ? 我的订单在哪里', ['café', 'livraison']],
  ] as const)('with %s JSON counts what the written line holds (%s)', (style, user, labels) => {
    for (const counter of [o200k, cl100k]) {
      const tokens = new ExampleTokens(counter, { ...DEFAULT_SETTINGS, jsonStyle: style });
      expect(tokens.count(user, labels)).toBe(countLine(counter, style, user, [...labels]));
    }
  });

  it('counts the answer as the model reads it: python style escapes "é" to six characters', () => {
    const python = new ExampleTokens(o200k, DEFAULT_SETTINGS);
    const compact = new ExampleTokens(o200k, { ...DEFAULT_SETTINGS, jsonStyle: 'compact' });
    // {"category": "caf\u00e9", "sub_category": "late"} is 17 tokens; {"category":"café","sub_category":"late"} 11.
    expect(python.overhead(['café', 'late'])).toBe(33 + 17);
    expect(compact.overhead(['café', 'late'])).toBe(33 + 11);
  });

  it.each(['python', 'compact'] as const)('with %s JSON counts a free-text answer as written: the answer itself, not an object of it', (style) => {
    const answer = 'Bonjour ! Votre colis arrive demain, désolé du retard.';
    const settings = { ...DEFAULT_SETTINGS, labelColumns: ['assistant'], answer: 'text' as const, jsonStyle: style };
    const format = chatFormat(style, settings.systemPrompt, 'openai', 'text');
    const line = format.prefix + format.str('Où est mon colis ?') + format.middle + format.assistant(settings.labelColumns, [answer]) + format.suffix;
    const messages = (JSON.parse(line) as { messages: ChatMessage[] }).messages;
    expect(messages[2]!.content).toBe(answer);
    const tokens = new ExampleTokens(o200k, settings);
    expect(tokens.count('Où est mon colis ?', [answer])).toBe(notebookTokens(o200k, messages));
    expect(tokens.overhead([answer])).toBe(new ChatExampleCounter(o200k).overhead(settings.systemPrompt, answer));
  });

  it('tokenizes each label combination once', () => {
    const counter = recording(o200k);
    const tokens = new ExampleTokens(counter, DEFAULT_SETTINGS);
    tokens.count('a', ['billing', 'refund']);
    tokens.count('b', ['billing', 'refund']);
    tokens.count('c', ['shipping', 'late']);
    expect(counter.asked.filter((t) => t.startsWith('{'))).toEqual([
      '{"category": "billing", "sub_category": "refund"}',
      '{"category": "shipping", "sub_category": "late"}',
    ]);
  });
});
