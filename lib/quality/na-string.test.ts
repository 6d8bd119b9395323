import { describe, expect, it } from 'vitest';
import { PANDAS_NA_STRINGS } from '../csv';
import { check, filler, finding } from './testing';

describe('na-string', () => {
  const naStrings = [...PANDAS_NA_STRINGS].filter((s) => s !== '');

  it.each(naStrings)('flags %j in a label as an error, quoting it', (na) => {
    const r = finding(check([...filler(20), ['where is my refund', 'billing', na]]), 'na-string');
    expect(r).toMatchObject({ severity: 'error', count: 1, rows: [21] });
    expect(r!.message).toContain(`${JSON.stringify(na)} in sub_category (1 row)`);
  });

  it('flags an NA string as the text', () => {
    const r = finding(check([...filler(20), ['null', 'billing', 'refund']]), 'na-string');
    expect(r?.message).toMatch(/^1 row holds a value that pandas reads as "missing" \(NaN\) rather than as text: "null" in inquiry \(1 row\)\./);
  });

  it.each([
    ['None (NA only from pandas 2.0; the notebook pins 1.5.3)', 'None'],
    ['none', 'none'],
    ['Null', 'Null'],
    ['NA with a space', ' NA'],
    ['n.a.', 'n.a.'],
    ['NAN', 'NAN'],
  ])('stays quiet on %s', (_name, value) => {
    expect(finding(check([...filler(20), ['where is my refund', 'billing', value]]), 'na-string')).toBeUndefined();
  });

  it('groups values per column in the message and the details', () => {
    const rows = [...filler(10), ['a b', 'N/A', 'x'], ['c d', 'N/A', 'x'], ['e f', 'billing', 'null']];
    const r = finding(check(rows), 'na-string')!;
    expect(r.count).toBe(3);
    expect(r.details?.columns).toEqual([
      { column: 'category', count: 2, values: [{ value: 'N/A', count: 2 }] },
      { column: 'sub_category', count: 1, values: [{ value: 'null', count: 1 }] },
    ]);
  });

  it('stays quiet where pandas keeps NA strings as text (an integer column beyond 64 bits)', () => {
    const rows = [...filler(10).map((r, i) => [r[0]!, r[1]!, String(-9223372036854775809n - BigInt(i))]), ['x y', 'billing', 'NA']];
    const report = check(rows);
    expect(finding(report, 'na-string')).toBeUndefined();
    expect(finding(report, 'inferred-type')).toBeUndefined();
  });
});

describe('inferred-type', () => {
  it.each([
    ['integers', ['1', '2', '007'], '"1"', 'numbers'],
    ['decimals', ['1.5', '2', '3e2'], '"1.5"', 'numbers'],
    ['booleans in any case', ['TRUE', 'false', 'True'], '"TRUE"', 'true/false'],
    ['integers with a missing value', ['1', '2', 'NA'], '"1"', 'numbers'],
  ])('flags a label column of %s as an error', (_name, values, first, kind) => {
    const rows = [...filler(12).map((r, i) => [r[0]!, r[1]!, values[i % values.length]!])];
    const r = finding(check(rows), 'inferred-type');
    expect(r).toMatchObject({ severity: 'error', rows: [1], count: 1 });
    expect(r!.message).toContain(`sub_category holds only ${kind} (first ${first}, row 1)`);
  });

  it.each([
    ['one word among numbers', ['1', '2', 'three']],
    ['numbers with spaces inside', ['1 2', '3', '4']],
    ['yes/no', ['yes', 'no', 'yes']],
  ])('stays quiet on %s', (_name, values) => {
    const rows = [...filler(12).map((r, i) => [r[0]!, r[1]!, values[i % values.length]!])];
    expect(finding(check(rows), 'inferred-type')).toBeUndefined();
  });
});
