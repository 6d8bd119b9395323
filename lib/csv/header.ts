/**
 * Column names as pandas 1.5.3's C parser makes them from the header row (`TextReader._get_header`):
 * an empty name becomes `Unnamed: i` (i = 0-based position); repeated names get `.1`, `.2`, …,
 * skipping any suffix that is already a name in the header, and the named columns are
 * de-duplicated before the unnamed ones (`a,a,a.1` → `a, a.2, a.1`; `,a,,Unnamed: 0` →
 * `Unnamed: 0.1, a, Unnamed: 2, Unnamed: 0`). Whitespace is kept: `" inquiry "` is not `inquiry`.
 */
export function pandasColumnNames(raw: readonly string[]): string[] {
  const names = raw.map((name, i) => (name === '' ? `Unnamed: ${i}` : name));
  const isUnnamed = (i: number): number => Number(raw[i] === '');
  const order = [...names.keys()].sort((a, b) => isUnnamed(a) - isUnnamed(b) || a - b);
  const counts = new Map<string, number>();
  for (const i of order) {
    const old = names[i]!;
    let col = old;
    let cur = counts.get(col) ?? 0;
    if (cur > 0) {
      while (cur > 0) {
        counts.set(old, cur + 1);
        col = `${old}.${cur}`;
        cur = names.includes(col) ? cur + 1 : (counts.get(col) ?? 0);
      }
      names[i] = col;
    }
    counts.set(col, cur + 1);
  }
  return names;
}
