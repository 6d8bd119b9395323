import { format, isDateFormat } from 'numfmt';

/**
 * Numbers as Excel shows them, hence as its "Save as CSV" writes them: the cell's number format
 * applied by numfmt (an emulation of Excel's formatter), in Excel's en-US locale.
 *
 * - General (no format) shows at most 11 characters, like a cell of standard width: `0.1+0.2` is
 *   `0.3`, `42.0` is `42`, `1234567890123` is `1.23457E+12`.
 * - The built-in formats (ids 0–49, which a file names by number only) are Excel's en-US ones:
 *   id 14 is `m/d/yyyy` (`1/31/2024`), id 22 `m/d/yyyy h:mm`; a format the workbook spells out
 *   (`yyyy-mm-dd`, `0.00%`, …) is used as written.
 * - Dates are serial numbers: a 1904-based workbook's are shifted to the 1900 system first.
 */

/** ECMA-376 Part 1, 18.8.30, as Excel in en-US shows them (ids not listed: General). */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'm/d/yyyy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yyyy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mm:ss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The format code of a number format id: the workbook's own (`numFmts`) or a built-in one. */
export function formatCode(id: number, custom: ReadonlyMap<number, string>): string {
  return custom.get(id) ?? BUILT_IN[id] ?? 'General';
}

const INVALID = '\u0000invalid';
const OPTIONS = { locale: 'en-US', throws: false, invalid: INVALID, leap1900: true, dateSpanLarge: false, nbsp: false } as const;

/** Days between the 1904 and the 1900 date systems. */
const DATE_1904_OFFSET = 1462;

const dateCodes = new Map<string, boolean>();

function isDate(code: string): boolean {
  let d = dateCodes.get(code);
  if (d === undefined) {
    try {
      d = isDateFormat(code);
    } catch {
      d = false;
    }
    dateCodes.set(code, d);
  }
  return d;
}

/** `value` shown with format `code`; a code numfmt cannot read falls back to General (what Excel does with a broken format is to refuse the file). */
export function formatNumber(value: number, code: string, date1904 = false): string {
  // "@" (text) shows a number as General does.
  if (code === 'General' || code === '@') return format('General', value, OPTIONS);
  const v = date1904 && isDate(code) ? value + DATE_1904_OFFSET : value;
  const out = format(code, v, OPTIONS);
  return out === INVALID ? format('General', value, OPTIONS) : out;
}

/** An ISO 8601 date cell (`t="d"`, written by some programs instead of a serial number) as Excel's serial number. */
export function isoDateToSerial(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  // Day 25569 is 1970-01-01 in the 1900 system (which counts the non-existent 29 February 1900).
  return ms / 86_400_000 + 25569;
}
