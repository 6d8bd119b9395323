import { describe, expect, it } from 'vitest';
import { TARGETS } from '@/lib/export';
import { formatLimitBytes, limitRows, ruleRows } from './target-limits';

describe('limitRows', () => {
  it("lists Bedrock's published limits as sentences, in a fixed order", () => {
    expect(limitRows(TARGETS['bedrock-claude-haiku'].limits).map((r) => r.text)).toEqual([
      'At least 32 training examples',
      'At most 10,000 training examples',
      'At most 1,000 validation examples',
      'At most 10,000 examples in all',
      '32,000 tokens per example',
      'Training file up to 10 GB',
      'Validation file up to 1 GB',
    ]);
  });
  it('lists nothing for a target without published limits, and names decimal sizes', () => {
    expect(limitRows({})).toEqual([]);
    expect(formatLimitBytes(512_000_000)).toBe('512 MB');
    expect(formatLimitBytes(999)).toBe('999 bytes');
  });
});

describe('ruleRows', () => {
  it("says Together's and Claude 3 Haiku's rules on the order of messages, and nothing for a target without", () => {
    expect(ruleRows(TARGETS.together.rules)).toEqual([
      'Each example starts with a system or a user message',
      'After the system message, user and assistant messages take turns, from a user message',
    ]);
    expect(ruleRows(TARGETS['bedrock-claude-haiku'].rules)).toHaveLength(3);
    expect(ruleRows(TARGETS.fireworks.rules)).toEqual([]);
  });
});
