import { workbookKind } from '../xlsx';

/** What a file holds, as the app and the CLI decide it: a chat-format JSONL file, a CSV, or a workbook (lib/xlsx reads it, or says why not). */
export type FileKind = 'jsonl' | 'csv' | 'workbook';

/** How far into the file the first character is looked for (past a BOM and blank space). */
const SNIFF_BYTES = 64;

/**
 * Whether `bytes` are a workbook, a JSONL training file or a CSV, by their content: JSONL when the first
 * character after a byte-order mark and blank space is `{` (a CSV header a user means does not
 * start with one), whatever the file is called, so a JSONL saved as `.csv` or `.txt` is read as
 * JSONL. A name ending in `.jsonl` also says JSONL, so that a training file whose first line is
 * broken gets its format findings rather than a CSV reading. UTF-16 text is looked at through its
 * zero bytes.
 */
export function sniffKind(bytes: Uint8Array, fileName = ''): FileKind {
  // A workbook is told by its bytes (a ZIP holding xl/workbook.xml, or an OLE file: .xls or password-protected).
  if (workbookKind(bytes) !== null) return 'workbook';
  if (/\.jsonl$/i.test(fileName)) return 'jsonl';
  const start = bomLength(bytes);
  for (let i = start; i < Math.min(bytes.length, start + SNIFF_BYTES); i++) {
    const b = bytes[i]!;
    // Spaces, tabs, line ends, and the zero bytes of UTF-16.
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x00) continue;
    return b === 0x7b ? 'jsonl' : 'csv';
  }
  return 'csv';
}

function bomLength(b: Uint8Array): number {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 3;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return 2;
  return 0;
}
