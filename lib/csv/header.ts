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

const NUMBER = /^[-+]?(\d+([.,]\d+)?|\.\d+)$/;
/** Headers name columns in a word or a few; a first-row cell of this many words is a sentence, i.e. data. */
const SENTENCE_WORDS = 6;
const SAMPLE_ROWS = 5000;

/**
 * Why the first row of a file read with a header looks like data rather than column names, or
 * `null`: one of its cells is also a value of its own column (`weather_query` over a column of
 * intents), reads like a sentence (6 words or more, where names are a word or a few), or is a
 * number over a column of numbers. `raw` is the header row as written; `column(c, r)` the data.
 */
export function headerLooksLikeData(raw: readonly string[], column: (col: number, row: number) => string, rows: number): string | null {
  const n = Math.min(rows, SAMPLE_ROWS);
  if (n === 0) return null;
  const cells = raw.map((cell) => cell.trim());
  const quote = (cell: string): string => `“${cell.length > 40 ? `${cell.slice(0, 39)}…` : cell}”`;
  for (const cell of cells) {
    if (cell.split(/\s+/).length >= SENTENCE_WORDS) return `${quote(cell)} reads like a sentence, not a column name`;
  }
  for (const [c, cell] of cells.entries()) {
    if (cell === '') continue;
    let numbers = 0;
    for (let r = 0; r < n; r++) {
      const v = column(c, r).trim();
      if (v === cell) return `${quote(cell)} is also a value in its own column`;
      if (NUMBER.test(v)) numbers++;
    }
    if (NUMBER.test(cell) && numbers * 2 >= n) return `${quote(cell)} is a number, like the values below it`;
  }
  return null;
}
