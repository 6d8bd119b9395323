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
    ['inf and infinity in any case', ['inf', '-Infinity', '1'], 'float'],
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
