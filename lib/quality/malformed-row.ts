import type { CheckContext } from './context';
import { plural, rowList } from './format';
import type { CheckResult } from './types';

/**
 * `malformed-row` (error): rows the reader set aside because they have more fields than the header
 * (usually a text with an unquoted delimiter). pandas refuses the whole file on the first one, and
 * so does the export. They are not in the table, so they have numbers but no ids.
 */
export function checkMalformedRows(ctx: CheckContext): CheckResult[] {
  const setAside = ctx.input.setAside ?? [];
  if (setAside.length === 0) return [];
  const rows = [...new Set(setAside.map((b) => b.dataRow))].sort((a, b) => a - b);
  const first = setAside.reduce((a, b) => (b.dataRow < a.dataRow ? b : a));
  return [
    {
      id: 'malformed-row',
      severity: 'error',
      count: rows.length,
      rows,
      rowIds: [],
      message:
        `${plural(rows.length, 'row')} ${rows.length === 1 ? 'has' : 'have'} more fields than the header (${rowList(rows)}; the first is on line ${first.line}), ` +
        'so they were not checked and pandas would refuse the file. A text containing the delimiter must be quoted ("like, this"): fix the rows or remove them.',
    },
  ];
}
