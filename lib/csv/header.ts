/**
 * Column names as pandas makes them from the header row: an empty name becomes `Unnamed: i`
 * (i = 0-based position) and repeated names get `.1`, `.2`, … (pandas `_maybe_dedup_names`).
 * Whitespace is kept: `" inquiry "` is not `inquiry`, exactly as in the notebook.
 */
export function pandasColumnNames(raw: readonly string[]): string[] {
  const named = raw.map((name, i) => (name === '' ? `Unnamed: ${i}` : name));
  const counts = new Map<string, number>();
  return named.map((original) => {
    let col = original;
    let cur = counts.get(col) ?? 0;
    while (cur > 0) {
      counts.set(col, cur + 1);
      col = `${col}.${cur}`;
      cur = counts.get(col) ?? 0;
    }
    counts.set(col, cur + 1);
    return col;
  });
}
