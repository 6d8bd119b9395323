/**
 * Words to look corrections up in, bucketed by first letter and length, each with a bit mask of
 * its letters. A misspelling `s` at most `d` edits from a word `w` has a length within `d` of it,
 * and each letter of either that the other lacks costs an edit, so most words are rejected by two
 * popcounts before an edit distance is computed. Typing slips rarely touch the first letter: a word
 * is looked for under the misspelling's first letter and, for a swap of the first two
 * (`hte` → `the`) or an extra first letter, under its second.
 */
export class WordIndex {
  /** Words sorted by bucket. */
  readonly words: string[];
  /** Per word (same order): its letters as bits. */
  private readonly masks: Uint32Array;
  /** Per word: its rank in the list given (0 = first: a dictionary ordered most common first ranks its common words first). */
  readonly ranks: Int32Array;
  /** Bucket key → [start, end) in `words`. */
  private readonly buckets = new Map<number, [number, number]>();

  constructor(list: Iterable<string>) {
    const entries: { word: string; rank: number; key: number }[] = [];
    let rank = 0;
    for (const word of list) entries.push({ word, rank: rank++, key: bucketKey(word.charCodeAt(0), word.length) });
    entries.sort((a, b) => a.key - b.key || a.rank - b.rank);
    this.words = entries.map((e) => e.word);
    this.ranks = Int32Array.from(entries, (e) => e.rank);
    this.masks = Uint32Array.from(entries, (e) => letterMask(e.word));
    for (let i = 0; i < entries.length;) {
      const key = entries[i]!.key;
      let j = i;
      while (j < entries.length && entries[j]!.key === key) j++;
      this.buckets.set(key, [i, j]);
      i = j;
    }
  }

  /**
   * Every word within `maxDistance(word length)` edits of `s` (Damerau-Levenshtein, optimal string
   * alignment), with its distance; `s` itself excluded.
   */
  near(s: string, maxDistance: (shorter: number) => number, visit: (index: number, distance: number) => void): void {
    const dMax = maxDistance(s.length);
    if (dMax === 0) return;
    const mask = letterMask(s);
    const firsts = s.length > 1 && s.charCodeAt(1) !== s.charCodeAt(0) ? [s.charCodeAt(0), s.charCodeAt(1)] : [s.charCodeAt(0)];
    for (const first of firsts) {
      for (let len = Math.max(1, s.length - dMax); len <= s.length + dMax; len++) {
        const range = this.buckets.get(bucketKey(first, len));
        if (range === undefined) continue;
        const d = Math.min(dMax, maxDistance(Math.min(len, s.length)));
        if (d === 0 || Math.abs(len - s.length) > d) continue;
        for (let i = range[0]; i < range[1]; i++) {
          const m = this.masks[i]!;
          if (popcount(mask & ~m) > d || popcount(m & ~mask) > d) continue;
          const w = this.words[i]!;
          if (w === s) continue;
          const dist = osaDistance(s, w, d);
          if (dist <= d) visit(i, dist);
        }
      }
    }
  }
}

const bucketKey = (first: number, length: number): number => first * 64 + Math.min(length, 63);

/** a–z are bits 0–25; other letters share the remaining bits by code. */
function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return m >>> 0;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Three rows of the distance table, reused across calls (the words compared are short). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours:
 * `restaurnt` is one from `restaurant`, `recieve` one from `receive`), or `max + 1` as soon as it
 * must exceed `max`. Typed rows reused across calls: the check compares thousands of pairs.
 */
export function osaDistance(a: string, b: string, max: number): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (rows[0]!.length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < d) d = del;
      if (ins < d) d = ins;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && prev2[j - 2]! + 1 < d) d = prev2[j - 2]! + 1;
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[n]!, max + 1);
}
