/** Words and numbers for messages a non-engineer reads. */

const number = (n: number): string => n.toLocaleString('en-US');

/** "1 row", "10,003 rows". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${number(n)} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const QUOTE_MAX = 40;

/**
 * A value quoted for a message: shortened, with characters one cannot see written as escapes
 * (`"Billing\u00a0"`), since those are often the very problem being reported.
 */
export function quote(value: string, max = QUOTE_MAX): string {
  const short = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return JSON.stringify(short).replace(
    /[\u007f-\u00a0\u00ad\u1680\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\ufffd]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** "row 4", "rows 4 and 9", "rows 4, 9, 12, 15, 20 and 7 more". */
export function rowList(rows: readonly number[], max = 5): string {
  if (rows.length === 0) return 'no rows';
  if (rows.length === 1) return `row ${rows[0]}`;
  if (rows.length <= max) return `rows ${joinAnd(rows.map(String))}`;
  return `rows ${rows.slice(0, max).join(', ')} and ${number(rows.length - max)} more`;
}

/** "x 4.2 times" with one decimal below 10, whole numbers above. */
export function ratio(r: number): string {
  return r < 10 ? r.toFixed(1) : number(Math.round(r));
}

/** "512 MB", "1.2 GB", "830 kB": decimal units, as the services publish their file limits. */
export function bytes(n: number): string {
  const [unit, size] = n >= 1e9 ? ['GB', 1e9] : n >= 1e6 ? ['MB', 1e6] : n >= 1e3 ? ['kB', 1e3] : ['bytes', 1];
  const value = n / size;
  // One decimal below 100 (1.2 GB), whole numbers above (512 MB); never "1.0".
  const shown = value < 100 ? String(Math.round(value * 10) / 10) : number(Math.round(value));
  return `${shown} ${unit}`;
}
