import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_ID, findModel, MODEL_PRESETS } from './models';

describe('model presets', () => {
  it('default to gpt-4o-mini-2024-07-18', () => {
    expect(findModel(DEFAULT_MODEL_ID)?.name).toBe('GPT-4o mini');
  });

  // shared/docs/fine-tuning-facts.md: tokens per training example and encodings.
  it.each([
    ['gpt-4o-mini-2024-07-18', 'o200k_base', 65_536, 3],
    ['gpt-4o-2024-08-06', 'o200k_base', 65_536, 25],
    ['gpt-4.1-2025-04-14', 'o200k_base', 65_536, 25],
    ['gpt-4.1-mini-2025-04-14', 'o200k_base', 65_536, 5],
    ['gpt-3.5-turbo-0125', 'cl100k_base', 16_385, 8],
    ['gpt-3.5-turbo-1106', 'cl100k_base', 16_385, 8],
    ['gpt-3.5-turbo-0613', 'cl100k_base', 4_096, 8],
  ])('%s counts with %s, allows %i tokens per example and costs $%d per 1M training tokens', (id, encoding, limit, price) => {
    expect(findModel(id)).toMatchObject({ encoding, limit: { value: limit }, price: { value: price } });
  });

  it('say where each number comes from', () => {
    for (const m of MODEL_PRESETS) {
      for (const n of [m.limit, m.price]) {
        expect(n.value).toBeGreaterThan(0);
        expect(n.source.url).toMatch(/^https:\/\//);
        expect(n.source.title).not.toBe('');
        expect(n.source.date).not.toBe('');
      }
    }
  });

  it('warn that OpenAI is winding down fine-tuning, with the shutdown date of the snapshots it deprecated', () => {
    for (const m of MODEL_PRESETS) expect(m.note).toMatch(/no new jobs from 6 January 2027/);
    for (const id of ['gpt-4o-2024-08-06', 'gpt-4o-mini-2024-07-18', 'gpt-4.1-2025-04-14', 'gpt-4.1-mini-2025-04-14']) {
      expect(findModel(id)?.note).toMatch(/shut down on 14 January 2027/);
    }
  });

  it('are found by id whatever the case, and not by a near miss', () => {
    expect(findModel(' GPT-4o-mini-2024-07-18 ')?.id).toBe('gpt-4o-mini-2024-07-18');
    expect(findModel('gpt-4o-mini')).toBeUndefined();
    expect(new Set(MODEL_PRESETS.map((m) => m.id)).size).toBe(MODEL_PRESETS.length);
  });
});
