import { describe, expect, it } from 'vitest';
import type { TokenReport } from '@/lib/engine';
import { estimateRows, formatCost, parseEpochs, parsePrice } from './token-text';

describe('token and cost text', () => {
  it('formats costs in dollars and cents', () => {
    expect(formatCost(0.4712)).toBe('$0.47');
    expect(formatCost(1234)).toBe('$1,234.00');
    expect(formatCost(0.001)).toBe('less than $0.01');
    expect(formatCost(0)).toBe('$0.00');
  });

  it('reads a typed price, empty meaning the default', () => {
    expect(parsePrice(' $3 ')).toEqual({ ok: true, value: 3 });
    expect(parsePrice('0.8')).toEqual({ ok: true, value: 0.8 });
    expect(parsePrice('')).toEqual({ ok: true, value: null });
    expect(parsePrice('-1')).toMatchObject({ ok: false });
    expect(parsePrice('three')).toMatchObject({ ok: false });
  });

  it('reads epochs from 1 to 50', () => {
    expect(parseEpochs('4')).toEqual({ ok: true, value: 4 });
    expect(parseEpochs('')).toEqual({ ok: true, value: null });
    expect(parseEpochs('0')).toMatchObject({ ok: false });
    expect(parseEpochs('2.5')).toMatchObject({ ok: false });
  });

  it('lists the estimate, with the training file when the split can be made', () => {
    const r = {
      examples: 500,
      totalTokens: 31_234,
      mean: 62.4,
      median: 61,
      max: 140,
      train: { examples: 400, totalTokens: 25_000 },
      epochs: 3,
      defaultEpochs: true,
      billedTokens: 75_000,
      cost: 0.225,
    } as TokenReport;
    expect(estimateRows(r)).toEqual([
      { label: 'Examples', value: '500 (31,234 tokens)' },
      { label: 'Tokens per example', value: 'mean 62 · median 61 · max 140' },
      { label: 'Training file', value: '400 examples, 25,000 tokens' },
      { label: 'Epochs', value: '3 (the default for this many examples)' },
      { label: 'Billed tokens', value: '75,000' },
      { label: 'Estimated cost', value: '$0.23' },
    ]);
    expect(estimateRows({ ...r, train: null }).map((x) => x.label)).not.toContain('Training file');
  });
});
