import type { CsvProblem } from '../csv';
import { cellsToCsv } from './csv-text';
import { readSheetCells } from './sheet';
import { workbookKind } from './sniff';
import type { SheetCsvResult, SheetRefusal } from './types';
import { DamagedWorkbook, openWorkbook, type Workbook } from './workbook';

const AS_TABLE = 'Choose a sheet with a header row and data rows';

const quoted = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(', ');

function refuse(code: CsvProblem['code'], message: string, sheets?: string[]): SheetRefusal {
  return { ok: false, problem: { code, message }, ...(sheets ? { sheets } : {}) };
}

/**
 * A workbook's sheet as the CSV Excel would save from it, for the CSV reader: so the notebook's
 * `read_csv` of that CSV and Trainset's reading of the workbook see the same table, and a
 * workbook whose cells are text exports to the bytes its table would as a CSV.
 *
 * `sheet` names the sheet (as in Excel's tab; any case). Without it, the one sheet that holds cells
 * (hidden sheets aside) is read; with several the answer is `choose-sheet` and the names to choose
 * from. Refused, with what to do: an `.xls` or a password-protected workbook, a binary `.xlsb`, a
 * damaged file, a sheet that does not exist, a chart sheet, a sheet with no cells: each is a
 * value, not an exception.
 */
export function workbookToCsv(bytes: Uint8Array, sheet?: string): SheetCsvResult {
  const kind = workbookKind(bytes);
  if (kind === 'ole') {
    return refuse(
      'old-excel',
      'this is an old-format .xls or a password-protected workbook: open it in Excel and save it as .xlsx (without a password) or as CSV UTF-8, then upload that.',
    );
  }
  if (kind === 'xlsb')
    return refuse('old-excel', 'this is a binary Excel workbook (.xlsb): open it in Excel and save it as .xlsx or as CSV UTF-8, then upload that.');
  let wb: Workbook;
  try {
    wb = openWorkbook(bytes);
  } catch (e) {
    if (!(e instanceof DamagedWorkbook)) throw e;
    return refuse('damaged-workbook', `the workbook cannot be opened: ${e.message}. Open it in Excel and save it again as .xlsx, or as CSV UTF-8.`);
  }

  const hasCells = (s: Workbook['sheets'][number]): boolean => {
    const part = s.path ? wb.parts.get(s.path) : undefined;
    return part !== undefined && mayHaveCells(part);
  };
  const offered = wb.sheets.filter((s) => s.kind === 'worksheet' && !s.hidden && hasCells(s)).map((s) => s.name);
  const allNames = wb.sheets.map((s) => s.name);

  let chosen: Workbook['sheets'][number] | undefined;
  if (sheet !== undefined) {
    chosen = wb.sheets.find((s) => s.name === sheet) ?? wb.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
    if (!chosen) return refuse('unknown-sheet', `the workbook has no sheet named ${JSON.stringify(sheet)}; its sheets are ${quoted(allNames)}.`, offered);
  } else if (offered.length === 1) {
    chosen = wb.sheets.find((s) => s.name === offered[0])!;
  } else if (offered.length > 1) {
    return refuse(
      'choose-sheet',
      `the workbook has ${offered.length} sheets with cells: ${quoted(offered)}. Say which one to read (--sheet ${JSON.stringify(offered[0])}).`,
      offered,
    );
  } else {
    return refuse(
      'not-a-table',
      `no sheet of the workbook has cells (${allNames.length === 1 ? 'its sheet is' : 'its sheets are'} ${quoted(allNames)}). Put the table in a sheet, a header row then one row per example, and save it again.`,
    );
  }
  const name = JSON.stringify(chosen.name);
  if (chosen.kind === 'chart') return refuse('not-a-table', `sheet ${name} is a chart, not a table. ${AS_TABLE}.`, offered);
  if (chosen.kind !== 'worksheet') return refuse('not-a-table', `sheet ${name} is not a worksheet (a dialog or macro sheet). ${AS_TABLE}.`, offered);
  const part = chosen.path ? wb.parts.get(chosen.path) : undefined;
  if (!part) {
    return refuse(
      'damaged-workbook',
      `the workbook cannot be opened: sheet ${name} is missing from the file. Open it in Excel and save it again as .xlsx, or as CSV UTF-8.`,
      offered,
    );
  }

  const cells = readSheetCells(wb, part);
  const table = cellsToCsv(cells.rows);
  if (!table) {
    const what = cells.hasDrawing ? 'has no cells, only charts or pictures' : 'is empty';
    return refuse('not-a-table', `sheet ${name} ${what}. ${AS_TABLE}.`, offered);
  }
  if ('tooLarge' in table) {
    return refuse(
      'not-a-table',
      `sheet ${name} has values as far as cell ${table.tooLarge}, which makes a table too large to read (more than 20 million cells from A1). If that is a stray value far from the table, delete it, or copy the table to a new sheet, and save again.`,
      offered,
    );
  }
  const n = cells.uncalculated;
  const warnings: CsvProblem[] =
    n > 0
      ? [
          {
            code: 'formula-without-value',
            message: `${n === 1 ? '1 formula cell has' : `${n} formula cells have`} no saved value: the program that wrote the workbook did not calculate ${n === 1 ? 'it, so it reads' : 'them, so they read'} as empty. Open the workbook in Excel or LibreOffice and save it to store the values.`,
          },
        ]
      : [];
  return { ok: true, csv: table.csv, rowOfLine: table.rowOfLine, sheet: chosen.name, sheets: offered, warnings };
}

/** Whether a sheet's XML holds a cell value, inline string or formula (`<v>`, `<is>`, `<f>`): cheaper than reading it. */
function mayHaveCells(xml: Uint8Array): boolean {
  // The element names are ASCII: look for "<v", "<is", "<f" (with or without a prefix) followed by ">", "/" or a space.
  for (let i = 0; i < xml.length - 3; i++) {
    if (xml[i] !== 0x3c) continue;
    let j = i + 1;
    // Skip a namespace prefix such as "x:".
    let k = j;
    while (k < xml.length && k - j < 16 && isNameByte(xml[k]!)) k++;
    if (xml[k] === 0x3a) j = k + 1;
    const a = xml[j];
    const next = a === 0x69 && xml[j + 1] === 0x73 ? xml[j + 2] : a === 0x76 || a === 0x66 ? xml[j + 1] : undefined;
    if (next === 0x3e || next === 0x2f || next === 0x20) return true;
  }
  return false;
}

const isNameByte = (b: number): boolean => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d;
