import type { CsvProblem } from '../csv';

/** A sheet of a workbook, in the workbook's order. */
export interface SheetEntry {
  name: string;
  /** `chart`: a chart sheet (no cells); `other`: a dialog or macro sheet. */
  kind: 'worksheet' | 'chart' | 'other';
  /** Hidden in Excel (`hidden` or `veryHidden`): not offered, but can be named. */
  hidden: boolean;
}

/** A sheet as CSV text (what Excel's "Save as CSV UTF-8" would write), to be read by the CSV reader. */
export interface SheetCsv {
  ok: true;
  /** UTF-8, no BOM, `,`-separated, `\n` after every record, fields quoted only when needed (RFC 4180). */
  csv: Uint8Array;
  sheet: string;
  /** The sheets that hold cells and are not hidden: what a user can choose from. */
  sheets: string[];
  /** `rowOfLine[line]`: the sheet's row number (1-based, as Excel shows it) of a physical line of `csv`. */
  rowOfLine: Int32Array;
  /** What the user should know (formulas without a saved value). */
  warnings: CsvProblem[];
}

/** Why a workbook, or the sheet asked for, cannot be read; `sheets` when the answer is to choose another one. */
export interface SheetRefusal {
  ok: false;
  problem: CsvProblem;
  sheets?: string[];
}

export type SheetCsvResult = SheetCsv | SheetRefusal;
