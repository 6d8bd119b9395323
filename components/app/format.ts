const COUNT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: 240,000 (fractions rounded to whole numbers). */
export function formatCount(n: number): string {
  return COUNT.format(Math.round(n));
}

/** "1 row", "6,314 rows": a count of rows as the page writes it. */
export const rowsText = (n: number): string => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;
