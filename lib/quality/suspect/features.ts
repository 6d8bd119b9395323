import { normaliseInto } from '../duplicate';

/**
 * Hashed text features for the suspect-label model: word unigrams, word bigrams and character
 * 4-grams of each word with boundary marks (`<wor`, `word`, `ord>`…, as scikit-learn's `char_wb`). The
 * character grams carry the typos and inflections that real inquiries are full of ("refnd",
 * "cancelling"); the bigrams carry "not received" vs "received".
 *
 * Every feature is hashed into `2^bits` buckets (no vocabulary to build or keep) and computed from
 * the text's code units with integer arithmetic: no substring, token array or object per row, so
 * a million texts are featurised in about a second.
 */

/** One feature vector, in buffers reused from row to row: the first `nnz` entries are valid. */
export interface RowFeatures {
  nnz: number;
  index: Int32Array;
  value: Float32Array;
}

/** 1 for the code units that are part of a word (letters, digits, and the halves of surrogate pairs such as emoji). */
let wordTable: Uint8Array | null = null;

function wordChars(): Uint8Array {
  if (wordTable !== null) return wordTable;
  const t = new Uint8Array(65536);
  const letterOrDigit = /[\p{L}\p{N}\p{M}]/u;
  for (let u = 0; u < 65536; u++) t[u] = (u >= 0xd800 && u <= 0xdfff) || letterOrDigit.test(String.fromCharCode(u)) ? 1 : 0;
  return (wordTable = t);
}

/** murmur3's finaliser: spreads a 32-bit hash over all bits, so the low bits make a good bucket. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// Distinct seeds keep a word, a bigram and a character gram with the same letters apart.
const WORD = 0x2f8a1c3d;
const BIGRAM = 0x5bd1e995;
const GRAM_SEED = 0x1b873593;
/** Characters per gram: 4-grams alone were as accurate as 3- and 4-grams together, with fewer entries. */
const GRAM = 4;
/**
 * Character grams stop once a row has this many entries: they matter for short inquiries (typos,
 * inflections), while a long one has words enough, and every entry costs one multiply per class
 * when the row is scored. Measured: 100,000 generated inquiries of ~150 characters judged in 40%
 * less time, with banking77's agreement unchanged within 0.5 points.
 */
const GRAM_CAP = 96;
const OPEN = 0x3c; // '<'
const CLOSE = 0x3e; // '>'

export class Featurizer {
  private text = new Uint16Array(256);
  private marked = new Uint16Array(258);
  readonly row: RowFeatures = { nnz: 0, index: new Int32Array(512), value: new Float32Array(512) };
  private readonly mask: number;

  constructor(readonly bits: number) {
    this.mask = (1 << bits) - 1;
  }

  get dim(): number {
    return this.mask + 1;
  }

  /**
   * The features of `text` in {@link row}: each occurrence is an entry of weight 1 (a repeated
   * feature appears twice, which the linear model sums), scaled so the vector has length about 1
   * (1/√entries): a long inquiry does not outvote a short one.
   */
  features(text: string): RowFeatures {
    const isWord = wordChars();
    if (text.length > this.text.length) {
      this.text = new Uint16Array(text.length * 2);
      this.marked = new Uint16Array(text.length * 2 + 2);
    }
    const buf = this.text;
    const len = normaliseInto(text, buf);
    const row = this.row;
    row.nnz = 0;
    let prev = 0;
    let hasPrev = false;
    let i = 0;
    while (i < len) {
      while (i < len && isWord[buf[i]!] === 0) i++;
      if (i >= len) break;
      const start = i;
      let h = 0x811c9dc5;
      while (i < len && isWord[buf[i]!] === 1) h = Math.imul(h ^ buf[i++]!, 0x01000193);
      this.push(mix(h ^ WORD));
      if (hasPrev) this.push(mix(Math.imul(prev, 0x9e3779b1) ^ h ^ BIGRAM));
      prev = h;
      hasPrev = true;
      if (row.nnz < GRAM_CAP) this.grams(buf, start, i);
    }
    const scale = row.nnz > 0 ? 1 / Math.sqrt(row.nnz) : 0;
    row.value.fill(scale, 0, row.nnz);
    return row;
  }

  /** Character 4-grams of the word `buf[start, end)` written `<word>` (a word of one or two letters has only its unigram). */
  private grams(buf: Uint16Array, start: number, end: number): void {
    const m = this.marked;
    const n = end - start + 2;
    m[0] = OPEN;
    for (let k = start; k < end; k++) m[k - start + 1] = buf[k]!;
    m[n - 1] = CLOSE;
    for (let s = 0; s + GRAM <= n; s++) {
      let h = GRAM_SEED;
      for (let k = s; k < s + GRAM; k++) h = Math.imul(h ^ m[k]!, 0x01000193);
      this.push(mix(h));
    }
  }

  private push(hash: number): void {
    const row = this.row;
    if (row.nnz === row.index.length) {
      const index = new Int32Array(row.nnz * 2);
      index.set(row.index);
      row.index = index;
      row.value = new Float32Array(row.nnz * 2);
    }
    row.index[row.nnz++] = hash & this.mask;
  }
}

/**
 * Rows' features kept for training, compressed sparse rows: row `i`'s entries are
 * `index/value[start[i] .. start[i + 1])`. Grows as rows are added.
 */
export class SparseRows {
  start = new Int32Array(1025);
  index = new Int32Array(1 << 14);
  value = new Float32Array(1 << 14);
  count = 0;

  /**
   * Room for `rows` rows of `nnz` features in all, made once: doubling as rows come copies tens of
   * MB at a time on 100,000 rows, one worker task of 50-100 ms each time.
   */
  reserve(rows: number, nnz: number): void {
    if (rows + 1 > this.start.length) {
      const start = new Int32Array(rows + 1);
      start.set(this.start.subarray(0, this.count + 1));
      this.start = start;
    }
    if (nnz > this.index.length) this.growTo(nnz);
  }

  /** Room for `size` features in all, keeping those added. */
  private growTo(size: number): void {
    const at = this.start[this.count]!;
    const index = new Int32Array(size);
    index.set(this.index.subarray(0, at));
    const value = new Float32Array(size);
    value.set(this.value.subarray(0, at));
    this.index = index;
    this.value = value;
  }

  add(row: RowFeatures): void {
    const at = this.start[this.count]!;
    if (at + row.nnz > this.index.length) {
      let size = this.index.length * 2;
      while (size < at + row.nnz) size *= 2;
      this.growTo(size);
    }
    this.index.set(row.index.subarray(0, row.nnz), at);
    this.value.set(row.value.subarray(0, row.nnz), at);
    if (this.count + 2 > this.start.length) {
      const start = new Int32Array(this.start.length * 2);
      start.set(this.start);
      this.start = start;
    }
    this.start[++this.count] = at + row.nnz;
  }
}
