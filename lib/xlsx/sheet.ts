import { formatCode, formatNumber, isoDateToSerial } from './number-format';
import type { Workbook } from './workbook';
import { attr, spreadsheetText, stringItemText, utf8 } from './xml';

/** A worksheet's cells as text, row by row (0-based; missing rows and cells are empty). */
export interface SheetCells {
  rows: (string[] | undefined)[];
  /** Formula cells with no saved value (the writer did not calculate): they read as empty. */
  uncalculated: number;
  /** The sheet draws something (a chart, a picture): said when it has no cells. */
  hasDrawing: boolean;
}

// One pass over the sheet's tags; the text of <v>, <t> is taken between tags.
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*?)(\/?)>/g;

/** Column letters of a reference (`AB12`) as a 0-based index, or -1. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

const rowOf = (ref: string): number => Number(ref.slice(ref.search(/\d/))) - 1;

/**
 * Read a worksheet's cells as Excel shows them: shared and inline strings verbatim (`_x000D_` is a
 * CR), numbers with their number format (see `formatNumber`), booleans `TRUE`/`FALSE`, errors as
 * written (`#N/A`), formulas as their saved value. In a merged range only the top-left cell keeps
 * its value, as Excel's CSV has it.
 */
export function readSheetCells(wb: Workbook, xmlBytes: Uint8Array): SheetCells {
  const xml = utf8(xmlBytes);
  const rows: (string[] | undefined)[] = [];
  let uncalculated = 0;
  let row = -1;
  let col = -1;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let value: string | null = null;
  let formula = false;
  let inlineStart = -1;
  let valueStart = -1;
  const merges: string[] = [];
  let hasDrawing = false;

  const finishCell = (): void => {
    let text = '';
    // A formula's empty text result is saved as t="str" with an empty <v>; any other empty one was never calculated.
    if (formula && (value === null || (value === '' && type !== 'str'))) uncalculated++;
    else if (inlineStart >= 0 || value !== null) text = cellText(wb, type, style, value ?? '');
    if (text !== '' && row >= 0 && col >= 0) (rows[row] ??= [])[col] = text;
  };

  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m !== null; m = TAG.exec(xml)) {
    const closing = m[1] === '/';
    const name = m[2]!;
    const selfClosing = m[4] === '/';
    switch (name) {
      case 'row':
        if (!closing) {
          const r = attr(m[3]!, 'r');
          row = r !== undefined ? Number(r) - 1 : row + 1;
          col = -1;
        }
        break;
      case 'c':
        if (closing) {
          finishCell();
          break;
        }
        {
          const attrs = m[3]!;
          const ref = attr(attrs, 'r');
          if (ref !== undefined) {
            col = columnOf(ref);
            const r = rowOf(ref);
            if (r >= 0) row = r;
          } else {
            col++;
          }
          type = attr(attrs, 't') ?? 'n';
          style = Number(attr(attrs, 's') ?? 0) || 0;
          value = null;
          formula = false;
          inlineStart = -1;
          if (selfClosing) finishCell();
        }
        break;
      case 'v':
        if (closing) {
          if (valueStart >= 0) value = xml.slice(valueStart, m.index);
          valueStart = -1;
        } else if (selfClosing) {
          value = '';
        } else {
          valueStart = TAG.lastIndex;
        }
        break;
      case 'f':
        if (!closing) formula = true;
        break;
      case 'is':
        if (closing) {
          value = stringItemText(xml.slice(inlineStart, m.index));
        } else if (!selfClosing) {
          inlineStart = TAG.lastIndex;
        } else {
          inlineStart = TAG.lastIndex;
          value = '';
        }
        break;
      case 'mergeCell':
        if (!closing) {
          const ref = attr(m[3]!, 'ref');
          if (ref) merges.push(ref);
        }
        break;
      case 'drawing':
      case 'legacyDrawing':
        hasDrawing = true;
        break;
    }
  }
  for (const ref of merges) clearMerged(rows, ref);
  return { rows, uncalculated, hasDrawing };
}

function cellText(wb: Workbook, type: string, style: number, raw: string): string {
  switch (type) {
    case 's':
      return wb.sharedStrings[Number(raw)] ?? '';
    case 'inlineStr':
      // `raw` is already the decoded text of <is>.
      return raw;
    case 'str':
      return spreadsheetText(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'e':
      return spreadsheetText(raw);
    case 'd': {
      const serial = isoDateToSerial(raw.trim());
      return serial === null ? spreadsheetText(raw) : formatNumber(serial, codeOf(wb, style));
    }
    default: {
      const t = raw.trim();
      if (t === '') return '';
      const n = Number(t);
      return Number.isFinite(n) ? formatNumber(n, codeOf(wb, style), wb.date1904) : spreadsheetText(raw);
    }
  }
}

const codeOf = (wb: Workbook, style: number): string => formatCode(wb.styleFormats[style] ?? 0, wb.formats);

/** Empty every cell of a merged range (`B2:C4`) but its top-left one. */
function clearMerged(rows: (string[] | undefined)[], ref: string): void {
  const [from, to = from] = ref.split(':') as [string, string?];
  const r0 = rowOf(from);
  const c0 = columnOf(from);
  const r1 = rowOf(to);
  const c1 = columnOf(to);
  if (!(r0 >= 0 && c0 >= 0 && r1 >= r0 && c1 >= c0)) return;
  // Only rows and cells that exist are visited: a range may span the whole sheet.
  for (let r = r0; r <= Math.min(r1, rows.length - 1); r++) {
    const cells = rows[r];
    if (!cells) continue;
    for (let c = c0; c <= Math.min(c1, cells.length - 1); c++) if (r !== r0 || c !== c0) delete cells[c];
  }
}
