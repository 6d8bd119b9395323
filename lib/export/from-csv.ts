import { readCsvStream, type CsvBytes, type CsvInfo, type CsvOptions, type CsvProblem, type CsvProgress } from '../csv';
import { ExampleCollector, type ExportFiles, type GroupTexts, type PlainWrites } from './collector';
import type { ExportProblem, ExportSettings } from './types';

export type CsvExportResult =
  | { ok: true; files: ExportFiles; info: CsvInfo; header: string[] }
  /** `usage`: the request does not fit the file (a column that does not exist), not the data. */
  | { ok: false; kind: 'unreadable'; problem: CsvProblem; info?: CsvInfo }
  | { ok: false; kind: 'usage' | 'refused'; problems: ExportProblem[]; problemCount: number; info: CsvInfo; header: string[] };

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
  extra: {
    /** Where each line came from when the CSV was made from a workbook's sheet (lib/xlsx): messages then name the sheet's rows. */
    rowOfLine?: Int32Array;
    /** The opt-in split that keeps near-copies in one file: each row's group (see `GroupTexts`). */
    groupTexts?: GroupTexts;
    /** How plain ASCII messages are written (see PlainWrites). */
    plainWrites?: PlainWrites;
  } = {},
): CsvExportResult {
  const { rowOfLine, groupTexts, plainWrites } = extra;
  let collector: ExampleCollector | null = null;
  let startProblems: ExportProblem[] = [];
  const read = readCsvStream(
    bytes,
    csvOptions,
    {
      start(header) {
        // Called again if the encoding is re-detected: start from scratch.
        const start = ExampleCollector.start(header, settings, { ...(groupTexts ? { groupTexts } : {}), ...(plainWrites ? { plainWrites } : {}) });
        collector = start.ok ? start.collector : null;
        startProblems = start.ok ? [] : start.problems;
      },
      row(fields, dataRow, line) {
        collector?.add(fields, dataRow, rowOfLine?.[line] ?? line);
      },
    },
    onProgress,
  );
  if (!read.ok) return { ok: false, kind: 'unreadable', problem: read.problem, ...(read.info ? { info: read.info } : {}) };
  const { info, header } = read;
  if (startProblems.length > 0) return { ok: false, kind: 'usage', problems: startProblems, problemCount: startProblems.length, info, header };
  if (read.badRows.length > 0) {
    const problems: ExportProblem[] = read.badRows.slice(0, 200).map((b) => ({
      code: 'malformed-row',
      dataRow: b.dataRow,
      line: b.line,
      message: malformedRowMessage(b.dataRow, b.line, b.fields.length, b.expected),
    }));
    return { ok: false, kind: 'refused', problems, problemCount: read.badRows.length, info, header };
  }
  const outcome = (collector as ExampleCollector | null)!.finish();
  if (!outcome.ok) return { ok: false, kind: 'refused', problems: outcome.problems, problemCount: outcome.problemCount, info, header };
  return { ok: true, files: outcome.files, info, header };
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
