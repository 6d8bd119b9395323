import { unzipSync } from 'fflate';

/** What a file's first bytes say about it as a workbook. */
export type WorkbookKind =
  /** An Office Open XML workbook: a ZIP holding `xl/workbook.xml`. */
  | 'xlsx'
  /** The binary Excel workbook (`xl/workbook.bin`), which is not read. */
  | 'xlsb'
  /** An OLE compound file: an Excel 97–2003 `.xls`, or any workbook saved with a password (encrypted). */
  | 'ole'
  | null;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: number[]): boolean => b.length >= sig.length && sig.every((x, i) => b[i] === x);

/** Whether a file starting with `head` may be a workbook (a ZIP or an OLE file): {@link workbookKind} then needs all of it. */
export const mayBeWorkbook = (head: Uint8Array): boolean => startsWith(head, ZIP) || startsWith(head, OLE);

/**
 * Whether `bytes` are a workbook, by content, whatever the file is called: the app and the CLI
 * both ask this before reading a file as CSV or JSONL. Only the ZIP's directory is read.
 */
export function workbookKind(bytes: Uint8Array): WorkbookKind {
  if (startsWith(bytes, OLE)) return 'ole';
  if (!startsWith(bytes, ZIP)) return null;
  let kind: WorkbookKind = null;
  try {
    unzipSync(bytes, {
      filter(file) {
        if (file.name === 'xl/workbook.xml') kind = 'xlsx';
        else if (file.name === 'xl/workbook.bin' && kind === null) kind = 'xlsb';
        // Nothing is unpacked: the names are all that is asked.
        return false;
      },
    });
  } catch {
    return null;
  }
  return kind;
}
