import { describe, expect, it } from 'vitest';
import { loadTokenCounter, tokenCounter } from './counter';

describe('token counters', () => {
  it('are not there until loaded, then the same counter every time', async () => {
    expect(tokenCounter('cl100k_base')).toBeUndefined();
    const counter = await loadTokenCounter('cl100k_base');
    expect(counter.name).toBe('cl100k_base');
    expect(tokenCounter('cl100k_base')).toBe(counter);
    expect(await loadTokenCounter('cl100k_base')).toBe(counter);
  });

  // The cl100k_base counts are those printed in OpenAI's cookbook ("How to count tokens with
  // tiktoken"), made with tiktoken itself; the o200k_base ones are gpt-tokenizer's, and differ where
  // the newer encoding merges more (Japanese).
  it.each([
    ['tiktoken is great!', 6, 6],
    ['antidisestablishmentarianism', 6, 6],
    ['2 + 2 = 4', 7, 7],
    ['お誕生日おめでとう', 8, 9],
    ['Hello, world!', 4, 4],
    ['', 0, 0],
    ['Classify the user message into a category and sub-category and output the result as JSON.', 18, 18],
    ['{"category": "billing", "sub_category": "refund"}', 13, 13],
  ])('%j is %i tokens in o200k_base and %i in cl100k_base', async (text, o200k, cl100k) => {
    expect((await loadTokenCounter('o200k_base')).count(text)).toBe(o200k);
    expect((await loadTokenCounter('cl100k_base')).count(text)).toBe(cl100k);
  });

  it('counts a special token written in a cell as ordinary text instead of refusing it', async () => {
    // tiktoken's encode() would raise here; as plain text "<|endoftext|>" is 7 tokens in both.
    expect((await loadTokenCounter('o200k_base')).count('<|endoftext|>')).toBe(7);
    expect((await loadTokenCounter('cl100k_base')).count('<|endoftext|>')).toBe(7);
  });
});
