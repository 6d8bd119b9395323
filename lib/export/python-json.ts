/**
 * JSON text exactly as Python's `json.dumps` writes it with its defaults (sklearn-split.md §5):
 * `ensure_ascii=True`, so every character from U+007F up becomes `\uXXXX` in lowercase hex
 * (astral characters as a surrogate pair), plus the short escapes `\" \\ \b \f \n \r \t`.
 */

const NON_ASCII = /[\u007f-\uffff]/g;
const hex4 = (ch: string): string => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');

/** `json.dumps(s)` for a string. */
export function pythonJsonString(s: string): string {
  // JSON.stringify already escapes quotes, backslashes and control characters the way Python does
  // (same short forms, lowercase \u00XX); only DEL and non-ASCII remain. UTF-16 code units are what
  // Python writes for astral characters too, so a per-code-unit replacement is exact.
  const json = JSON.stringify(s);
  // (No .test() first: a /g regex carries lastIndex between calls.)
  return json.replace(NON_ASCII, hex4);
}

/** Compact style: standard JSON string with UTF-8 characters left as they are. */
export function compactJsonString(s: string): string {
  return JSON.stringify(s);
}

const SHORT_ESCAPES: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 };
const HEX_DIGITS = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/**
 * `json.dumps(s)` written straight into `out` at `at` as ASCII bytes; returns the position after it.
 * Same bytes as `pythonJsonString`, without building intermediate strings: the exporter's hot path
 * for the messages that need escaping. `out` must have room for `6 * s.length + 2` bytes.
 */
export function writePythonJson(s: string, out: Uint8Array, at: number): number {
  out[at++] = 0x22;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x22 || c === 0x5c) out[at++] = 0x5c;
      out[at++] = c;
      continue;
    }
    out[at++] = 0x5c;
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) {
      out[at++] = short;
    } else {
      out[at++] = 0x75;
      out[at++] = HEX_DIGITS[c >> 12]!;
      out[at++] = HEX_DIGITS[(c >> 8) & 15]!;
      out[at++] = HEX_DIGITS[(c >> 4) & 15]!;
      out[at++] = HEX_DIGITS[c & 15]!;
    }
  }
  out[at++] = 0x22;
  return at;
}

/**
 * `"` + text + `"` written at `out[at…]` when every character of `text` is printable ASCII other than
 * `"` and `\\` (what JSON writes as it is, in every style), returning the position after it; else -1
 * (what it wrote is to be overwritten). One pass in JS, checking as it copies, without a call out per
 * text (see PlainWrites in collector.ts for where that matters). `out` must have room for
 * `text.length + 2` bytes.
 */
export function writePlainQuoted(text: string, out: Uint8Array, at: number): number {
  const n = text.length;
  out[at++] = 0x22;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) return -1;
    out[at++] = c;
  }
  out[at++] = 0x22;
  return at;
}
