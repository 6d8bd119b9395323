/**
 * Character classes shared by the checks and their fixes, so that what a check flags is exactly
 * what its fix changes.
 */

/** ECMAScript white space and line terminators: what `String.prototype.trim` removes. */
export function isTrimmable(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The cell has characters only `trim` would remove (or none at all). */
export function isBlank(cell: string): boolean {
  // Most cells start with a visible character: answer those without building a trimmed copy.
  if (cell.length > 0 && !isTrimmable(cell.charCodeAt(0)) && !isInvisibleCode(cell.charCodeAt(0))) return false;
  return cell.replace(INVISIBLE_ALL_G, '').trim() === '';
}

/** Spaces other than U+0020 that look like one: no-break, en/em, thin, hair, narrow no-break, ideographic… */
export const UNUSUAL_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;
export const UNUSUAL_SPACE_G = new RegExp(UNUSUAL_SPACE.source, 'g');

/**
 * Characters that take no room and are almost always pasted by accident: soft hyphen, zero-width
 * space, word joiner, a byte order mark inside the text. Zero-width (non-)joiners are legitimate
 * inside emoji sequences (👩‍💻) and Persian or Indic words, so they count only at either end of the
 * cell or next to a plain ASCII character, where they join nothing.
 */
export const INVISIBLE = /[\u00ad\u200b\u2060\ufeff]|(?<=^|[\x20-\x7e])[\u200c\u200d]|[\u200c\u200d](?=$|[\x20-\x7e])/;
export const INVISIBLE_G = new RegExp(INVISIBLE.source, 'g');
const INVISIBLE_ALL_G = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

function isInvisibleCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** One test for "any unusual space or invisible character", before telling them apart. */
export const UNUSUAL_OR_INVISIBLE = /[\u00a0\u00ad\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/;

/** Tabs and line breaks: fine inside a message, a slip inside a label. */
export const LINE_BREAK_OR_TAB = /[\t\n\v\f\r\u0085\u2028\u2029]/;

/** Control characters other than tab, line feed and carriage return (C0, DEL and C1). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]/;
export const CONTROL_G = new RegExp(CONTROL.source, 'g');

/** Scripts written without spaces between words, where "one word" says nothing about length. */
export const UNSPACED_SCRIPT = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
