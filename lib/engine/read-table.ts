import { headerLooksLikeData, readCsvStream, type BadRow, type CsvInfo, type CsvOptions, type CsvProblem, type CsvProgress } from '../csv';
import type { Dataset } from '../dataset';
import { readJsonl, sniffKind } from '../jsonl';
import { workbookToCsv } from '../xlsx';
import { combineHeaders, describeDifferences, isSourcesBundle, sourceColumnName, sourceValue, unpackSources, type ColumnDifference } from '../sources';
import type { ColumnMapping, FileInfo, JsonlMeta } from './types';

/** What `Engine.load` needs from a reader: the columns, where each row came from, and what it learned. */
export type TableRead =
  | {
      ok: true;
      header: string[];
      columns: string[][];
      rowCount: number;
      lines: Int32Array;
      /** Data-row numbers, when they differ from 1..n (rows were set aside). */
      numbers: Int32Array | undefined;
      info: FileInfo;
      badRows: BadRow[];
      /** Known without asking (a JSONL's roles say which column is which). */
      mapping: ColumnMapping | null;
      jsonl: JsonlMeta | null;
    }
  /**
   * `sheets`: a workbook's sheets to choose from (`choose-sheet`, or the one asked for cannot be read).
   * `differences`: several files whose columns differ (`columns-differ`), for the user to say how to combine them.
   */
  | { ok: false; problem: CsvProblem; info?: CsvInfo; sheets?: string[]; differences?: ColumnDifference[] };

/** Read an uploaded file as a table: a workbook, a JSONL training file (as {@link sniffKind} decides, like the CLI) or a CSV. */
export function readTable(bytes: Uint8Array, fileName: string, options: CsvOptions, onProgress?: (p: CsvProgress) => void): TableRead {
  if (isSourcesBundle(bytes.subarray(0, 64))) return readSourcesTable(bytes, options, onProgress);
  const kind = sniffKind(bytes, fileName);
  if (kind === 'workbook') return readWorkbookTable(bytes, options, onProgress);
  return kind === 'jsonl' ? readJsonlTable(bytes, options, onProgress) : readCsvTable(bytes, options, onProgress);
}

/**
 * A workbook's sheet (`options.sheet`, or its only sheet with cells), read as the CSV Excel would
 * save from it (lib/xlsx), so that its rows are what the notebook would read from that CSV. Lines
 * are the sheet's row numbers.
 */
export function readWorkbookTable(bytes: Uint8Array, options: CsvOptions, onProgress?: (p: CsvProgress) => void): TableRead {
  const sheet = workbookToCsv(bytes, options.sheet);
  if (!sheet.ok) return { ok: false, problem: sheet.problem, ...(sheet.sheets ? { sheets: sheet.sheets } : {}) };
  // The CSV is written here: UTF-8 and commas, whatever the header holds.
  const read = readCsvTable(sheet.csv, { encoding: 'utf-8', delimiter: ',', ...(options.header === false ? { header: false } : {}) }, onProgress);
  if (!read.ok) return read;
  const row = (line: number): number => sheet.rowOfLine[line] ?? line;
  return {
    ...read,
    lines: read.lines.map(row),
    badRows: read.badRows.map((b) => ({ ...b, line: row(b.line) })),
    info: { ...read.info, warnings: [...sheet.warnings, ...read.info.warnings], workbook: { sheet: sheet.sheet, sheets: sheet.sheets } },
  };
}

export function readCsvTable(bytes: Uint8Array, options: CsvOptions, onProgress?: (p: CsvProgress) => void): TableRead {
  const columns: string[][] = [];
  let lines: number[] = [];
  let numbers: number[] = [];
  const read = readCsvStream(
    bytes,
    options,
    {
      start(header) {
        columns.length = 0;
        header.forEach(() => columns.push([]));
        lines = [];
        numbers = [];
      },
      row(fields, dataRow, line) {
        for (let c = 0; c < fields.length; c++) columns[c]!.push(fields[c]!);
        lines.push(line);
        numbers.push(dataRow);
      },
    },
    onProgress,
  );
  if (!read.ok) return { ok: false, problem: read.problem, ...(read.info ? { info: read.info } : {}) };
  const looksLikeData = options.header === false ? null : headerLooksLikeData(read.rawHeader, (c, r) => columns[c]?.[r] ?? '', read.rowCount);
  return {
    ok: true,
    header: read.header,
    columns,
    rowCount: read.rowCount,
    lines: Int32Array.from(lines),
    numbers: read.badRows.length > 0 ? Int32Array.from(numbers) : undefined,
    info: looksLikeData ? { ...read.info, headerLooksLikeData: looksLikeData } : read.info,
    badRows: read.badRows,
    mapping: null,
    jsonl: null,
  };
}

/** Findings kept for the app's format panel (the counts are always complete). */
const MAX_FORMAT_FINDINGS = 1000;

export function readJsonlTable(bytes: Uint8Array, options: CsvOptions, onProgress?: (p: CsvProgress) => void): TableRead {
  const read = readJsonl(bytes, { ...(options.encoding ? { encoding: options.encoding } : {}), maxFindings: MAX_FORMAT_FINDINGS }, (p) =>
    onProgress?.({ bytesRead: p.bytesRead, totalBytes: p.totalBytes, rows: p.examples }),
  );
  if (!read.ok) {
    const { code, message, line, column } = read.problem;
    return {
      ok: false,
      problem: {
        code: code === 'no-examples' ? 'empty-file' : code,
        message,
        ...(line !== undefined ? { line } : {}),
        ...(column !== undefined ? { column } : {}),
      },
    };
  }
  const { table, info } = read;
  return {
    ok: true,
    header: table.header,
    columns: table.columns,
    rowCount: table.rowCount,
    lines: table.lines,
    numbers: table.numbers,
    // The file summary's facts: a JSONL has no delimiter; its warnings (with their own codes) are about the whole file.
    info: {
      encoding: info.encoding,
      encodingDetected: info.encodingDetected,
      bom: info.bom,
      delimiter: '',
      delimiterDetected: false,
      lineEndings: { ...info.lineEndings, cr: 0 },
      warnings: info.warnings,
    },
    // Lines that are not examples are listed in the format panel, not as CSV rows to repair.
    badRows: [],
    mapping: table.mapping,
    jsonl: {
      info,
      format: read.format,
      badLines: read.badLines.slice(0, MAX_FORMAT_FINDINGS),
      findingRowIds: [],
      orderRowIds: [],
      assistantColumn: table.assistantColumn,
    },
  };
}

/** The grid row id of each format finding and order finding (-1 for a line that did not become a row). */
export function withRowIds(jsonl: JsonlMeta, ds: Dataset): JsonlMeta {
  const idOf = (example: number): number => {
    try {
      return ds.idOfRowNumber(example);
    } catch {
      return -1;
    }
  };
  return { ...jsonl, findingRowIds: jsonl.format.findings.map((f) => idOf(f.example)), orderRowIds: jsonl.format.orderFindings.map((f) => idOf(f.example)) };
}

/**
 * Several files as one table (lib/sources): each read on its own as {@link readTable} reads a file,
 * then appended in their order, aligned by column name, with a last column saying each row's file.
 * Lines are made unique across the files (each file's lines follow the previous file's), and a row
 * that could not be read says its file and its line there.
 */
export function readSourcesTable(bytes: Uint8Array, options: CsvOptions, onProgress?: (p: CsvProgress) => void): TableRead {
  const unpacked = unpackSources(bytes);
  if (!unpacked.ok) return { ok: false, problem: { code: 'binary-file', message: unpacked.reason } };
  const { files } = unpacked;
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  const reads: Extract<TableRead, { ok: true }>[] = [];
  let before = 0;
  let rowsBefore = 0;
  const perFile: CsvOptions = {
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.header === false ? { header: false } : {}),
  };
  for (const file of files) {
    const read = readTable(file.bytes, file.name, perFile, (p) => onProgress?.({ bytesRead: before + p.bytesRead, totalBytes, rows: rowsBefore + p.rows }));
    if (!read.ok) {
      const { problem } = read;
      if (problem.code === 'choose-sheet')
        return {
          ok: false,
          problem: {
            code: 'choose-sheet',
            message: `${file.name} has several sheets (${(read.sheets ?? []).join(', ')}): upload it on its own to choose one, or save that sheet as CSV.`,
          },
        };
      return { ok: false, problem: { ...problem, message: `${file.name}: ${problem.message}` } };
    }
    if (read.jsonl)
      return {
        ok: false,
        problem: {
          code: 'not-pandas-readable',
          message: `${file.name} is a training file (JSONL): training files are opened one at a time. Open it on its own.`,
        },
      };
    reads.push(read);
    before += file.bytes.length;
    rowsBefore += read.rowCount;
  }
  const names = files.map((f) => f.name);
  const combined = combineHeaders(
    reads.map((r) => r.header),
    names,
    options.combine,
  );
  if (!combined.ok) {
    const said = describeDifferences(names[0]!, combined.differences);
    return {
      ok: false,
      problem: {
        code: 'columns-differ',
        message: `the files do not have the same columns: ${said.join(' ')} Choose whether to keep every column or only the ones all files have.`,
      },
      differences: combined.differences,
    };
  }
  const source = sourceColumnName(combined.header);
  const header = [...combined.header, source];
  const rowCount = reads.reduce((sum, r) => sum + r.rowCount, 0);
  const columns = header.map(() => new Array<string>(rowCount));
  const lines = new Int32Array(rowCount);
  const numbers = new Int32Array(rowCount);
  const badRows: BadRow[] = [];
  let at = 0;
  let lineOffset = 0;
  let numberOffset = 0;
  reads.forEach((r, f) => {
    const place = combined.placeOf[f]!;
    const value = sourceValue(names[f]!);
    const sourceCol = columns[header.length - 1]!;
    for (let i = 0; i < r.rowCount; i++) {
      for (let c = 0; c < header.length - 1; c++) columns[c]![at + i] = '';
      for (let c = 0; c < place.length; c++) if (place[c]! >= 0) columns[place[c]!]![at + i] = r.columns[c]![i]!;
      sourceCol[at + i] = value;
      lines[at + i] = lineOffset + r.lines[i]!;
      numbers[at + i] = numberOffset + (r.numbers ? r.numbers[i]! : i + 1);
    }
    let lastLine = r.rowCount > 0 ? r.lines[r.rowCount - 1]! : 1;
    let dataRows = r.rowCount;
    for (const b of r.badRows) {
      badRows.push({ ...b, line: lineOffset + b.line, dataRow: numberOffset + b.dataRow, file: { name: names[f]!, line: b.line } });
      lastLine = Math.max(lastLine, b.line);
      dataRows = Math.max(dataRows, b.dataRow);
    }
    at += r.rowCount;
    lineOffset += lastLine;
    numberOffset += dataRows;
  });
  const first = reads[0]!;
  return {
    ok: true,
    header,
    columns,
    rowCount,
    lines,
    numbers: badRows.length > 0 ? numbers : undefined,
    info: {
      ...first.info,
      warnings: reads.flatMap((r, f) => r.info.warnings.map((w) => ({ ...w, message: `${names[f]}: ${w.message}` }))),
      sources: { column: source, files: reads.map((r, f) => ({ name: names[f]!, rows: r.rowCount, encoding: r.info.encoding, delimiter: r.info.delimiter })) },
    },
    badRows,
    mapping: null,
    jsonl: null,
  };
}
