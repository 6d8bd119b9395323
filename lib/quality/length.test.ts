import { describe, expect, it } from 'vitest';
import { check, filler, finding } from './testing';
import type { TokenCounter } from './types';

const inText = (text: string) => [...filler(20), [text, 'billing', 'refund']];
/** A stand-in tokenizer: one token per word, and per 10 characters of a long word. */
const words: TokenCounter = { name: 'test-words', count: (t) => t.split(/\s+/).reduce((n, w) => n + Math.max(1, Math.ceil(w.length / 10)), 0) };

describe('length', () => {
  it.each([
    ['two characters', 'ok'],
    ['one character with spaces around', ' ? '],
    ['a single word', 'refund'],
    ['a single word with punctuation', 'refund!'],
  ])('flags %s as very short', (_name, text) => {
    const r = finding(check(inText(text)), 'length');
    expect(r).toMatchObject({ severity: 'warning', count: 1, rows: [21], details: { kinds: { short: 1, long: 0 } } });
    expect(r!.message).toMatch(
      /^1 text is very short \(under 3 characters or a single word\), such as .* \(row 21\): they give the model little to learn from\.$/,
    );
  });

  it.each([
    ['three characters in two words', 'a b'],
    ['two words', 'refund please'],
    ['a Japanese sentence without spaces', 'ありがとうございます'],
    ['a Chinese sentence', '我的订单在哪里'],
  ])('stays quiet on %s', (_name, text) => {
    expect(finding(check(inText(text)), 'length')).toBeUndefined();
  });

  it('flags texts over the token limit, estimated at 4 characters per token without a tokenizer', () => {
    const r = finding(check(inText('word '.repeat(52_429))), 'length')!;
    expect(r.details).toEqual({ kinds: { short: 0, long: 1 }, tokens: { counter: '4 characters per token', limit: 65_536, estimated: true } });
    expect(r.message).toBe(
      '1 text is longer than the limit of 65,536 tokens per example (estimated at 4 characters per token, as no tokenizer was given): training would cut it short.',
    );
    expect(finding(check(inText('word '.repeat(52_428))), 'length')).toBeUndefined();
  });

  it('counts with the tokenizer given, and says so', () => {
    const text = 'word '.repeat(70_000).trim();
    const r = finding(check(inText(text), { options: { tokenCounter: words } }), 'length')!;
    expect(r.message).toMatch(/\(counted with test-words\)/);
    expect(r.details?.tokens).toEqual({ counter: 'test-words', limit: 65_536, estimated: false });
    // One long word of 30 characters is three tokens for this tokenizer: not "a single token".
    expect(finding(check(inText('x'.repeat(30)), { options: { tokenCounter: words } }), 'length')).toBeUndefined();
    expect(finding(check(inText('refund'), { options: { tokenCounter: words } }), 'length')?.message).toMatch(/a single token/);
  });

  it('takes the limit and the minimum from the thresholds', () => {
    const options = { thresholds: { maxTokens: 16_385, minTextChars: 1 } };
    expect(finding(check(inText('word '.repeat(13_110)), { options }), 'length')?.details?.kinds).toEqual({ short: 0, long: 1 });
  });

  it('compares whole examples with the limit when told what the rest of each example adds', () => {
    // 65,500 words are 65,500 tokens for the stand-in tokenizer: under the limit on their own.
    const text = 'word '.repeat(65_500).trim();
    expect(finding(check(inText(text), { options: { tokenCounter: words } }), 'length')).toBeUndefined();
    // The system prompt and the answer of row 21 add 37 tokens: 65,537, one over.
    const overhead = (row: number): number => (row === 20 ? 37 : 0);
    const r = finding(check(inText(text), { options: { tokenCounter: words, exampleOverhead: overhead } }), 'length')!;
    expect(r).toMatchObject({ count: 1, rows: [21] });
    expect(r.message).toBe(
      '1 example is longer than the limit of 65,536 tokens per example (counted with test-words, system prompt and answer included): training would cut it short.',
    );
    expect(r.details?.tokens).toEqual({ counter: 'test-words', limit: 65_536, estimated: false, wholeExample: true });
    // 36 tokens more make exactly the limit, which is allowed.
    expect(finding(check(inText(text), { options: { tokenCounter: words, exampleOverhead: (row) => (row === 20 ? 36 : 0) } }), 'length')).toBeUndefined();
  });
});
