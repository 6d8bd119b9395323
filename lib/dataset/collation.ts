import { compareCodePoints } from '../split';

/**
 * The order rows and values are shown in: the user's locale, letters before accents and case
 * ("apple" next to "Apple"), numbers by value ("item 9" before "item 10"); ties between values
 * that differ only in case or accents are broken by code point, so the order is total and the
 * same on every run.
 */
export const displayCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/*
 * Sorting a million distinct texts with `Intl.Collator#compare` takes about 5 s (some 20 million
 * calls into ICU). JS has no collation sort keys, so this file makes its own, and proves them
 * against the collator before trusting them:
 *
 * - Every printable ASCII character (and tab, CR, LF, …, plus typographic quotes, dashes and
 *   currency signs) gets its rank among the others in the collator's order, equal ranks for
 *   characters the collator calls equal (`a` and `A`).
 * - A run of ASCII digits becomes [digit mark, length without leading zeros, digits], which orders
 *   numbers by value as `numeric: true` does.
 * - Another character is admitted when the collator finds it equal to one ranked character,
 *   alone and next to others (`é` ~ `e`, fullwidth `Ａ` ~ `a`); anything else (CJK, emoji,
 *   combining marks, expansions such as `ß` = "ss" or `…` = "...") sends the text the slow way.
 * - At first use the keys of all 0–2 character strings of ranked characters and a list of numeric
 *   cases are checked against the collator; in a locale where they disagree (contractions such as
 *   Czech "ch", Danish "aa", Hungarian "dz") the keys are switched off and the collator does all.
 *
 * Keys are bytes (< 128), at most KEY_BYTES per value, sorted by a most-significant-byte radix
 * sort. Values equal on their stored keys fall back to the collator (a key cut at KEY_BYTES) or to
 * code points. Texts without a key are sorted with the collator and merged in with it.
 */

const KEY_BYTES = 48;
const KEY_WORDS = KEY_BYTES / 4;
/** Key bytes are ranks, lengths and digits, all below 128. */
const BUCKETS = 128;
/** Longest digit run handled as a number (its length must fit in a 7-bit key byte). */
const MAX_DIGITS = 120;
/** Below this many values the collator alone is quicker than building keys. */
const SMALL = 1000;
/** Groups at least this large move their keys along in each pass (see msdRadixSort). */
const MOVE_KEYS = 4096;
/** Groups this small are finished by insertion sort. */
const SMALL_GROUP = 24;

const CONTEXTS = ['a', 'z', '0', ' ', '-', '.'];
/** Values of the rank table besides ranks (1…127). */
const UNKNOWN = -1;
const UNHANDLED = 0;
const DIGIT = -2;

/**
 * Characters ranked up front: ASCII tab…CR and printable, plus the typographic punctuation phones
 * and word processors put into customer messages (curly quotes and apostrophes, dashes,
 * no-break space, common currency signs), which equal no ASCII character.
 */
const KEYED = (() => {
  let s = '';
  for (let c = 9; c <= 13; c++) s += String.fromCharCode(c);
  for (let c = 32; c < 127; c++) s += String.fromCharCode(c);
  return (
    s +
    '\u00a0\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u00ab\u00bb\u2039\u203a\u20ac\u00a3\u00a5\u00a2\u00b0\u00a7\u00bf\u00a1\u2022\u00b4\u00a9\u00ae\u00d7'
  );
})();

class FastKeys {
  /** Per UTF-16 unit: its rank (1…127), or UNKNOWN (not looked at yet), UNHANDLED or DIGIT. */
  private readonly rank = new Int16Array(65536).fill(UNKNOWN);
  /** One character per rank (digits excluded), to admit non-ASCII characters. */
  private readonly reps: { ch: string; rank: number }[] = [];
  private readonly digitMark: number;
  /** Number of distinct ranks; keys are bytes below BUCKETS. */
  private readonly ranks: number;
  /** Set by `encode` when the key was cut at KEY_BYTES. */
  truncated = false;

  private constructor(private readonly collator: Intl.Collator) {
    const cands = [...KEYED].filter((ch) => ch < '0' || ch > '9');
    cands.push('0');
    const kept = cands.filter((ch) => {
      // An ignorable character has no weight; keys would give it one.
      if (collator.compare(ch, '') === 0) {
        this.rank[ch.charCodeAt(0)] = UNHANDLED;
        return false;
      }
      return true;
    });
    kept.sort(collator.compare);
    let r = 0;
    kept.forEach((ch, i) => {
      if (i === 0 || collator.compare(kept[i - 1]!, ch) !== 0) {
        r++;
        if (ch !== '0') this.reps.push({ ch, rank: r });
      }
      this.rank[ch.charCodeAt(0)] = r;
    });
    this.ranks = r;
    this.digitMark = this.rank[48]!;
    for (let c = 48; c <= 57; c++) this.rank[c] = DIGIT;
    for (let c = 0; c < 128; c++) if (this.rank[c] === UNKNOWN) this.rank[c] = UNHANDLED;
  }

  static create(collator: Intl.Collator): FastKeys | null {
    const keys = new FastKeys(collator);
    return keys.ranks < BUCKETS && keys.verify() ? keys : null;
  }

  /**
   * Write the key of `s` at `out[at..at+KEY_BYTES)`, which must be zero on entry and is left zero
   * after the key's end. Returns the key length, or -1 (with the slot zeroed again) when `s` has a
   * character the keys do not handle. Sets `truncated` when the key was longer than KEY_BYTES.
   */
  encode(s: string, out: Uint8Array, at: number): number {
    const n = s.length;
    const end = at + KEY_BYTES;
    const rank = this.rank;
    let k = at;
    let i = 0;
    while (i < n && k < end) {
      const r = rank[s.charCodeAt(i)]!;
      // The common case inline; digits and characters not seen yet in a separate method, which
      // keeps this loop small enough for the JIT (it halved the time on a million texts).
      if (r > 0) {
        out[k++] = r;
        i++;
        continue;
      }
      i = this.special(s, i, out, k, end);
      if (i < 0) return this.fail(out, at);
      k = this.written;
    }
    this.truncated = this.numberCut || i < n;
    this.numberCut = false;
    return k - at;
  }

  /** Where the last `special` call stopped writing, and whether it had to cut a number. */
  private written = 0;
  private numberCut = false;

  /**
   * Encode what starts at `s[i]` when it is not a ranked character: a digit run as
   * [mark, length + 1, digits + 1 …] (leading zeros dropped), or a character seen for the first
   * time, if it can be admitted. Writes into `out[k..end)`, sets `written`, returns the index after
   * what it encoded, or -1 when the text cannot have a key.
   */
  private special(s: string, i: number, out: Uint8Array, k: number, end: number): number {
    const c = s.charCodeAt(i);
    const r = this.rank[c]!;
    if (r === UNKNOWN && this.admit(c) > 0) {
      out[k] = this.rank[c]!;
      this.written = k + 1;
      return i + 1;
    }
    if (r !== DIGIT) return -1;
    const n = s.length;
    let j = i;
    while (j < n && s.charCodeAt(j) === 48) j++;
    let e = j;
    while (e < n) {
      const d = s.charCodeAt(e);
      if (d < 48 || d > 57) break;
      e++;
    }
    if (e - j > MAX_DIGITS) return -1;
    if (k + (e - j) + 2 > end) this.numberCut = true;
    out[k++] = this.digitMark;
    if (k < end) out[k++] = e - j + 1;
    for (let p = j; p < e && k < end; p++) out[k++] = s.charCodeAt(p) - 47;
    this.written = k;
    return e;
  }

  private fail(out: Uint8Array, at: number): number {
    this.numberCut = false;
    out.fill(0, at, at + KEY_BYTES);
    return -1;
  }

  private admit(c: number): number {
    let r = 0;
    if (c < 0xd800 || c > 0xdfff) {
      const ch = String.fromCharCode(c);
      const co = this.collator;
      const rep = this.reps.find((x) => co.compare(ch, x.ch) === 0);
      if (rep && CONTEXTS.every((x) => co.compare(ch + x, rep.ch + x) === 0 && co.compare(x + ch, x + rep.ch) === 0)) r = rep.rank;
    }
    this.rank[c] = r;
    return r;
  }

  /** The keys agree with the collator on every 0–2 character string of ranked characters and on numeric cases. */
  private verify(): boolean {
    const singles = [...KEYED];
    const tests = ['', ...singles];
    for (const a of singles) for (const b of singles) tests.push(a + b);
    tests.push(
      ...['9', '10', '007', '7', '00', '1.5', '1.10', 'a10', 'a9', 'a 10', '10a', '1e3', '-1', '1-', ' 1', '1 ', 'a1b2', 'a01b2', 'A1B02'],
      ...['12345678901234567890', '12345678901234567891', '99999999999999999999', '100000000000000000000', 'x0', 'x00', 'x000a'],
      ...['ab', 'a b', 'a-b', 'a_b', 'a.b', 'ä', 'é', 'e', 'Ä', 'ae', 'resume', 'résumé', 'Resume'],
    );
    const entries: { s: string; key: Uint8Array }[] = [];
    for (const s of tests) {
      const key = new Uint8Array(KEY_BYTES);
      if (this.encode(s, key, 0) >= 0) entries.push({ s, key });
    }
    const cmpKeys = (x: Uint8Array, y: Uint8Array): number => {
      for (let i = 0; i < KEY_BYTES; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return 0;
    };
    entries.sort((x, y) => cmpKeys(x.key, y.key));
    for (let i = 1; i < entries.length; i++) {
      const a = entries[i - 1]!;
      const b = entries[i]!;
      const expected = cmpKeys(a.key, b.key) === 0 ? 0 : -1;
      if (Math.sign(this.collator.compare(a.s, b.s)) !== expected) return false;
    }
    return true;
  }
}

/** Display order for one collator: its comparison, and a sort that uses fast keys when they are proven right. */
export class DisplayOrder {
  private keys: FastKeys | null | undefined;

  /** @param collator should be `numeric: true, sensitivity: 'base'` for the app; any collator works. */
  constructor(readonly collator: Intl.Collator) {}

  /** Collator, then code points: a total order. */
  readonly compare = (a: string, b: string): number => this.collator.compare(a, b) || compareCodePoints(a, b);

  /** Whether the fast keys agree with this collator and are used (checked once, on first use). */
  get fast(): boolean {
    this.keys ??= FastKeys.create(this.collator);
    return this.keys !== null;
  }

  /**
   * The positions of `values` in display order (equal strings keep their order). The same result
   * as sorting with {@link compare}, about 5× faster on a million Latin-script texts.
   */
  sort(values: readonly string[]): Int32Array {
    return sortWith(values, this.compare, values.length < SMALL || !this.fast ? null : this.keys!, this.collator);
  }
}

/** The app's display order, in the runtime's default locale. */
export const displayOrder = new DisplayOrder(displayCollator);

/** Display order of two strings (collator, then code points). */
export const compareForDisplay = displayOrder.compare;

/** Positions of `values` in display order; see {@link DisplayOrder.sort}. */
export function sortForDisplay(values: readonly string[]): Int32Array {
  return displayOrder.sort(values);
}

function sortWith(values: readonly string[], compare: (a: string, b: string) => number, keys: FastKeys | null, collator: Intl.Collator): Int32Array {
  const n = values.length;
  const byCollator = (a: number, b: number): number => compare(values[a]!, values[b]!) || a - b;
  if (keys === null) return Int32Array.from(values.keys()).sort(byCollator);

  // Items the keys handle, with their keys at a fixed stride.
  const items = new Int32Array(n);
  const bytes = new Uint8Array(n * KEY_BYTES);
  const cut = new Uint8Array(n);
  const slow: number[] = [];
  let m = 0;
  for (let i = 0; i < n; i++) {
    const len = keys.encode(values[i]!, bytes, m * KEY_BYTES);
    if (len < 0) {
      slow.push(i);
      continue;
    }
    items[m] = i;
    cut[m] = keys.truncated ? 1 : 0;
    m++;
  }

  /**
   * Items p, q are equal on their stored keys: the collator decides if a key was cut, else code
   * points. The same text twice is decided by position at once: at a million texts with 12% copies,
   * asking the collator about copies took a fifth of the first sort (9.5 → 7.6 s in Node).
   */
  const tie = (p: number, q: number): number => {
    const a = values[items[p]!]!;
    const b = values[items[q]!]!;
    if (a === b) return items[p]! - items[q]!;
    return (cut[p] || cut[q] ? collator.compare(a, b) : 0) || compareCodePoints(a, b) || items[p]! - items[q]!;
  };

  const perm = new Int32Array(m);
  for (let p = 0; p < m; p++) perm[p] = p;
  msdRadixSort(perm, bytes, tie);
  const fast = perm.map((p) => items[p]!);
  if (slow.length === 0) return fast;
  slow.sort(byCollator);
  // The keys agree with the collator, so the two sorted lists merge by the collator.
  const out = new Int32Array(n);
  let a = 0;
  let b = 0;
  for (let k = 0; k < n; k++) {
    if (b >= slow.length || (a < fast.length && byCollator(fast[a]!, slow[b]!) < 0)) out[k] = fast[a++]!;
    else out[k] = slow[b++]!;
  }
  return out;
}

/**
 * Most-significant-byte radix sort of `perm` by the keys in `bytes` (KEY_BYTES per item, item p's
 * key at slot p on entry): one counting pass per key byte over each group still tied, a small
 * sort for small groups, `tie` for groups whose keys are equal to the end. O(total distinguishing
 * prefix length).
 *
 * In large groups the keys move with their items, so a pass reads memory in order: reading a
 * million keys through `perm` costs a cache miss per item per byte (three times slower). Once a
 * group is small its keys sit in a small region anyway, and moving 48 bytes per item per pass
 * would cost more than it saves, so only a row index moves.
 */
function msdRadixSort(perm: Int32Array, bytes: Uint8Array, tie: (p: number, q: number) => number): void {
  const m = perm.length;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, m * KEY_WORDS);
  const auxWords = new Uint32Array(m * KEY_WORDS);
  const aux = new Int32Array(m);
  const cur = new Uint8Array(m);
  /** Where slot t's key is: t itself in groups that move keys, anywhere inside the group below that size. */
  const row = new Int32Array(m);
  for (let t = 0; t < m; t++) row[t] = t;
  const auxRow = new Int32Array(m);
  const count = new Int32Array(BUCKETS + 1);
  const slots = new Int32Array(SMALL_GROUP);
  const stack: number[] = [0, m, 0];

  /** Slots a, b share their first `depth` key bytes. */
  const compareSlots = (a: number, b: number, depth: number): number => {
    const ka = row[a]! * KEY_BYTES;
    const kb = row[b]! * KEY_BYTES;
    for (let d = depth; d < KEY_BYTES; d++) {
      const x = bytes[ka + d]!;
      const y = bytes[kb + d]!;
      if (x !== y) return x - y;
      if (x === 0) break;
    }
    return tie(perm[a]!, perm[b]!);
  };

  while (stack.length > 0) {
    let depth = stack.pop()!;
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= SMALL_GROUP) {
      // Insertion sort of the slots, then the items in that order (the keys are not needed after).
      const k = hi - lo;
      for (let t = 0; t < k; t++) {
        const slot = lo + t;
        let u = t - 1;
        while (u >= 0 && compareSlots(slots[u]!, slot, depth) > 0) {
          slots[u + 1] = slots[u]!;
          u--;
        }
        slots[u + 1] = slot;
      }
      for (let t = 0; t < k; t++) aux[lo + t] = perm[slots[t]!]!;
      perm.set(aux.subarray(lo, hi), lo);
      continue;
    }
    for (;;) {
      if (depth >= KEY_BYTES) {
        sortRun(perm, lo, hi, tie);
        break;
      }
      if ((depth & 3) === 0 && bytes[row[lo]! * KEY_BYTES + depth + 3] !== 0) {
        // Shared prefixes ("Hi, I was charged twice for …") are skipped a word (4 bytes) at a
        // time: the first difference usually shows within a few items.
        const w = depth >> 2;
        const word = words[row[lo]! * KEY_WORDS + w]!;
        let t = lo + 1;
        while (t < hi && words[row[t]! * KEY_WORDS + w] === word) t++;
        if (t === hi) {
          depth += 4;
          continue;
        }
      }
      // Only the buckets between the smallest and largest byte are touched (text uses a few dozen
      // of the 128), which matters for the many small groups near the leaves.
      let min = BUCKETS;
      let max = 0;
      for (let t = lo; t < hi; t++) {
        const b = bytes[row[t]! * KEY_BYTES + depth]!;
        cur[t] = b;
        count[b + 1]!++;
        if (b < min) min = b;
        if (b > max) max = b;
      }
      // All in one bucket (a shared prefix): nothing to move, look at the next byte.
      if (min === max) {
        count[min + 1] = 0;
        if (min === 0) {
          sortRun(perm, lo, hi, tie);
          break;
        }
        depth++;
        continue;
      }
      // count[b + 1] holds the size of bucket b; make count[b] the start of bucket b.
      count[min] = 0;
      for (let b = min; b <= max; b++) count[b + 1]! += count[b]!;
      if (hi - lo >= MOVE_KEYS) {
        // A large group's keys are at their own slots (its ancestors moved them too): move them
        // with the items. Words before the one holding byte `depth` are never read again.
        const from = depth >> 2;
        for (let t = lo; t < hi; t++) {
          const to = lo + count[cur[t]!]!++;
          aux[to] = perm[t]!;
          const src = t * KEY_WORDS;
          const dst = to * KEY_WORDS;
          for (let w = from; w < KEY_WORDS; w++) auxWords[dst + w] = words[src + w]!;
        }
        words.set(auxWords.subarray(lo * KEY_WORDS, hi * KEY_WORDS), lo * KEY_WORDS);
        for (let t = lo; t < hi; t++) row[t] = t;
      } else {
        // A small group's keys lie close together already: move only their row numbers.
        for (let t = lo; t < hi; t++) {
          const to = lo + count[cur[t]!]!++;
          aux[to] = perm[t]!;
          auxRow[to] = row[t]!;
        }
        row.set(auxRow.subarray(lo, hi), lo);
      }
      perm.set(aux.subarray(lo, hi), lo);
      // count[b] is now the end of bucket b (relative to lo); bucket 0 holds keys that ended here.
      let start = lo;
      for (let b = min; b <= max; b++) {
        const end = lo + count[b]!;
        if (end - start > 1) {
          if (b === 0) sortRun(perm, start, end, tie);
          else stack.push(start, end, depth + 1);
        }
        start = end;
      }
      count.fill(0, min, max + 2);
      break;
    }
  }
}

function sortRun(perm: Int32Array, lo: number, hi: number, cmp: (p: number, q: number) => number): void {
  const run = Array.from(perm.subarray(lo, hi)).sort(cmp);
  perm.set(run, lo);
}
