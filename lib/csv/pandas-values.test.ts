import { describe, expect, it } from 'vitest';
import { PANDAS_NA_STRINGS, isPandasNa, profileColumn } from './pandas-values';

describe('isPandasNa: pandas 1.5.3 default NA strings', () => {
  it.each([...PANDAS_NA_STRINGS])('%j is missing', (s) => expect(isPandasNa(s)).toBe(true));
  it.each(['None', ' NA', 'NaN ', 'na', 'Null', 'NONE', '-', '0', 'n/a ', '#N/A  N/A'])('%j is text', (s) => expect(isPandasNa(s)).toBe(false));
});

describe('profileColumn: how pandas would type a column', () => {
  it.each<[string, string[], string]>([
    ['text', ['Billing', 'Refund'], 'string'],
    ['one text value keeps the column text', ['1', '2', 'x'], 'string'],
    ['integers, with signs and spaces', ['007', '+1', ' 3 ', '-4'], 'int'],
    ['integers with a missing cell become floats', ['1', '', '2'], 'float'],
    ['decimals and exponents', ['1.5', '1e3', '.5', '5.', '-2E-3'], 'float'],
    ['inf and infinity in any case, signed or not', ['inf', '-Infinity', '+INF', '1'], 'float'],
    ['inf with a space around it is text', [' inf', '1'], 'string'],
    ['booleans with a space are text', [' True', 'false'], 'string'],
    ['int64 maximum is a number', ['9223372036854775807', '-1'], 'int'],
    ['above int64, all positive: uint64', ['9223372036854775808', '1'], 'int'],
    ['above int64 with a negative value: text', ['-1', '9223372036854775808'], 'string'],
    ['below int64: text', ['-9223372036854775809', '1'], 'string'],
    ['C whitespace around numbers is allowed', [' 1.5 ', '\t2', '1e5 '], 'float'],
    ['underscores are text', ['1_000', '2'], 'string'],
    ['booleans in any case', ['true', 'FALSE', 'tRuE'], 'bool'],
    ['mixed numbers and booleans stay text', ['1', 'true'], 'string'],
    ['all missing', ['', 'NA', 'null'], 'empty'],
    ['integers beyond uint64 stay text', ['18446744073709551616', '1'], 'string'],
    ['uint64 maximum is still a number', ['18446744073709551615'], 'int'],
    ['non-breaking space around a digit is text (not C isspace)', ['\u00a01'], 'string'],
    ['hex is text', ['0x10'], 'string'],
    ['1e (no exponent digits) is text', ['1e'], 'string'],
  ])('%s', (_name, cells, kind) => {
    expect(profileColumn(cells).kind).toBe(kind);
  });

  it('keeps NA strings as text where pandas falls back to text without NA conversion', () => {
    expect(profileColumn(['-1', '9223372036854775808', '']).naIsText).toBe(true);
    expect(profileColumn(['9223372036854775808', '1', 'NA'])).toMatchObject({ kind: 'string', naIsText: true });
    // Beyond uint64 the fallback does convert NA strings.
    expect(profileColumn(['18446744073709551616', '1', ''])).toMatchObject({ kind: 'string', naIsText: false });
    expect(profileColumn(['a', '']).naIsText).toBe(false);
  });

  it('counts missing cells and keeps where they are', () => {
    const p = profileColumn(['a', '', 'b', 'NA']);
    expect(p.naCount).toBe(2);
    expect(p.naCells).toEqual([
      { dataRow: 2, value: '' },
      { dataRow: 4, value: 'NA' },
    ]);
  });

  it('shows the first cell of a number column as the example', () => {
    expect(profileColumn(['007', '8']).example).toEqual({ dataRow: 1, value: '007' });
  });
});
