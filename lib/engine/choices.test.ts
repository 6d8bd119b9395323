import { describe, expect, it } from 'vitest';
import { parseChoices } from './choices';
import { DEFAULT_CHOICES } from './engine';

describe('parseChoices: settings read back from storage', () => {
  it('keeps valid settings as they were saved', () => {
    const saved = { ...DEFAULT_CHOICES, seed: 7, target: 'bedrock', thresholds: { fewClassRows: 5 }, tokens: { model: 'gpt-3.5-turbo-0125', pricePerMillion: 8, epochs: 2 } };
    expect(parseChoices(saved, DEFAULT_CHOICES)).toEqual({ choices: saved, dropped: [] });
  });

  it('fills what an older build did not save, silently', () => {
    const { choices, dropped } = parseChoices({ seed: 3, jsonStyle: 'compact' }, DEFAULT_CHOICES);
    expect(choices).toEqual({ ...DEFAULT_CHOICES, seed: 3, jsonStyle: 'compact' });
    expect(dropped).toEqual([]);
  });

  it('replaces what is not valid with the default, field by field, and says which', () => {
    const { choices, dropped } = parseChoices(
      { target: 'sagemaker', seed: -1, stratify: 'all', testSize: { kind: 'float', value: 'x' }, thresholds: { fewClassRows: 'ten', nope: 1, maxTokens: 100 }, tokens: { model: 'gpt-4o-2024-08-06', epochs: 0 } },
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

  it('takes anything that is not an object as nothing saved', () => {
    expect(parseChoices(null, DEFAULT_CHOICES).choices).toEqual(DEFAULT_CHOICES);
    expect(parseChoices('garbage', DEFAULT_CHOICES).choices).toEqual(DEFAULT_CHOICES);
  });
});
