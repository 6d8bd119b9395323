import { describe, expect, it } from 'vitest';
import { pythonFloatRepr } from './index';
import { pythonIntRepr } from './python-repr';

// Expected strings are Python 3's str()/repr() of the same doubles (§4.1).
describe('pythonFloatRepr', () => {
  it.each<[number, string]>([
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [2, '2.0'],
    [100, '100.0'],
    [-0.2, '-0.2'],
    [0.2, '0.2'],
    [0.95, '0.95'],
    [0.1 + 0.2, '0.30000000000000004'],
    [1e20, '1e+20'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [9999999999999998, '9999999999999998.0'],
    [1e15, '1000000000000000.0'],
    [123456789012345.6, '123456789012345.6'],
    [-1e-7, '-1e-07'],
    [1e-5, '1e-05'],
    [-1e-10, '-1e-10'],
    [1.234e-7, '1.234e-07'],
    [0.0001, '0.0001'],
    [0.00012345, '0.00012345'],
    [9.9e-5, '9.9e-05'],
    [1e-4 * 0.99, '9.900000000000001e-05'],
    [1e100, '1e+100'],
    [1e-100, '1e-100'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [Number.NaN, 'nan'],
    [100000.0, '100000.0'],
    [123.456, '123.456'],
  ])('%s -> %s', (x, expected) => {
    expect(pythonFloatRepr(x)).toBe(expected);
  });
});

describe('pythonIntRepr', () => {
  it('prints ints in decimal, never in exponent form', () => {
    expect(pythonIntRepr(40)).toBe('40');
    expect(pythonIntRepr(-1)).toBe('-1');
    expect(pythonIntRepr(-0)).toBe('0');
    expect(pythonIntRepr(1e21)).toBe('1000000000000000000000');
    expect(() => pythonIntRepr(1.5)).toThrow(RangeError);
  });
});
