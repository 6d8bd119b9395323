import { describe, expect, it } from 'vitest';
import { formatCode, formatNumber, isoDateToSerial } from './number-format';

const builtIn = (id: number): string => formatCode(id, new Map());

describe('formatNumber: a number as Excel (en-US) shows it', () => {
  it.each([
    // General: at most 11 characters, like a cell of standard width.
    [0.1 + 0.2, 'General', '0.3'],
    [42, 'General', '42'],
    [100.0, 'General', '100'],
    [-0.5, 'General', '-0.5'],
    [12345678901, 'General', '12345678901'],
    [123456789012, 'General', '1.23457E+11'],
    [1 / 3, 'General', '0.333333333'],
    // Text format shows a number as General does.
    [7, '@', '7'],
    [2.5, '0.00', '2.50'],
    [1.005, '0.00', '1.01'],
    [0.256, '0%', '26%'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [45322, 'yyyy-mm-dd', '2024-01-31'],
    [45322, 'yyyy\\-mm\\-dd', '2024-01-31'],
    [45322.5729166667, 'yyyy-mm-dd hh:mm', '2024-01-31 13:45'],
    [0.75, 'h:mm AM/PM', '6:00 PM'],
    // A format numfmt cannot read falls back to General.
    [1.5, 'not a format[[[', '1.5'],
  ])('%s with %j is %j', (value, code, shown) => {
    expect(formatNumber(value, code)).toBe(shown);
  });

  it.each([
    [14, 45322, '1/31/2024'],
    [15, 45322, '31-Jan-24'],
    [22, 45322.5, '1/31/2024 12:00'],
    [3, 1234567, '1,234,567'],
    [10, 0.12345, '12.35%'],
    [11, 12345, '1.23E+04'],
    [49, 7, '7'],
    // An id that is not built in (nor in the workbook) is General.
    [160, 0.1 + 0.2, '0.3'],
  ])('built-in format %i shows %s as %j', (id, value, shown) => {
    expect(formatNumber(value, builtIn(id))).toBe(shown);
  });

  it("uses the workbook's own format for an id it defines", () => {
    expect(formatCode(164, new Map([[164, 'yyyy-mm-dd']]))).toBe('yyyy-mm-dd');
    expect(formatCode(14, new Map([[14, 'dd/mm/yyyy']]))).toBe('dd/mm/yyyy');
  });

  it('shifts a 1904-based workbook’s dates, not its other numbers', () => {
    // 43860 days after 1 January 1904 is 31 January 2024.
    expect(formatNumber(43860, 'yyyy-mm-dd', true)).toBe('2024-01-31');
    expect(formatNumber(43860, 'General', true)).toBe('43860');
  });

  it('turns an ISO date cell into the serial number Excel keeps', () => {
    expect(isoDateToSerial('2024-01-31')).toBe(45322);
    expect(isoDateToSerial('2024-01-31T18:00:00')).toBe(45322.75);
    expect(isoDateToSerial('31/01/2024')).toBeNull();
  });
});
