/**
 * Compare two strings by Unicode code point, as Python's `str` comparison does (§4.3): element by
 * element, a proper prefix first, no locale, no case folding, no normalisation.
 *
 * JS's `<` and default `sort()` compare UTF-16 code units, which orders astral characters
 * (stored as surrogates 0xD800–0xDFFF) *before* U+E000–U+FFFF; Python puts them after. Code-unit
 * order equals code-point order except at a surrogate, so we scan code units for the first
 * difference and only decode code points from there. A lone surrogate counts as its own code
 * point, as it would in a Python string (it cannot come out of valid UTF-8 anyway).
 *
 * @returns a negative number if a < b, 0 if equal, a positive number if a > b.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const len = Math.min(a.length, b.length);
  let i = 0;
  while (i < len && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === len) return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
  // If the shared unit before the difference is a high surrogate, the difference may lie inside a
  // code point that starts one unit earlier: decode from there. Equal code points span the same
  // number of units in both strings, so a single position keeps both in step.
  let p = i > 0 && isHighSurrogate(a.charCodeAt(i - 1)) ? i - 1 : i;
  for (;;) {
    if (p >= a.length || p >= b.length) {
      const ra = a.length - p;
      const rb = b.length - p;
      return ra < rb ? -1 : ra > rb ? 1 : 0;
    }
    const ca = a.codePointAt(p)!;
    const cb = b.codePointAt(p)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    p += ca > 0xffff ? 2 : 1;
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
