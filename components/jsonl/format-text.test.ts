import { describe, expect, it } from 'vitest';
import { checkedBy, formatSummary, kindCounts, layoutNote, systemPromptNote } from './format-text';

describe('format summary', () => {
  it('says when the file is clean, and counts errors otherwise', () => {
    expect(formatSummary({ errors: {}, examples: 500 })).toBe('No format errors in 500 examples');
    expect(formatSummary({ errors: { missing_content: 2, invalid_json: 1 }, examples: 1 })).toBe('3 format errors in 1 example');
    expect(formatSummary({ errors: { data_type: 1 }, examples: 2_000 })).toBe('1 format error in 2,000 examples');
  });
  it('lists the kinds found, in order, without zeros', () => {
    expect(kindCounts({ invalid_json: 1, data_type: 0, missing_content: 3 })).toEqual([
      { kind: 'invalid_json', count: 1 },
      { kind: 'missing_content', count: 3 },
    ]);
  });
});

describe('systemPromptNote', () => {
  const one = { systemPrompt: 'Be brief.', systemPrompts: 1, missingSystem: 0, rows: 30 };
  it.each([
    ['the file has one prompt, the export writes it', one, 'Be brief.', 'Every example has the same system prompt; the export writes it on every line.', false],
    ['the Export panel has another', one, 'My prompt', "Every example has the same system prompt, but the export writes the Export panel's instead.", true],
    [
      'no system message at all',
      { systemPrompt: null, systemPrompts: 0, missingSystem: 30, rows: 30 },
      'Be brief.',
      "The examples have no system message: the export adds the Export panel's system prompt to every line.",
      false,
    ],
    [
      'several prompts, some rows without',
      { systemPrompt: null, systemPrompts: 3, missingSystem: 2, rows: 30 },
      'Be brief.',
      "The examples have 3 different system prompts and 2 have none: the export writes the Export panel's on every line.",
      false,
    ],
    [
      'one prompt, one row without',
      { systemPrompt: null, systemPrompts: 1, missingSystem: 1, rows: 30 },
      'Be brief.',
      "29 examples share one system prompt and 1 has none: the export writes the Export panel's on every line.",
      false,
    ],
  ])('%s', (_, info, current, text, offerFilePrompt) => {
    expect(systemPromptNote(info, current)).toEqual({ text, offerFilePrompt });
  });
});

describe('the file against the chosen target', () => {
  it("names OpenAI's checks for the chat layout, the layout itself otherwise", () => {
    expect(checkedBy('openai-chat')).toBe("by OpenAI's data-preparation checks");
    expect(checkedBy(null)).toBe("by OpenAI's data-preparation checks");
    expect(checkedBy('sharegpt')).toBe('checked in the ShareGPT layout ({"conversations": […]})');
  });

  it("says when the export writes another layout than the file, and offers the first target that writes the file's", () => {
    expect(layoutNote('openai-chat', 'together')).toBeNull();
    expect(layoutNote(null, 'sharegpt')).toBeNull();
    expect(layoutNote('sharegpt', 'openai')).toEqual({
      text: 'The file is in the ShareGPT layout ({"conversations": […]}); the export writes the layout chosen under Format for (OpenAI).',
      offer: 'sharegpt',
    });
    expect(layoutNote('bedrock-claude', 'bedrock-nova')?.offer).toBe('bedrock-claude-haiku');
  });
});
