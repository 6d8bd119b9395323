import { describe, expect, it } from 'vitest';
import { shuffleSplit, trainTestSplit, type TestSize } from './index';

const float = (value: number): TestSize => ({ kind: 'float', value });
const int = (value: number): TestSize => ({ kind: 'int', value });

describe('no stratification: ShuffleSplit (§4.8)', () => {
  it('n = 10, T = 0.2, seed 42: test = perm[0:2], train = perm[2:]', () => {
    const r = trainTestSplit(null, float(0.2), 42, 10);
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.train)).toEqual([5, 0, 7, 2, 9, 4, 3, 6]);
    expect(Array.from(r.test)).toEqual([8, 1]);
    expect([r.nTrain, r.nTest]).toEqual([8, 2]);
    expect(r.classes).toEqual([]);
    expect(r.classCounts).toEqual([]);
    expect(r.trainPerClass).toEqual([]);
    expect(r.testPerClass).toEqual([]);
  });

  it('n = 10, T = 3 (int), seed 7', () => {
    const r = shuffleSplit(10, int(3), 7);
    if (!r.ok) throw new Error(r.error.message);
    expect(Array.from(r.train)).toEqual([2, 1, 9, 7, 3, 6, 4]);
    expect(Array.from(r.test)).toEqual([8, 5, 0]);
  });

  it('size errors first, then the seed; no label checks', () => {
    expect(shuffleSplit(10, float(0.95), -1)).toEqual({
      ok: false,
      error: {
        code: 'empty-train',
        message: 'With n_samples=10, test_size=0.95 and train_size=None, the resulting train set will be empty. Adjust any of the aforementioned parameters.',
      },
    });
    expect(shuffleSplit(10, float(0.2), 2 ** 32)).toEqual({
      ok: false,
      error: { code: 'invalid-seed', message: 'Seed must be between 0 and 2**32 - 1' },
    });
    // 2 rows, 1 test row: fine without stratification (a stratified split would need 2 classes x 2)
    expect(shuffleSplit(2, int(1), 0).ok).toBe(true);
  });
});
