import type { CsvProblem, Encoding } from './types';

/**
 * A file read in pieces, in order, rather than held whole (the CLI's input on disk: a million
 * rows are 180 MB that need not all be in memory at once, nor be copied into new memory).
 */
export interface ChunkedBytes {
  readonly size: number;
  /** The first bytes: at least the 64 KB that detection looks at, or the whole file when shorter. */
  readonly head: Uint8Array;
  /** Pieces of at most `chunkBytes` from `from` to the end. A piece may be overwritten by the next: use it before asking for another. */
  pieces(from: number, chunkBytes: number): Iterable<Uint8Array>;
  /** Every byte at once, for the rare paths that need them (a file that is not UTF-8). */
  whole(): Uint8Array;
}

/** Bytes to read: in memory, or read in pieces ({@link ChunkedBytes}). */
export type CsvBytes = Uint8Array | ChunkedBytes;

export const sizeOf = (bytes: CsvBytes): number => (bytes instanceof Uint8Array ? bytes.length : bytes.size);
const headOf = (bytes: CsvBytes): Uint8Array => (bytes instanceof Uint8Array ? bytes : bytes.head);
const wholeOf = (bytes: CsvBytes): Uint8Array => (bytes instanceof Uint8Array ? bytes : bytes.whole());

/**
 * Bytes → text. pandas reads strict UTF-8 only (a BOM is stripped). Trainset also reads, when it is
 * unambiguous, what pandas cannot: UTF-16 with a BOM (Excel's "Unicode text"), UTF-16 without a BOM
 * when every other byte is zero, and Windows-1252 when the bytes are not valid UTF-8 — and says so.
 */

export type EncodingDetection =
  | {
      ok: true;
      encoding: Encoding;
      bomLength: number;
      detected: boolean;
      /** UTF-8 is assumed without a full pass; if decoding fails the reader starts over with Windows-1252. */
      tentative: boolean;
    }
  | { ok: false; problem: CsvProblem };

const SNIFF_BYTES = 64 * 1024;

const SIGNATURES: { bytes: number[]; what: string }[] = [
  // An .xlsx is a ZIP too, but is read before it gets here (lib/xlsx): this one has no workbook inside, or is damaged.
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive with no workbook inside (a damaged .xlsx?)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

const startsWith = (b: Uint8Array, sig: number[]): boolean => sig.every((x, i) => b[i] === x);

/** How the messages name the file expected, so another text format (JSONL) can reuse the detection. */
export interface ExpectedFile {
  /** "a CSV file" */
  name: string;
  /** After "the file is empty. ": what to choose instead. */
  empty: string;
  /** After "this is a PDF document, not …": how to get the right file. */
  saveAs: string;
  /** After "the text is not valid UTF-8 (byte 0xE9). ": how to save it readably. */
  encodingHint: string;
  /** After "this looks like a binary file, not text. ". */
  choose: string;
}

export const CSV_FILE: ExpectedFile = {
  name: 'a CSV file',
  empty: 'Choose a CSV file with a header row and data rows.',
  saveAs: 'Export or save it as CSV (UTF-8) and upload that.',
  encodingHint: 'Save the file as "CSV UTF-8" in your spreadsheet program, or name its encoding (for example --encoding windows-1252).',
  choose: 'Choose a CSV file (comma-separated text, UTF-8).',
};

/** Decide how to decode `bytes`. `forced` skips detection (but a matching BOM is still stripped). */
export function detectEncoding(bytes: Uint8Array, forced?: Encoding, expected: ExpectedFile = CSV_FILE): EncodingDetection {
  if (bytes.length === 0) {
    return { ok: false, problem: { code: 'empty-file', message: `the file is empty. ${expected.empty}` } };
  }
  const bom = bomOf(bytes);
  if (forced) {
    const bomLength = bom && bom.encoding === forced ? bom.length : 0;
    return { ok: true, encoding: forced, bomLength, detected: false, tentative: false };
  }
  if (bom) return { ok: true, encoding: bom.encoding, bomLength: bom.length, detected: true, tentative: false };

  const head = bytes.subarray(0, SNIFF_BYTES);
  for (const sig of SIGNATURES) {
    if (startsWith(head, sig.bytes)) return binary(`this is ${sig.what}, not ${expected.name}. ${expected.saveAs}`);
  }
  const utf16 = sniffUtf16(head);
  if (utf16) return { ok: true, encoding: utf16, bomLength: 0, detected: true, tentative: false };
  if (looksBinary(head)) {
    return binary(`this looks like a binary file, not text. ${expected.choose}`);
  }
  return { ok: true, encoding: 'utf-8', bomLength: 0, detected: true, tentative: true };
}

const ENCODING_NAMES: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

export const encodingName = (e: Encoding): string => ENCODING_NAMES[e];

/** A reader's pass over the bytes in one encoding; 'decode-error' when the decoder threw (see {@link decodeChunks}). */
export type DecodingPass<T> = (encoding: Encoding, bomLength: number, encodingDetected: boolean) => T | 'decode-error';

/**
 * Detect the encoding and run `pass` with it. When UTF-8 was only assumed (no BOM) and a later byte
 * is not UTF-8, run it again as Windows-1252, so the pass must start from scratch each time. A file
 * that cannot be decoded at all is a problem naming the line and column of the first bad byte.
 */
export function decodeWithFallback<T>(
  source: CsvBytes,
  forced: Encoding | undefined,
  expected: ExpectedFile,
  pass: DecodingPass<T>,
): T | { ok: false; problem: CsvProblem } {
  // Detection looks at the first 64 KB only (and at the BOM).
  const detection = detectEncoding(headOf(source), forced, expected);
  if (!detection.ok) return { ok: false, problem: detection.problem };
  const first = pass(detection.encoding, detection.bomLength, detection.detected);
  if (first !== 'decode-error') return first;
  const bytes = wholeOf(source);
  if (detection.tentative) {
    const undefinedAt = firstUndefinedCp1252(bytes);
    if (undefinedAt !== -1) return undecodable(bytes, undefinedAt, 'is neither UTF-8 nor Windows-1252', expected);
    const again = pass('windows-1252', 0, true);
    return again === 'decode-error' ? undecodable(bytes, -1, 'could not be decoded', expected) : again;
  }
  const at = detection.encoding === 'utf-8' ? firstInvalidUtf8(bytes) : -1;
  return undecodable(bytes, at, `is not valid ${encodingName(detection.encoding)}`, expected);
}

function undecodable(bytes: Uint8Array, offset: number, what: string, expected: ExpectedFile): { ok: false; problem: CsvProblem } {
  const where = offset >= 0 ? lineAndColumnAt(bytes, offset) : undefined;
  const byte = offset >= 0 ? ` (byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')})` : '';
  return {
    ok: false,
    problem: {
      code: 'invalid-encoding',
      message: `${where ? `line ${where.line}, column ${where.column}: ` : ''}the text ${what}${byte}. ${expected.encodingHint}`,
      ...(where ?? {}),
    },
  };
}

function binary(message: string): EncodingDetection {
  return { ok: false, problem: { code: 'binary-file', message } };
}

function bomOf(b: Uint8Array): { encoding: Encoding; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 text without a BOM: ASCII characters leave a zero byte in every other position. */
function sniffUtf16(head: Uint8Array): Encoding | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) zeroEven++;
    if (head[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd > pairs * 0.3 && zeroEven * 4 < zeroOdd) return 'utf-16le';
  if (zeroEven > pairs * 0.3 && zeroOdd * 4 < zeroEven) return 'utf-16be';
  return null;
}

/**
 * Binary, not text: many NUL bytes, or bytes that are not UTF-8 with many control characters.
 * Valid UTF-8 with a few control characters is text (pandas reads it), so it is not refused.
 */
function looksBinary(head: Uint8Array): boolean {
  let nul = 0;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === 0) nul++;
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (nul > Math.max(4, head.length * 0.01)) return true;
  return control > Math.max(8, head.length * 0.05) && !sampleIsUtf8(head);
}

function sampleIsUtf8(head: Uint8Array): boolean {
  try {
    // stream: the sample may end inside a multi-byte character.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that is not valid UTF-8, or -1. Only used to explain a failure. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Windows-1252's 0x80–0x9F block (the rest of the code page is Latin-1). Undefined bytes map to null. */
const CP1252_HIGH: (number | null)[] = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

/** Offset of the first byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D), or -1. */
export function firstUndefinedCp1252(b: Uint8Array): number {
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c >= 0x80 && c <= 0x9f && CP1252_HIGH[c - 0x80] === null) return i;
  }
  return -1;
}

const C1 = /[\u0080-\u009f]/g;
const cp1252Char = (ch: string): string => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch.charCodeAt(0));

/**
 * Bytes decoded at a time. The text of a few megabytes is a string the engine allocates outside its
 * young generation, in fresh memory: decoding 180 MB in 4 MB slices took 0.4–0.8 s in Node, in 64 KB
 * slices 0.12–0.17 s (and 256 KB, oddly, 1.3 s), the same text.
 */
const DECODE_BYTES = 64 << 10;

/**
 * Decode in slices of about `chunkBytes`, yielding text pieces and the number of bytes consumed so far.
 * Throws a TypeError (from TextDecoder) on invalid input for the strict decoders; callers catch it.
 */
export function* decodeChunks(bytes: CsvBytes, encoding: Encoding, bomLength: number, chunkBytes: number): Generator<{ text: string; bytesRead: number }> {
  // Node's TextDecoder treats 'windows-1252' as Latin-1, browsers do not: decode Latin-1 and map the
  // 0x80–0x9F block by hand so both give the same text.
  const label = encoding === 'windows-1252' ? 'latin1' : encoding;
  const decoder = new TextDecoder(label, { fatal: encoding !== 'windows-1252', ignoreBOM: true });
  const n = sizeOf(bytes);
  const pieces = bytes instanceof Uint8Array ? slices(bytes, bomLength, chunkBytes) : bytes.pieces(bomLength, chunkBytes);
  let at = bomLength;
  for (const piece of pieces) {
    for (let from = 0; from < piece.length; from += DECODE_BYTES) {
      const slice = piece.subarray(from, Math.min(piece.length, from + DECODE_BYTES));
      at += slice.length;
      let text = decoder.decode(slice, { stream: at < n });
      if (encoding === 'windows-1252') text = text.replace(C1, cp1252Char);
      yield { text, bytesRead: at };
    }
  }
  if (n <= bomLength) return;
  const tail = decoder.decode();
  if (tail) yield { text: tail, bytesRead: n };
}

function* slices(bytes: Uint8Array, from: number, chunkBytes: number): Generator<Uint8Array> {
  for (let at = from; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, Math.min(bytes.length, at + chunkBytes));
}

/** 1-based line and column (in characters) of byte `offset`, for error messages. */
export function lineAndColumnAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 10 || (c === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}
