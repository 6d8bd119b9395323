import { describe, expect, it } from 'vitest';
import { parseChoices } from './choices';
import { DEFAULT_CHOICES } from './engine';

describe('parseChoices: settings read back from storage', () => {
  it('keeps valid settings as they were saved', () => {
    const saved = {
      ...DEFAULT_CHOICES,
      seed: 7,
      target: 'bedrock-nova',
      thresholds: { fewClassRows: 5 },
      tokens: { model: 'gpt-3.5-turbo-0125', pricePerMillion: 8, epochs: 2 },
    };
    expect(parseChoices(saved, DEFAULT_CHOICES)).toEqual({ choices: saved, dropped: [] });
  });

  it('keeps the layout a session chose under an id that was renamed: bedrock is now bedrock-claude-haiku', () => {
    expect(parseChoices({ target: 'bedrock' }, DEFAULT_CHOICES)).toEqual({ choices: { ...DEFAULT_CHOICES, target: 'bedrock-claude-haiku' }, dropped: [] });
  });

  it('fills what an older build did not save, silently', () => {
    const { choices, dropped } = parseChoices({ seed: 3, jsonStyle: 'compact' }, DEFAULT_CHOICES);
    expect(choices).toEqual({ ...DEFAULT_CHOICES, seed: 3, jsonStyle: 'compact' });
    expect(dropped).toEqual([]);
  });

  it('replaces what is not valid with the default, field by field, and says which', () => {
    const { choices, dropped } = parseChoices(
      {
        target: 'sagemaker',
        seed: -1,
        stratify: 'all',
        testSize: { kind: 'float', value: 'x' },
        thresholds: { fewClassRows: 'ten', nope: 1, maxTokens: 100 },
        tokens: { model: 'gpt-4o-2024-08-06', epochs: 0 },
      },
      DEFAULT_CHOICES,
    );
    expect(choices.target).toBe('openai');
    expect(choices.seed).toBe(42);
    expect(choices.stratify).toBe('first');
    expect(choices.testSize).toEqual({ kind: 'float', value: 0.2 });
    expect(choices.thresholds).toEqual({ maxTokens: 100 });
    expect(choices.tokens).toEqual({ model: 'gpt-4o-2024-08-06', pricePerMillion: null, epochs: null });
    expect(dropped).toEqual(['stratify', 'testSize', 'seed', 'target', 'thresholds.fewClassRows', 'thresholds.nope', 'tokens.epochs']);
  });

  it('refuses values no field would take: a share of 5, inherited names, a share threshold over 1', () => {
    const { choices, dropped } = parseChoices(
      { testSize: { kind: 'float', value: 5 }, thresholds: { toString: 1, variantMaxShare: 7, charsPerToken: 0, fewClassRows: 4 } },
      DEFAULT_CHOICES,
    );
    expect(choices.testSize).toEqual(DEFAULT_CHOICES.testSize);
    expect(choices.thresholds).toEqual({ fewClassRows: 4 });
    expect(dropped).toEqual(['testSize', 'thresholds.toString', 'thresholds.variantMaxShare', 'thresholds.charsPerToken']);
    expect(parseChoices({ testSize: { kind: 'int', value: 40 } }, DEFAULT_CHOICES).choices.testSize).toEqual({ kind: 'int', value: 40 });
  });

  it('takes anything that is not an object as nothing saved', () => {
    expect(parseChoices(null, DEFAULT_CHOICES).choices).toEqual(DEFAULT_CHOICES);
    expect(parseChoices('garbage', DEFAULT_CHOICES).choices).toEqual(DEFAULT_CHOICES);
  });
});
