import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../export';
import type { TokenCounter } from '../quality';
import { estimateTraining, estimateTrainingSteps, TRAINING_STEP_ROWS, type ExampleRows } from './training';

/** One token per word: the sums below can be checked by eye. */
const words: TokenCounter = { name: 'words', count: (t) => (t.trim() === '' ? 0 : t.trim().split(/\s+/).length) };

/** Rows of [text, category, sub-category]. */
function rowsOf(rows: string[][]): ExampleRows {
  return { rowCount: rows.length, text: (r) => rows[r]![0]!, label: (r, j) => rows[r]![j + 1]! };
}

const ROWS = rowsOf([
  ['where is my refund', 'billing', 'refund'],
  ['late', 'shipping', 'late'],
  ['my parcel never came at all', 'shipping', 'late'],
  ['refund please', 'billing', 'refund'],
]);

// Per example besides the message: 3 + 3 × (3 + 1 for the role) = 15, the notebook's system prompt
// (15 words) and the answer, e.g. {"category": "billing", "sub_category": "refund"} (4 words): 34.
const OVERHEAD = 15 + 15 + 4;

describe('estimateTraining', () => {
  it('counts every example and bills the training rows only', () => {
    const e = estimateTraining(ROWS, words, DEFAULT_SETTINGS, { limit: 1000, pricePerMillion: 2, trainRows: [0, 2] });
    expect(Array.from(e.overhead)).toEqual([OVERHEAD, OVERHEAD, OVERHEAD, OVERHEAD]);
    expect(e.all).toMatchObject({ examples: 4, totalTokens: 4 * OVERHEAD + 4 + 1 + 6 + 2, max: OVERHEAD + 6 });
    expect(e.train).toMatchObject({ examples: 2, totalTokens: 2 * OVERHEAD + 4 + 6 });
    // 2 examples: min(25, 100 // 2) = 25 epochs.
    expect(e.cost).toMatchObject({ epochs: 25, billedTokens: 25 * (2 * OVERHEAD + 10), pricePerMillion: 2 });
  });

  it('bills every row when there is no split, and takes the epochs given', () => {
    const e = estimateTraining(ROWS, words, DEFAULT_SETTINGS, { limit: 1000, pricePerMillion: 2, trainRows: null, epochs: 1 });
    expect(e.train).toBeNull();
    expect(e.cost).toMatchObject({ epochs: 1, defaultEpochs: false, billedTokens: e.all.totalTokens });
  });

  it('lists the examples over the limit and bills them at the limit', () => {
    const e = estimateTraining(ROWS, words, DEFAULT_SETTINGS, { limit: OVERHEAD + 3, pricePerMillion: 1, trainRows: [0, 1, 2, 3] });
    expect(e.all.overLimit).toEqual([0, 2]);
    expect(e.train!.billableTokens).toBe(4 * OVERHEAD + 3 + 1 + 3 + 2);
  });

  it('reports its progress', () => {
    const seen: number[] = [];
    const many = rowsOf(Array.from({ length: 20_000 }, () => ['hello', 'a', 'b']));
    estimateTraining(many, words, DEFAULT_SETTINGS, { limit: 100, pricePerMillion: 1, trainRows: null, onProgress: (n) => seen.push(n) });
    expect(seen).toEqual([10_000, 20_000]);
  });

  it('can be run a slice at a time, with the same result', () => {
    const many = rowsOf(Array.from({ length: 2 * TRAINING_STEP_ROWS + 7 }, (_, i) => [`hello number ${i % 13}`, i % 2 ? 'a' : 'b', 'c']));
    const options = { limit: 100, pricePerMillion: 1, trainRows: [0, 5, 9_999] };
    const steps = estimateTrainingSteps(many, words, DEFAULT_SETTINGS, options);
    const yielded: number[] = [];
    let step = steps.next();
    while (!step.done) {
      yielded.push(step.value);
      step = steps.next();
    }
    expect(yielded).toEqual([TRAINING_STEP_ROWS, 2 * TRAINING_STEP_ROWS]);
    expect(step.value).toEqual(estimateTraining(many, words, DEFAULT_SETTINGS, options));
  });
});
