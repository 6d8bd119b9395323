import Papa from 'papaparse';
import type { Dataset } from './dataset';

export interface CsvWriteOptions {
  /** Prefix cells that a spreadsheet would run as a formula with `'` (OWASP CSV injection). */
  neutralizeFormulas: boolean;
  /** Default '\n'. */
  lineEnding?: '\n' | '\r\n';
  /** Add a last column of this name holding each row's review status (off by default: the notebook's round trip stays unchanged). */
  reviewColumn?: string;
  /** A column left out (several files read as one: their `source` column, unless asked for). */
  omitColumn?: number;
}

/** The name of the review status column of the cleaned CSV. */
export const REVIEW_COLUMN = 'review_status';

export interface CsvWriteResult {
  text: string;
  /** Cells that got a leading `'`. */
  neutralized: number;
}

/** Rows per `Papa.unparse` call, so a million rows never exist as a million row arrays at once. */
const ROWS_PER_CHUNK = 20_000;

/** OWASP: cells starting with these may be taken as formulas by Excel, LibreOffice or Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A line of only spaces and tabs (or nothing): pandas skips it. */
const BLANK = /^[ \t]*$/;
/** Delimiters the reader detects from a header line without a comma (`detectDelimiter`). */
const DETECTABLE = /[;\t|]/;

/**
 * The header and the live rows in export order as CSV text (written by papaparse), such that
 * `pandas.read_csv` and Trainset's own reader give back exactly these cells:
 *
 * - papaparse quotes a field holding the delimiter, a quote, CR or LF, a BOM, or leading or
 *   trailing spaces;
 * - with a single column, a field that is empty or only spaces/tabs is quoted too, because pandas
 *   skips blank and whitespace-only lines and the row would vanish;
 * - with a single column, a field holding `;`, tab or `|` is quoted, because a header line without
 *   a comma makes the reader guess one of those as the delimiter when the file is uploaded again;
 * - the file ends with a line ending, as pandas' `to_csv` writes.
 *
 * A cell equal to a pandas NA string ("NA", "null", …) is written as it is: pandas would read NaN,
 * which the exporter reports. A NUL character cannot be written for pandas (it cuts the cell);
 * the reader never produces one.
 *
 * With `neutralizeFormulas`, a data cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading
 * `'`, so spreadsheet programs show it as text. This changes the data (a "-5" becomes "'-5"), so
 * it is a choice for files meant to be opened in a spreadsheet, off for files fed back to the
 * notebook. Header names are left alone: they come from the dataset's owner, not from customers,
 * and renaming them would break the column mapping on the next upload.
 */
export function toCsv(ds: Dataset, o: CsvWriteOptions): CsvWriteResult {
  const newline = o.lineEnding ?? '\n';
  const single = ds.width === 1;
  const config: Papa.UnparseConfig = {
    newline,
    quotes: single ? (value: unknown) => typeof value === 'string' && (BLANK.test(value) || DETECTABLE.test(value)) : false,
  };
  let neutralized = 0;
  const cell = o.neutralizeFormulas
    ? (v: string): string => {
        if (!FORMULA_START.test(v)) return v;
        neutralized++;
        return `'${v}`;
      }
    : (v: string): string => v;

  const review = o.reviewColumn;
  const kept = ds.header.map((_, c) => c).filter((c) => c !== o.omitColumn);
  const names = kept.map((c) => ds.header[c]!);
  const parts: string[] = [Papa.unparse([review ? [...names, review] : names], config)];
  const ids = ds.liveIdsShared();
  const columns = kept.map((c) => ds.column(c));
  for (let start = 0; start < ids.length; start += ROWS_PER_CHUNK) {
    const end = Math.min(ids.length, start + ROWS_PER_CHUNK);
    const rows: string[][] = [];
    for (let i = start; i < end; i++) {
      const id = ids[i]!;
      const row = columns.map((column) => cell(column[id]!));
      if (review) row.push(ds.reviewStatus(id));
      rows.push(row);
    }
    parts.push(Papa.unparse(rows, config));
  }
  return { text: parts.join(newline) + newline, neutralized };
}
