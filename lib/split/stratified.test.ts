import { describe, expect, it } from 'vitest';
import { MT19937 } from '../random';
import { stratifiedSplitCodes, trainTestSplit, type SplitResult, type TestSize } from './index';

const float = (value: number): TestSize => ({ kind: 'float', value });
const int = (value: number): TestSize => ({ kind: 'int', value });

function ok(result: SplitResult) {
  if (!result.ok) throw new Error(`unexpected error: ${result.error.message}`);
  return result;
}

describe('stratified split: §4.7 worked example', () => {
  const labels = ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b'];

  it('gives train [7, 8, 2, 0, 3, 1, 5, 4] and test [6, 9]', () => {
    const r = ok(trainTestSplit(labels, float(0.2), 42));
    expect(Array.from(r.train)).toEqual([7, 8, 2, 0, 3, 1, 5, 4]);
    expect(Array.from(r.test)).toEqual([6, 9]);
    expect(r.classes).toEqual(['a', 'b']);
    expect(r.classCounts).toEqual([5, 5]);
    expect(r.trainPerClass).toEqual([4, 4]);
    expect(r.testPerClass).toEqual([1, 1]);
    expect([r.nTrain, r.nTest]).toEqual([8, 2]);
  });

  it('the per-class permutations consume the bounded draws listed in the spec', () => {
    // Neither _approximate_mode call draws, so class a's permutation(5) starts the stream:
    // (4: 1608637542 rejected, 3421126067 -> 3), (3 -> 0), (2 -> 2), (1 -> 0).
    const rng = new MT19937(42);
    expect([rng.interval(4), rng.interval(3), rng.interval(2), rng.interval(1)]).toEqual([3, 0, 2, 0]);
    // class b: (4: 3348747335 rejected, 2571218620 -> 4), (3 -> 0), (2 -> 2), (1 -> 1)
    expect([rng.interval(4), rng.interval(3), rng.interval(2), rng.interval(1)]).toEqual([4, 0, 2, 1]);
  });
});

describe('stratified split: checks and their order (§4.4)', () => {
  const base = ['c', 'd', 'b', 'b', 'c', 'a', 'c', 'a', 'a', 'b', 'd', 'c', 'c', 'b', 'a', 'd', 'd', 'b', 'a', 'd'];

  it('size errors come before class errors', () => {
    const r = trainTestSplit([...base, 'lonely'], float(1.5), -1);
    expect(!r.ok && r.error.code).toBe('invalid-test-size');
  });

  it('singleton before n_train/n_test < K, and it names the lonely classes in class order', () => {
    const r = trainTestSplit([...base, 'z-lonely', 'lonely'], float(0.1), 42);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('singleton-class');
      expect(r.error.classes).toEqual(['lonely', 'z-lonely']);
    }
  });

  it('n_train < K before n_test < K', () => {
    // n = 10, 5 classes, int 8 -> n_train 2 < 5 (and n_test 8 >= 5)
    const labels = ['p0', 'p0', 'p1', 'p1', 'p2', 'p2', 'p3', 'p3', 'p4', 'p4'];
    expect(trainTestSplit(labels, int(8), 0)).toEqual({
      ok: false,
      error: { code: 'train-lt-classes', message: 'The train_size = 2 should be greater or equal to the number of classes = 5' },
    });
    expect(trainTestSplit(labels, int(2), 0)).toEqual({
      ok: false,
      error: { code: 'test-lt-classes', message: 'The test_size = 2 should be greater or equal to the number of classes = 5' },
    });
  });

  it('the seed is checked last: after every class check', () => {
    const singleton = trainTestSplit([...base, 'lonely'], float(0.25), 4294967296);
    expect(!singleton.ok && singleton.error.code).toBe('singleton-class');
    const testLt = trainTestSplit(base, float(0.1), -1);
    expect(!testLt.ok && testLt.error.code).toBe('test-lt-classes');
    expect(trainTestSplit(base, float(0.25), 4294967296)).toEqual({
      ok: false,
      error: { code: 'invalid-seed', message: 'Seed must be between 0 and 2**32 - 1' },
    });
  });

  it('a non-integer seed gets sklearn check_random_state text', () => {
    expect(trainTestSplit(base, float(0.25), 1.5)).toEqual({
      ok: false,
      error: { code: 'invalid-seed', message: '1.5 cannot be used to seed a numpy.random.RandomState instance' },
    });
    const nan = trainTestSplit(base, float(0.25), Number.NaN);
    expect(!nan.ok && nan.error.message).toBe('nan cannot be used to seed a numpy.random.RandomState instance');
  });

  it('seeds 0 and 2**32 - 1 are valid', () => {
    expect(trainTestSplit(base, float(0.25), 0).ok).toBe(true);
    expect(trainTestSplit(base, float(0.25), 4294967295).ok).toBe(true);
  });
});

describe('stratified split: what sklearn does NOT guarantee', () => {
  it('n_train >= K and n_test >= K with every class >= 2 rows can still leave a class out of train', () => {
    // counts 92,2,2,2,2 and n_test = 95 -> n_train = 5 = K. Train shares: 4.6 and 0.1 x 4, so the
    // single extra draw goes to the big class (largest remainder) and the small ones get 0 train rows.
    const labels = [...new Array<string>(92).fill('big'), 'a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
    const r = ok(trainTestSplit(labels, int(95), 0));
    expect(r.classes).toEqual(['a', 'b', 'big', 'c', 'd']);
    expect(r.trainPerClass).toEqual([0, 0, 5, 0, 0]);
    expect(r.testPerClass).toEqual([2, 2, 87, 2, 2]);
  });
});

describe('two stratify columns (§4.2)', () => {
  it('joins each row with a single space, so ("a b","c") and ("a","b c") are one class', () => {
    const pairs = [
      ['a b', 'c'],
      ['a', 'b c'],
      ['x', 'y'],
      ['x', 'y'],
      ['x', 'y'],
      ['x', 'y'],
    ];
    const r = ok(trainTestSplit(pairs, int(2), 3));
    expect(r.classes).toEqual(['a b c', 'x y']);
    expect(r.classCounts).toEqual([2, 4]);
    expect(
      trainTestSplit(
        pairs.map((p) => p.join(' ')),
        int(2),
        3,
      ),
    ).toEqual(r);
  });
});

describe('stratifiedSplitCodes', () => {
  it('ignores unused codes and merges codes with the same label', () => {
    const codes = Int32Array.from([0, 2, 0, 2, 3, 3, 0, 2]);
    const viaCodes = ok(stratifiedSplitCodes(codes, ['x', 'unused', 'y', 'x'], float(0.25), 9));
    const viaLabels = ok(trainTestSplit(['x', 'y', 'x', 'y', 'x', 'x', 'x', 'y'], float(0.25), 9));
    expect(viaCodes).toEqual(viaLabels);
  });

  it('accepts Uint32Array codes', () => {
    const codes = Uint32Array.from([1, 0, 1, 0, 1, 0]);
    expect(ok(stratifiedSplitCodes(codes, ['no', 'yes'], int(2), 1)).classes).toEqual(['no', 'yes']);
  });

  it('throws on an out-of-range code (programming error)', () => {
    expect(() => stratifiedSplitCodes(Int32Array.from([0, 1, 2]), ['a', 'b'], float(0.5), 0)).toThrow(RangeError);
  });
});

describe('trainTestSplit argument contract', () => {
  it('throws when n disagrees with the labels or is missing without labels', () => {
    expect(() => trainTestSplit(['a', 'a'], float(0.5), 0, 3)).toThrow(RangeError);
    expect(() => trainTestSplit(null, float(0.5), 0)).toThrow(TypeError);
  });
});
