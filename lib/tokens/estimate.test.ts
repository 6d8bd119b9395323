import { describe, expect, it } from 'vitest';
import { defaultEpochs, estimateCost } from './estimate';
import { TokenTally } from './tally';

describe('defaultEpochs', () => {
  // The notebook: 3 epochs; min(25, 100 // n) when n × 3 < 100; max(1, 25000 // n) when n × 3 > 25,000.
  it.each([
    [1, 25],
    [2, 25],
    [4, 25],
    [5, 20],
    [10, 10],
    [33, 3], // 99 example passes: still under 100, and 100 // 33 = 3
    [34, 3], // 102: the plain 3
    [8333, 3], // 24,999
    [8334, 2], // 25,002: 25000 // 8334 = 2
    [10_000, 2],
    [12_500, 2],
    [12_501, 1],
    [1_000_000, 1],
    [0, 0],
  ])('%i training examples: %i epochs', (n, epochs) => {
    expect(defaultEpochs(n)).toBe(epochs);
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s examples', (n) => {
    expect(() => defaultEpochs(n)).toThrow(RangeError);
  });
});

describe('estimateCost', () => {
  it("reproduces the notebook's figures for its toy dataset: 5 examples, 4,306 tokens → 20 epochs, 86,120 tokens", () => {
    expect(estimateCost({ examples: 5, billableTokens: 4306 }, { pricePerMillion: 8 })).toEqual({
      epochs: 20,
      defaultEpochs: true,
      billedTokens: 86_120,
      pricePerMillion: 8,
      cost: 0.68896,
    });
  });

  it('bills epochs × tokens × price per million', () => {
    const e = estimateCost({ examples: 1000, billableTokens: 123_456 }, { pricePerMillion: 3 });
    expect(e).toMatchObject({ epochs: 3, billedTokens: 370_368 });
    expect(e.cost).toBeCloseTo(1.111104, 9);
    expect(estimateCost({ examples: 8334, billableTokens: 1_000_000 }, { pricePerMillion: 25 })).toMatchObject({
      epochs: 2,
      billedTokens: 2_000_000,
      cost: 50,
    });
  });

  it('takes the epochs the job will run instead of the default', () => {
    expect(estimateCost({ examples: 1000, billableTokens: 123_456 }, { pricePerMillion: 3, epochs: 1 })).toMatchObject({
      epochs: 1,
      defaultEpochs: false,
      billedTokens: 123_456,
    });
  });

  it('bills an example over the limit at the limit', () => {
    const t = new TokenTally({ limit: 4096 });
    [8032, 26, 100].forEach((n) => t.add(n));
    // 3 examples: 100 // 3 = 33 epochs, capped at 25.
    expect(estimateCost(t.summary(), { pricePerMillion: 8 })).toMatchObject({ epochs: 25, billedTokens: 25 * (4096 + 26 + 100) });
  });

  it.each([
    ['a negative price', { pricePerMillion: -1 }],
    ['a price that is not a number', { pricePerMillion: Number.NaN }],
    ['fractional epochs', { pricePerMillion: 3, epochs: 2.5 }],
  ])('refuses %s', (_name, options) => {
    expect(() => estimateCost({ examples: 10, billableTokens: 100 }, options)).toThrow(RangeError);
  });
});
