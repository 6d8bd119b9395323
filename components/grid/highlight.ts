/** A piece of a cell's text, marked when it matches the search. */
export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Split `text` around the case-insensitive occurrences of `needle`, as the view's search finds
 * them (`toLowerCase().includes`). Lower-casing can change a string's length (`İ` becomes two
 * code units), which would put the marks in the wrong place; such text falls back to a
 * case-insensitive regular expression.
 */
export function splitHighlight(text: string, needle: string): TextPart[] {
  if (needle === '' || text === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const lowerNeedle = needle.toLowerCase();
  if (lower.length !== text.length) return splitByRegExp(text, needle);
  const parts: TextPart[] = [];
  let from = 0;
  for (let at = lower.indexOf(lowerNeedle); at !== -1; at = lower.indexOf(lowerNeedle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + lowerNeedle.length), match: true });
    from = at + lowerNeedle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts.length > 0 ? parts : [{ text, match: false }];
}

function splitByRegExp(text: string, needle: string): TextPart[] {
  const re = new RegExp(needle.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), 'giu');
  const parts: TextPart[] = [];
  let from = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > from) parts.push({ text: text.slice(from, m.index), match: false });
    parts.push({ text: m[0], match: true });
    from = m.index + m[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts.length > 0 ? parts : [{ text, match: false }];
}
