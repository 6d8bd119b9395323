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
