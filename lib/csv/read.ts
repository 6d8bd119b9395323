import { CSV_FILE, decodeChunks, decodeWithFallback, encodingName, sizeOf, type CsvBytes } from './decode';
import { delimiterName, detectDelimiter, firstContentLine } from './detect-delimiter';
import { pandasColumnNames } from './header';
import { PandasTokenizer } from './tokenizer';
import type { BadRow, CsvInfo, CsvOptions, CsvPartResult, CsvProgress, CsvReadResult, CsvSink, CsvStreamResult, Encoding } from './types';

const DEFAULT_CHUNK_BYTES = 4 << 20;
const MAX_BAD_ROWS_KEPT = 10_000;

export { encodingName };

/**
 * Read CSV bytes as pandas' `read_csv` would, streaming rows into `sink` with their data-row and
 * line numbers. Rows with more fields than the header are not passed on but returned as `badRows`
 * (pandas would refuse the whole file; the app lets the user fix them). Never throws on any input.
 *
 * When the encoding is detected as UTF-8 without a BOM and a later byte turns out not to be UTF-8,
 * reading starts over as Windows-1252 and `sink.start` is called again: the sink must reset then.
 */
export function readCsvStream(bytes: CsvBytes, options: CsvOptions, sink: CsvSink, onProgress?: (p: CsvProgress) => void): CsvStreamResult {
  return decodeWithFallback(bytes, options.encoding, CSV_FILE, (encoding, bomLength, detected) =>
    readWith(bytes, options, sink, encoding, bomLength, detected, onProgress),
  );
}

function readWith(
  bytes: CsvBytes,
  options: CsvOptions,
  sink: CsvSink,
  encoding: Encoding,
  bomLength: number,
  encodingDetected: boolean,
  onProgress?: (p: CsvProgress) => void,
): CsvStreamResult | 'decode-error' {
  const info: CsvInfo = {
    encoding,
    encodingDetected,
    bom: bomLength > 0,
    delimiter: options.delimiter ?? ',',
    delimiterDetected: false,
    lineEndings: { lf: 0, crlf: 0, cr: 0 },
    warnings: [],
  };
  let header: string[] | null = null;
  let rawHeader: string[] = [];
  let width = 0;
  let dataRow = 0;
  let rows = 0;
  const badRows: BadRow[] = [];
  let tokenizer: PandasTokenizer | null = null;

  const record = (fields: string[], line: number): void => {
    if (header === null) {
      if (options.header === false) {
        header = fields.map((_, i) => `column ${i + 1}`);
        rawHeader = [...header];
        width = header.length;
        sink.start(header, info);
      } else {
        rawHeader = fields;
        header = pandasColumnNames(fields);
        width = header.length;
        sink.start(header, info);
        return;
      }
    }
    dataRow++;
    if (fields.length > width) {
      if (badRows.length < MAX_BAD_ROWS_KEPT) badRows.push({ dataRow, line, fields, expected: width });
      return;
    }
    while (fields.length < width) fields.push('');
    rows++;
    sink.row(fields, dataRow, line);
  };

  const total = sizeOf(bytes);
  // The delimiter is judged from the whole first line, so text is held back until a line ends.
  let pending = '';
  const startTokenizer = (header: string): PandasTokenizer => {
    if (options.delimiter === undefined) {
      const d = detectDelimiter(header);
      info.delimiter = d.delimiter;
      info.delimiterDetected = d.detected;
    }
    return new PandasTokenizer(info.delimiter, { record });
  };
  try {
    for (const { text, bytesRead } of decodeChunks(bytes, encoding, bomLength, options.chunkBytes ?? DEFAULT_CHUNK_BYTES)) {
      if (tokenizer === null) {
        pending += text;
        const header = firstContentLine(pending, false);
        if (header === null) continue;
        tokenizer = startTokenizer(header);
        tokenizer.push(pending);
        pending = '';
      } else {
        tokenizer.push(text);
      }
      onProgress?.({ bytesRead, totalBytes: total, rows });
    }
  } catch (e) {
    if (e instanceof TypeError) return 'decode-error';
    throw e;
  }
  if (tokenizer === null && pending !== '') {
    tokenizer = startTokenizer(firstContentLine(pending, true) ?? '');
    tokenizer.push(pending);
  }
  if (tokenizer === null) {
    return { ok: false, info, problem: { code: 'empty-file', message: 'the file is empty. Choose a CSV file with a header row and data rows.' } };
  }
  const atRecordStart = tokenizer.atRecordStart;
  const nextLine = tokenizer.nextLine;
  const end = tokenizer.end();
  Object.assign(info.lineEndings, { lf: tokenizer.stats.lf, crlf: tokenizer.stats.crlf, cr: tokenizer.stats.cr });
  if (!end.ok) {
    return {
      ok: false,
      info,
      problem: {
        code: 'unterminated-quote',
        line: end.quoteLine,
        message: `line ${end.quoteLine}: a quoted field starts here and is never closed, so the rest of the file would be one cell (pandas: "EOF inside string"). Add the missing closing quote (") or remove the stray one.`,
      },
    };
  }
  if (header === null) {
    return {
      ok: false,
      info,
      problem: {
        code: 'no-header',
        message: 'the file has no header row: it contains only blank lines. Choose a CSV file whose first line names the columns.',
      },
    };
  }
  addWarnings(info, tokenizer, encoding, encodingDetected);
  return { ok: true, header, rawHeader, info, rowCount: rows, badRows, atRecordStart, nextLine };
}

/**
 * A later part of a UTF-8 file, from where a record starts (after a line end the reader of the part
 * before it ended at: `atRecordStart`), read with the first part's delimiter and number of columns.
 * Its rows go to `row` as `readCsvStream` gives them, with data rows and lines counted from 1 in the
 * part: the caller adds those of the parts before. Anything that would make a message (a row with
 * too many fields, a quote never closed, bytes that are not UTF-8) makes it unclean instead: the
 * file is then read in one piece, where the messages name the right rows.
 */
export function readCsvPart(bytes: CsvBytes, delimiter: string, width: number, row: CsvSink['row']): CsvPartResult {
  let dataRow = 0;
  let tooWide = 0;
  const tokenizer = new PandasTokenizer(delimiter, {
    record(fields, line) {
      dataRow++;
      if (fields.length > width) {
        tooWide++;
        return;
      }
      while (fields.length < width) fields.push('');
      row(fields, dataRow, line);
    },
  });
  try {
    for (const { text } of decodeChunks(bytes, 'utf-8', 0, DEFAULT_CHUNK_BYTES)) tokenizer.push(text);
  } catch (e) {
    if (e instanceof TypeError) return { ok: false, why: 'not UTF-8' };
    throw e;
  }
  if (!tokenizer.end().ok) return { ok: false, why: 'a quoted field is never closed' };
  if (tooWide > 0) return { ok: false, why: `${tooWide} rows with too many fields` };
  const { lf, crlf, cr } = tokenizer.stats;
  return { ok: true, lineEndings: { lf, crlf, cr } };
}

function addWarnings(info: CsvInfo, tokenizer: PandasTokenizer, encoding: Encoding, detected: boolean): void {
  const { lf, crlf, cr } = tokenizer.stats;
  if (cr > 0 && tokenizer.stats.blankStartedLine) {
    info.warnings.push({
      code: 'cr-line-endings',
      message:
        'records end with a lone carriage return (old Mac style) and some lines start with a space or tab: pandas 1.5 misreads such lines, so the notebook would not read this file the same way. Trainset reads it as the CSV format says; save it with ordinary line endings to be safe.',
    });
  } else if (cr > 0 && (lf > 0 || crlf > 0)) {
    // Mixed terminators are read the same way by pandas; nothing to warn about.
  }
  if (detected && encoding !== 'utf-8') {
    info.warnings.push({
      code: 'not-pandas-readable',
      message: `the file is ${encodingName(encoding)}, not UTF-8: the notebook's pd.read_csv would fail on it. Trainset decoded it; the files it writes are UTF-8.`,
    });
  }
  if (info.delimiterDetected) {
    info.warnings.push({
      code: 'not-pandas-readable',
      message: `the columns are separated by ${delimiterName(info.delimiter)}s, not commas: the notebook's pd.read_csv would see one column. Trainset detected the ${delimiterName(info.delimiter)}.`,
    });
  }
}

/** Read a whole file into memory as rows of strings (for the app and tests). */
export function readCsv(bytes: CsvBytes, options: CsvOptions = {}, onProgress?: (p: CsvProgress) => void): CsvReadResult {
  let rows: string[][] = [];
  let lines: number[] = [];
  const sink: CsvSink = {
    start() {
      rows = [];
      lines = [];
    },
    row(fields, _dataRow, line) {
      rows.push(fields);
      lines.push(line);
    },
  };
  const r = readCsvStream(bytes, options, sink, onProgress);
  if (!r.ok) return r;
  return { ok: true, table: { header: r.header, rows, lines }, info: r.info, badRows: r.badRows };
}
