import { describe, expect, it } from 'vitest';
import { parseTestSize, splitSizes, type TestSize } from './index';

const float = (value: number): TestSize => ({ kind: 'float', value });
const int = (value: number): TestSize => ({ kind: 'int', value });

describe('parseTestSize', () => {
  it.each<[string, TestSize | null]>([
    ['0.2', float(0.2)],
    ['40', int(40)],
    ['40.0', float(40)],
    ['1e-3', float(0.001)],
    ['1E3', float(1000)],
    ['-1', int(-1)],
    ['+3', int(3)],
    ['.5', float(0.5)],
    ['5.', float(5)],
    ['007', int(7)],
    ['1_000', int(1000)],
    ['0.000_1', float(0.0001)],
    ['-0.0', float(-0)],
    ['inf', float(Infinity)],
    ['-Infinity', float(-Infinity)],
    // Python's int()/float() ignore surrounding whitespace, so do we.
    [' 0.2 ', float(0.2)],
    ['\t40\n', int(40)],
    ['abc', null],
    ['', null],
    ['   ', null],
    ['0.2.3', null],
    ['1__0', null],
    ['_1', null],
    ['1_', null],
    ['0x10', null],
    ['2/10', null],
    ['20%', null],
    ['\ufeff0.2', null],
  ])('%j -> %j', (text, expected) => {
    expect(parseTestSize(text)).toEqual(expected);
  });

  it('nan parses as a float NaN (Python float("nan") works too)', () => {
    const t = parseTestSize('NaN');
    expect(t?.kind).toBe('float');
    expect(Number.isNaN(t?.value)).toBe(true);
  });
});

describe('splitSizes (§4.1)', () => {
  it.each<[number, number, number]>([
    [0.07, 100, 8],
    [0.14, 50, 8],
    [0.28, 25, 8],
    [0.55, 100, 56],
    [0.2, 10, 2],
    [0.25, 13, 4],
  ])('ceil of the raw double product: %s x %i -> n_test %i', (t, n, nTest) => {
    expect(splitSizes(n, float(t))).toEqual({ ok: true, nTest, nTrain: n - nTest });
  });

  it('int test sizes are taken as is; float 1.0 is invalid while int 1 is valid', () => {
    expect(splitSizes(20, int(1))).toEqual({ ok: true, nTest: 1, nTrain: 19 });
    expect(splitSizes(20, float(1))).toEqual({
      ok: false,
      error: {
        code: 'invalid-test-size',
        message: 'test_size=1.0 should be either positive and smaller than the number of samples 20 or a float in the (0, 1) range',
      },
    });
  });

  it.each<[TestSize, number, string]>([
    [float(0), 20, 'test_size=0.0 should'],
    [float(-0), 20, 'test_size=-0.0 should'],
    [float(2), 20, 'test_size=2.0 should'],
    [float(1e20), 20, 'test_size=1e+20 should'],
    [float(-1e-7), 20, 'test_size=-1e-07 should'],
    [float(Infinity), 20, 'test_size=inf should'],
    [int(0), 20, 'test_size=0 should'],
    [int(20), 20, 'test_size=20 should'],
    [int(-1), 20, 'test_size=-1 should'],
    [int(1), 0, 'test_size=1 should'],
  ])('invalid %j with n=%i', (t, n, prefix) => {
    const r = splitSizes(n, t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-test-size');
      expect(r.error.message.startsWith(prefix)).toBe(true);
    }
  });

  it.each<[TestSize, number, string]>([
    [float(0.95), 10, 'With n_samples=10, test_size=0.95 and train_size=None'],
    [float(0.2), 0, 'With n_samples=0, test_size=0.2 and train_size=None'],
    [float(0.2), 1, 'With n_samples=1, test_size=0.2 and train_size=None'],
    [float(1e-5), 1, 'With n_samples=1, test_size=1e-05 and train_size=None'],
  ])('empty train: %j with n=%i', (t, n, prefix) => {
    const r = splitSizes(n, t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('empty-train');
      expect(r.error.message).toBe(`${prefix}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`);
    }
  });

  it('a float NaN passes the range check and fails in ceil, as in Python', () => {
    expect(splitSizes(10, float(Number.NaN))).toEqual({
      ok: false,
      error: { code: 'invalid-test-size', message: 'cannot convert float NaN to integer' },
    });
  });

  it('throws on programming errors (not user errors)', () => {
    expect(() => splitSizes(-1, float(0.2))).toThrow(RangeError);
    expect(() => splitSizes(10, int(2.5))).toThrow(TypeError);
  });
});
