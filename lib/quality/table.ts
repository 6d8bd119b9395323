import type { Dataset } from '../dataset';
import type { ExportSettings } from '../export';
import type { CheckInput, CheckTable } from './types';

/**
 * A table over column arrays, as the CLI streams them from a file: only the columns the checks
 * read need to be present (`columns[c]` may be undefined for the others).
 * @param rowNumbers each row's data-row number in the file, when rows were set aside while reading
 *   (otherwise row `r` is number `r + 1`). Row ids are positions.
 */
export function columnsTable(
  header: readonly string[],
  columns: readonly (readonly string[] | undefined)[],
  rowCount: number,
  rowNumbers?: ArrayLike<number>,
): CheckTable {
  return {
    header,
    rowCount,
    cell(row, col) {
      const column = columns[col];
      if (column === undefined) throw new RangeError(`column ${col} (${header[col]}) was not read`);
      return column[row]!;
    },
    rowNumber: rowNumbers ? (row) => rowNumbers[row]! : (row) => row + 1,
    rowId: (row) => row,
  };
}

/** The app's view: the live rows of a dataset in export order (file order, added rows last), as they are now. */
export function datasetTable(ds: Dataset): CheckTable {
  const ids = ds.liveIds();
  const columns = ds.header.map((_, c) => ds.column(c));
  return {
    header: ds.header,
    rowCount: ids.length,
    cell: (row, col) => columns[col]![ids[row]!]!,
    rowNumber: (row) => ds.rowNumber(ids[row]!),
    rowId: (row) => ids[row]!,
  };
}

/** The part of the export settings the checks need; the format ones default as in {@link CheckInput}. */
export type CheckSettings = Pick<ExportSettings, 'textColumn' | 'labelColumns' | 'stratify' | 'testSize'> &
  Partial<Pick<ExportSettings, 'target' | 'systemPrompt' | 'jsonStyle' | 'answer' | 'seed'>> & { keepNearDuplicatesTogether?: boolean };

/** Column names → the indexes of {@link CheckInput}, or the names the header lacks. */
export function checkInput(table: CheckTable, settings: CheckSettings): { ok: true; input: CheckInput } | { ok: false; missing: string[] } {
  const names = [settings.textColumn, ...settings.labelColumns, ...(settings.stratify ?? [])];
  const missing = [...new Set(names.filter((n) => !table.header.includes(n)))];
  if (missing.length > 0) return { ok: false, missing };
  const col = (name: string): number => table.header.indexOf(name);
  return {
    ok: true,
    input: {
      table,
      text: col(settings.textColumn),
      labels: settings.labelColumns.map(col),
      stratify: settings.stratify ? settings.stratify.map(col) : null,
      testSize: settings.testSize,
      ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
      ...(settings.keepNearDuplicatesTogether ? { keepNearDuplicatesTogether: true } : {}),
      ...(settings.target !== undefined ? { target: settings.target } : {}),
      ...(settings.systemPrompt !== undefined ? { systemPrompt: settings.systemPrompt } : {}),
      ...(settings.jsonStyle !== undefined ? { jsonStyle: settings.jsonStyle } : {}),
      ...(settings.answer !== undefined ? { answer: settings.answer } : {}),
    },
  };
}
