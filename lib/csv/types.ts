/** Text encodings Trainset reads. pandas itself reads only UTF-8 (with or without BOM). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Delimiters that are detected automatically when the header has no comma. Any single character may be forced. */
export const DETECTABLE_DELIMITERS = [',', ';', '\t', '|'] as const;

export interface CsvOptions {
  /** Force an encoding instead of detecting it. */
  encoding?: Encoding;
  /** Force a delimiter (one character) instead of detecting it. */
  delimiter?: string;
  /** Bytes decoded per step; also the progress granularity. */
  chunkBytes?: number;
  /**
   * `false`: the file has no header row (pandas' `header=None`): the columns are named `column 1`,
   * `column 2`, … and every record is a data row, the first one being data row 1.
   */
  header?: boolean;
  /** For a workbook: the sheet to read (by name). Without it, the only sheet with cells. */
  sheet?: string;
  /**
   * For several files read as one (lib/sources) whose columns differ: keep every column (`all`, a
   * file's missing cells empty) or only those all files have (`shared`). Without it, they are not read.
   */
  combine?: 'all' | 'shared';
}

/** What the reader found out about the file, to show the user. */
export interface CsvInfo {
  encoding: Encoding;
  /** true when the encoding came from the file (BOM or byte analysis) rather than from `options.encoding`. */
  encodingDetected: boolean;
  bom: boolean;
  delimiter: string;
  delimiterDetected: boolean;
  /** Record terminators seen outside quoted fields. */
  lineEndings: { lf: number; crlf: number; cr: number };
  warnings: CsvProblem[];
}

export type CsvProblemCode =
  | 'empty-file'
  | 'binary-file'
  | 'invalid-encoding'
  | 'unterminated-quote'
  | 'too-many-fields'
  | 'no-header'
  | 'cr-line-endings'
  | 'not-pandas-readable'
  // A workbook (lib/xlsx), read as the CSV Excel would save from it: which sheet, and why not.
  | 'choose-sheet'
  | 'unknown-sheet'
  | 'not-a-table'
  | 'old-excel'
  | 'damaged-workbook'
  | 'formula-without-value'
  // Several files read as one (lib/sources) whose columns differ, until the user says how to combine them.
  | 'columns-differ';

/**
 * A problem with a precise place. `line` is the 1-based physical line of the file;
 * `dataRow` the 1-based data row (1 = first row after the header), as shown in the grid.
 */
export interface CsvProblem {
  code: CsvProblemCode;
  message: string;
  line?: number;
  column?: number;
  dataRow?: number;
}

/** A record that cannot be part of the table (more fields than the header). Kept, not dropped. */
export interface BadRow {
  dataRow: number;
  line: number;
  fields: string[];
  expected: number;
  /** When several files were read as one: the row's file and its line there (`line` is unique across the files). */
  file?: { name: string; line: number };
}

/** Receives the table as it is read. `start` may be called more than once (see `readCsvStream`). */
export interface CsvSink {
  /** Called when the header is known; a second call means "start over" (the encoding was re-detected). */
  start(header: string[], info: CsvInfo): void;
  /** One data row, padded with '' to the header's width. `fields` is owned by the sink. */
  row(fields: string[], dataRow: number, line: number): void;
}

export interface CsvProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export type CsvStreamResult =
  | {
      ok: true;
      header: string[];
      rawHeader: string[];
      info: CsvInfo;
      rowCount: number;
      badRows: BadRow[];
      /** The bytes read end where a record ends (see `readCsvPart`: the rest may be read apart). */
      atRecordStart: boolean;
      /** The physical line (1-based) after the bytes read. */
      nextLine: number;
    }
  | { ok: false; problem: CsvProblem; info?: CsvInfo };

/**
 * A later part of a file read apart (`readCsvPart`): its rows were given to the sink with data rows
 * and lines counted from 1 in the part. It is not `ok` (with `why`) when it had rows with too many fields, ended
 * inside a quoted field, or was not valid UTF-8: the whole file must then be read in one piece,
 * for that path's messages.
 */
export type CsvPartResult = { ok: true; lineEndings: { lf: number; crlf: number; cr: number } } | { ok: false; why: string };

/** A fully read table: cells are the exact strings of the file (pandas would turn some into NaN; see `profileColumn`). */
export interface CsvTable {
  header: string[];
  rows: string[][];
  /** Physical line where each row starts. */
  lines: number[];
}

export type CsvReadResult = { ok: true; table: CsvTable; info: CsvInfo; badRows: BadRow[] } | { ok: false; problem: CsvProblem; info?: CsvInfo };
