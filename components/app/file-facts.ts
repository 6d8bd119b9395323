import { delimiterName, encodingName, type CsvInfo } from '@/lib/csv';
import { formatCount } from './format';

/** "2,000 rows", "1 row". */
export function formatRows(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
}

/**
 * The facts shown beside the file name: "2,000 rows", "UTF-8", "comma". UTF-8 and commas are
 * what the notebook expects, so only other encodings and separators are marked "(detected)":
 * those are the ones the user may not know their file has.
 */
export function fileFacts(
  rowCount: number,
  info: Pick<CsvInfo, 'encoding' | 'encodingDetected' | 'delimiter' | 'delimiterDetected'> & {
    workbook?: { sheet: string };
    sources?: { column: string; files: unknown[] };
  },
): string[] {
  // Several files read as one: each has its own encoding and separator; the column says each row's file.
  if (info.sources) return [formatRows(rowCount), `${info.sources.files.length} files`, `file in column “${info.sources.column}”`];
  // A workbook's text has no encoding or separator the user chose: which sheet was read is what matters.
  if (info.workbook) return [formatRows(rowCount), 'Excel workbook', `sheet “${info.workbook.sheet}”`];
  const encoding = encodingName(info.encoding);
  // A JSONL training file has no delimiter.
  if (info.delimiter === '') return [formatRows(rowCount), encoding, 'JSONL'];
  const delimiter = delimiterName(info.delimiter);
  return [
    formatRows(rowCount),
    info.encoding !== 'utf-8' && info.encodingDetected ? `${encoding} (detected)` : encoding,
    info.delimiter === ',' ? delimiter : `${delimiter}-separated${info.delimiterDetected ? ' (detected)' : ''}`,
  ];
}

/** The reader's messages start in lower case (they follow "file.csv: "); shown alone, they start with a capital. */
export function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** "today at 14:32", "yesterday at 09:05", "12 Mar at 14:32" (in the user's time zone unless one is given). */
export function formatSavedAt(savedAt: number, now: number, timeZone?: string): string {
  const opts = timeZone ? { timeZone } : {};
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', ...opts }).format(savedAt);
  const day = (t: number): string => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...opts }).format(t);
  if (day(savedAt) === day(now)) return `today at ${time}`;
  if (day(savedAt) === day(now - 86_400_000)) return `yesterday at ${time}`;
  const sameYear =
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', ...opts }).format(savedAt) ===
    new Intl.DateTimeFormat('en-GB', { year: 'numeric', ...opts }).format(now);
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), ...opts }).format(savedAt);
  return `${date} at ${time}`;
}
