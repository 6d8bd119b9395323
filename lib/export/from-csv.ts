import { readCsvPart, readCsvStream, type CsvBytes, type CsvInfo, type CsvOptions, type CsvProblem, type CsvProgress, type CsvStreamResult } from '../csv';
import { ExampleCollector, type CollectedPart, type ExportFiles, type GroupTexts, type PlainWrites } from './collector';
import type { ExportProblem, ExportSettings } from './types';

export type CsvExportResult =
  | { ok: true; files: ExportFiles; info: CsvInfo; header: string[] }
  /** `usage`: the request does not fit the file (a column that does not exist), not the data. */
  | { ok: false; kind: 'unreadable'; problem: CsvProblem; info?: CsvInfo }
  | { ok: false; kind: 'usage' | 'refused'; problems: ExportProblem[]; problemCount: number; info: CsvInfo; header: string[] };

/** What `exportCsv` may be given besides the bytes, the settings and the reader's options. */
export interface CsvExportExtra {
  /** Where each line came from when the CSV was made from a workbook's sheet (lib/xlsx): messages then name the sheet's rows. */
  rowOfLine?: Int32Array;
  /** The opt-in split that keeps near-copies in one file: each row's group (see `GroupTexts`). */
  groupTexts?: GroupTexts;
  /** How plain ASCII messages are written (see PlainWrites). */
  plainWrites?: PlainWrites;
}

/**
 * CSV bytes → train/validation JSONL, the notebook's pipeline in one pass: the reader streams rows
 * straight into the collector, so only the escaped messages and small codes are held (and, with
 * `groupTexts`, the opt-in that keeps near-copies in one file, the texts).
 */
export function exportCsv(
  bytes: CsvBytes,
  settings: ExportSettings,
  csvOptions: CsvOptions = {},
  onProgress?: (p: CsvProgress) => void,
  extra: CsvExportExtra = {},
): CsvExportResult {
  const collected = collectCsv(bytes, settings, csvOptions, onProgress, extra);
  return collected.done ?? finishExport(collected.collector, collected.read);
}

/** The reader's result and the collector fed, or the outcome already decided (unreadable, wrong columns, malformed rows). */
type Collected = { done: CsvExportResult; collector?: undefined; read?: undefined } | { done: null; collector: ExampleCollector; read: CsvReadOk };
type CsvReadOk = Extract<CsvStreamResult, { ok: true }>;

function collectCsv(
  bytes: CsvBytes,
  settings: ExportSettings,
  csvOptions: CsvOptions,
  onProgress: ((p: CsvProgress) => void) | undefined,
  { rowOfLine, groupTexts, plainWrites }: CsvExportExtra,
  onStart?: (header: string[], info: CsvInfo) => void,
): Collected {
  let collector: ExampleCollector | null = null;
  let startProblems: ExportProblem[] = [];
  const read = readCsvStream(
    bytes,
    csvOptions,
    {
      start(header, info) {
        // Called again if the encoding is re-detected: start from scratch.
        const start = ExampleCollector.start(header, settings, { ...(groupTexts ? { groupTexts } : {}), ...(plainWrites ? { plainWrites } : {}) });
        collector = start.ok ? start.collector : null;
        startProblems = start.ok ? [] : start.problems;
        onStart?.(header, info);
      },
      row(fields, dataRow, line) {
        collector?.add(fields, dataRow, rowOfLine?.[line] ?? line);
      },
    },
    onProgress,
  );
  if (!read.ok) return { done: { ok: false, kind: 'unreadable', problem: read.problem, ...(read.info ? { info: read.info } : {}) } };
  const { info, header } = read;
  if (startProblems.length > 0) return { done: { ok: false, kind: 'usage', problems: startProblems, problemCount: startProblems.length, info, header } };
  if (read.badRows.length > 0) {
    const problems: ExportProblem[] = read.badRows.slice(0, 200).map((b) => ({
      code: 'malformed-row',
      dataRow: b.dataRow,
      line: b.line,
      message: malformedRowMessage(b.dataRow, b.line, b.fields.length, b.expected),
    }));
    return { done: { ok: false, kind: 'refused', problems, problemCount: read.badRows.length, info, header } };
  }
  return { done: null, collector: collector!, read };
}

function finishExport(collector: ExampleCollector, { info, header }: CsvReadOk): CsvExportResult {
  const outcome = collector.finish();
  if (!outcome.ok) return { ok: false, kind: 'refused', problems: outcome.problems, problemCount: outcome.problemCount, info, header };
  return { ok: true, files: outcome.files, info, header };
}

/**
 * The rest of a file, read apart (on another thread) while the first part is read here; see
 * {@link exportCsvInTwo}. `start` is told the header and delimiter once the first part found them;
 * `result` settles with what the part's collector gathered, or null when it cannot be used.
 */
export interface SecondPart {
  start(header: string[], delimiter: string): void;
  result(): Promise<SecondPartResult | null>;
}

/** What a later part of a file gave: its rows, collected, and how its lines ended. */
export interface SecondPartResult {
  part: CollectedPart;
  lineEndings: { lf: number; crlf: number; cr: number };
}

/**
 * {@link exportCsv} with the file read in two parts at once: `first` is the file up to a line end
 * past its middle, read here; `second` reads the rest (on another thread, with
 * {@link collectCsvPart}). The rows of the second are then added after those of the first, and the
 * files are the same bytes as `exportCsv` makes of the whole file (the property tests compare them).
 *
 * Only the common case is read this way: UTF-8, a cut where a record ends, and rows that give no
 * message. Anything else (the cut fell inside a quoted field, another encoding, a row refused, a
 * missing cell, a second part that could not be read) gives null, and the caller reads the whole
 * file with `exportCsv`: its messages then name the right rows, and only the time of a rare file is lost.
 */
export async function exportCsvInTwo(
  first: CsvBytes,
  second: SecondPart,
  settings: ExportSettings,
  csvOptions: CsvOptions = {},
  extra: CsvExportExtra = {},
): Promise<CsvExportResult | null> {
  if (extra.groupTexts || extra.rowOfLine) return null;
  let starts = 0;
  const collected = collectCsv(first, settings, csvOptions, undefined, extra, (header, info) => {
    // A second start means the encoding was judged again: not UTF-8, read the whole file instead.
    if (++starts === 1) second.start(header, info.delimiter);
  });
  if (collected.done || starts !== 1 || !collected.read.atRecordStart || collected.read.info.encoding !== 'utf-8') return null;
  const { collector, read } = collected;
  const rest = await second.result();
  // Lone carriage returns (with a line that starts with a space) change the warnings, which were judged from the first part alone.
  if (!rest || rest.lineEndings.cr > 0 || read.info.lineEndings.cr > 0) return null;
  collector.absorb(rest.part, { dataRows: collector.rowCount, lines: read.nextLine - 1 });
  read.info.lineEndings.lf += rest.lineEndings.lf;
  read.info.lineEndings.crlf += rest.lineEndings.crlf;
  return finishExport(collector, read);
}

/**
 * The reading of {@link exportCsvInTwo}'s second part (run on another thread): `bytes` from where a
 * record starts to the end of the file, read with the header and delimiter the first part found.
 * Null when the part gives a message (see `readCsvPart`, `ExampleCollector.part`).
 */
export function collectCsvPart(
  bytes: CsvBytes,
  header: string[],
  delimiter: string,
  settings: ExportSettings,
  plainWrites?: PlainWrites,
): SecondPartResult | null {
  const start = ExampleCollector.start(header, settings, plainWrites ? { plainWrites } : {});
  if (!start.ok) return null;
  const { collector } = start;
  const read = readCsvPart(bytes, delimiter, header.length, (fields, dataRow, line) => collector.add(fields, dataRow, line));
  const part = read.ok ? collector.part() : null;
  if (!read.ok || !part) return null;
  return { part, lineEndings: read.lineEndings };
}

/** Why a row with too many fields is refused, and what to do about it. */
export function malformedRowMessage(dataRow: number, line: number, fields: number, expected: number): string {
  const where = `line ${line} (data row ${dataRow}): ${fields} fields, but the header has ${expected}`;
  if (dataRow === 1 && fields === expected + 1) {
    // pandas does not fail here: it silently takes the first column as the index and shifts the rest.
    return (
      `${where}. pandas would silently use the first column as row labels and shift every other column one place, ` +
      'so the notebook would train on the wrong columns. Name the extra first column in the header (for example "id,"), or remove the extra field.'
    );
  }
  return (
    `${where} (pandas: "Expected ${expected} fields in line ${line}, saw ${fields}"). ` +
    'A text containing the delimiter must be quoted ("like, this"); fix the row or remove it.'
  );
}
