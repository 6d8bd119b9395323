const COUNT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: 240,000 (fractions rounded to whole numbers). */
export function formatCount(n: number): string {
  return COUNT.format(Math.round(n));
}
