import { isPandasNa } from '../csv';
import { pythonFloatRepr, shuffleSplit, stratifiedSplitCodes, type SplitResult } from '../split';
import { isBlank } from './chars';
import type { CheckContext, FixDraft } from './context';
import { describeGroups, groupNumbers, MAX_GROUPS, normaliseInto } from './duplicate';
import { plural } from './format';
import { strataName } from './rare-class';
import { mix as fmix } from './suspect/features';
import type { CheckResult } from './types';

/** Rows between two pause points of the signature pass, and candidate pairs between two of the verification. */
const ROWS_PER_STEP = 1024;
const PAIRS_PER_STEP = 8192;

/** MinHash signature length: the hash functions every text's 3-grams are minimised under. */
const HASHES = 48;
/** Probability that a pair exactly at the threshold shares a band, and so is verified. Higher similarities are found more surely still. */
const RECALL_AT_THRESHOLD = 0.99;
/** A band's bucket up to this size is verified pair by pair; in a larger one (many texts sharing a band) each text is verified against the next {@link WINDOW}. */
const ALL_PAIRS_UP_TO = 16;
const WINDOW = 6;
/** Two similarities this close count as equal (a threshold of 0.8 keeps a pair at exactly 4/5). */
const EPSILON = 1e-9;

/** The hash's seed: fixed, so the same file gives the same findings in the app, the CLI and CI. */
const SEED = 0x2545f491;
/** A bin no gram fell in (the largest value, never kept as a minimum... unless a gram hashes to it, which only makes that bin borrow). */
const EMPTY = 0x7fffffff;

/**
 * LSH banding for a threshold: `bands` bands of `rows` signature values each. Two texts become a
 * candidate pair when one band is the same in both, which happens with probability
 * 1 − (1 − s^rows)^bands at similarity s: the most rows per band (the fewest dissimilar candidates)
 * that still give {@link RECALL_AT_THRESHOLD} at the threshold.
 */
export function banding(threshold: number): { bands: number; rows: number } {
  for (let rows = HASHES; rows > 1; rows--) {
    const bands = Math.floor(HASHES / rows);
    if (1 - (1 - threshold ** rows) ** bands >= RECALL_AT_THRESHOLD) return { bands, rows };
  }
  return { bands: HASHES, rows: 1 };
}

/** A typed array at least `need` long, keeping its contents. */
function grown<T extends Int32Array | Uint16Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The distinct normalised texts (as `duplicate` compares them), each with its sorted set of
 * 3-gram hashes and its MinHash signature, all in flat typed arrays.
 */
interface Texts {
  /** Per row: its distinct text, or -1 for a blank or NA text. */
  textOf: Int32Array;
  count: number;
  /** The 3-gram set of text u: `grams[gramStart[u] .. gramStart[u + 1]]`, ascending. */
  grams: Int32Array;
  gramStart: Int32Array;
  /** Text u's signature: `signatures[u * HASHES .. (u + 1) * HASHES]`. */
  signatures: Int32Array;
}

/** One pass over the rows: group equal normalised texts (hashed, then compared), and shingle and sign each distinct one. */
function* readTexts(n: number, textAt: (row: number) => string): Generator<void, Texts, void> {
  const textOf = new Int32Array(n).fill(-1);
  // Sized once from the texts' lengths (a normalised text is never longer): no copying as they fill.
  let totalLength = 0;
  for (let r = 0; r < n; r++) totalLength += textAt(r).length;
  // The arrays below are tens of MB to zero on 100,000 rows: a slice of their own.
  yield;
  let buf = new Uint16Array(1024);
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const slotText = new Int32Array(capacity).fill(-1);
  const slotHash = new Int32Array(capacity);
  let chars = new Uint16Array(totalLength + 1);
  let charStart = new Int32Array(n + 1);
  // A text of fewer than 3 characters is one gram.
  let grams = new Int32Array(totalLength + n);
  let gramStart = new Int32Array(n + 1);
  let signatures = new Int32Array(n * HASHES);
  let count = 0;
  for (let r = 0; r < n; r++) {
    if ((r & (ROWS_PER_STEP - 1)) === 0 && r > 0) yield;
    const text = textAt(r);
    // Empty and NA texts are missing, not near-duplicates of each other.
    if (isBlank(text) || isPandasNa(text)) continue;
    if (text.length > buf.length) buf = new Uint16Array(text.length * 2);
    const len = normaliseInto(text, buf);
    let h = 0x3c6ef372 ^ len;
    for (let i = 0; i < len; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    h = fmix(h);
    let slot = h & mask;
    let u = -1;
    for (; slotText[slot] !== -1; slot = (slot + 1) & mask) {
      if (slotHash[slot] !== h) continue;
      const v = slotText[slot]!;
      const start = charStart[v]!;
      if (charStart[v + 1]! - start !== len) continue;
      let same = true;
      for (let i = 0; i < len && same; i++) same = chars[start + i] === buf[i];
      if (same) {
        u = v;
        break;
      }
    }
    if (u !== -1) {
      textOf[r] = u;
      continue;
    }
    u = count++;
    slotText[slot] = u;
    slotHash[slot] = h;
    textOf[r] = u;
    // The text, kept to tell a hash collision from an equal text.
    charStart = grown(charStart, count + 1);
    const start = charStart[u]!;
    chars = grown(chars, start + len);
    chars.set(buf.subarray(0, len), start);
    charStart[u + 1] = start + len;
    // Its 3-grams (a text under 3 characters is one gram), hashed, sorted and each kept once.
    gramStart = grown(gramStart, count + 1);
    const g0 = gramStart[u]!;
    const gramCount = Math.max(1, len - 2);
    grams = grown(grams, g0 + gramCount);
    if (len < 3) grams[g0] = fmix((buf[0]! << 16) ^ (len > 1 ? buf[1]! : 0) ^ Math.imul(len, 0x27d4eb2d));
    for (let i = 0; i + 2 < len; i++) grams[g0 + i] = fmix(((buf[i]! << 16) | buf[i + 1]!) ^ Math.imul(buf[i + 2]! + 1, 0x9e3779b1));
    const own = grams.subarray(g0, g0 + gramCount).sort();
    let k = 1;
    for (let i = 1; i < own.length; i++) if (own[i] !== own[k - 1]) own[k++] = own[i]!;
    gramStart[u + 1] = g0 + k;
    // Its signature by one-permutation hashing: each gram's hash falls in one of HASHES bins and
    // each bin keeps its smallest hash, one hash per gram instead of one per gram and function
    // (48 times fewer). A bin no gram fell in borrows the next filled bin's value, shifted by the
    // distance, so equal sets still give equal signatures and similar sets similar ones.
    signatures = grown(signatures, count * HASHES);
    const base = u * HASHES;
    signatures.fill(EMPTY, base, base + HASHES);
    for (let i = 0; i < k; i++) {
      const x = fmix(own[i]! ^ SEED);
      const bin = Math.floor(((x >>> 0) * HASHES) / 4294967296);
      if (x < signatures[base + bin]!) signatures[base + bin] = x;
    }
    for (let f = 0; f < HASHES; f++) {
      if (signatures[base + f] !== EMPTY) continue;
      let d = 1;
      while (signatures[base + ((f + d) % HASHES)] === EMPTY) d++;
      signatures[base + f] = fmix(signatures[base + ((f + d) % HASHES)]! + Math.imul(d, 0x9e3779b1));
    }
  }
  return { textOf, count, grams, gramStart, signatures };
}

/** Jaccard similarity of two texts' 3-gram sets, at least `t`: a merge of the two sorted sets (`verify` skips the pairs whose sizes alone rule it out). */
function similarAtLeast(texts: Texts, u: number, v: number, t: number): boolean {
  const { grams, gramStart } = texts;
  let i = gramStart[u]!;
  const iEnd = gramStart[u + 1]!;
  let j = gramStart[v]!;
  const jEnd = gramStart[v + 1]!;
  const a = iEnd - i;
  const b = jEnd - j;
  // (The caller has ruled out sizes too far apart for the similarity.)
  let common = 0;
  while (i < iEnd && j < jEnd) {
    const x = grams[i]!;
    const y = grams[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common >= (t - EPSILON) * (a + b - common);
}

/** Union-find over the distinct texts; the smaller index becomes the root, so groups do not depend on the order pairs are found in. */
class Components {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/**
 * Near-duplicate texts joined: for each band, the texts sorted by the band's hash (a typed-array
 * sort), texts sharing it verified pairwise on their exact 3-gram sets, similar ones joined. Pairs
 * already joined through others are not verified again.
 */
function* joinSimilar(texts: Texts, t: number): Generator<void, Components, void> {
  const n = texts.count;
  const comps = new Components(n);
  const { bands, rows } = banding(t);
  // Sort key: the band hash in the high bits, the text in the low ones (exact in a double up to 2^53).
  const textBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const hashBits = Math.min(32, 53 - textBits);
  const scale = 2 ** textBits;
  const keys = new Float64Array(n);
  let pairs = 0;
  const sig = texts.signatures;
  // Signature positions that must agree before the exact sets are compared: far under what a pair
  // at the threshold shows (a pair at 0.8 agrees on fewer than 28 of 48 with probability about 1e-4).
  const minAgree = Math.floor(HASHES * Math.max(0, t - 0.2));
  const maxMiss = HASHES - minAgree;
  const { gramStart } = texts;
  const minShare = t - EPSILON;
  const verify = (u: number, v: number): void => {
    pairs++;
    if (comps.find(u) === comps.find(v)) return;
    // Sizes too far apart for the similarity (two loads, before the 48 signature positions).
    const a = gramStart[u + 1]! - gramStart[u]!;
    const b = gramStart[v + 1]! - gramStart[v]!;
    if ((a < b ? a : b) < minShare * (a < b ? b : a)) return;
    // Given up at the first position too many that differs: most candidates of a crowded band are not similar.
    let miss = 0;
    for (let f = 0, a = u * HASHES, b = v * HASHES; f < HASHES; f++) if (sig[a + f] !== sig[b + f] && ++miss > maxMiss) return;
    if (similarAtLeast(texts, u, v, t)) comps.union(u, v);
  };
  for (let band = 0; band < bands; band++) {
    for (let u = 0; u < n; u++) {
      let h = band;
      const base = u * HASHES + band * rows;
      for (let i = 0; i < rows; i++) h = fmix(h ^ texts.signatures[base + i]!) + i;
      keys[u] = ((h >>> 0) >>> (32 - hashBits)) * scale + u;
    }
    yield;
    keys.sort();
    for (let start = 0; start < n;) {
      const bucket = Math.floor(keys[start]! / scale);
      let end = start + 1;
      while (end < n && Math.floor(keys[end]! / scale) === bucket) end++;
      const size = end - start;
      for (let i = start; i < end; i++) {
        const last = size <= ALL_PAIRS_UP_TO ? end : Math.min(end, i + 1 + WINDOW);
        for (let j = i + 1; j < last; j++) verify(keys[i]! % scale, keys[j]! % scale);
        if (pairs >= PAIRS_PER_STEP) {
          pairs = 0;
          yield;
        }
      }
      start = end;
    }
    yield;
  }
  return comps;
}

/**
 * `near-duplicate` (info), `near-duplicate-conflict` (warning) and `split-leakage` (info), from one
 * grouping of the texts by MinHash with LSH banding over the character 3-grams of the normalised
 * text (as `duplicate` normalises it: case, spaces and end punctuation ignored).
 *
 * Two texts are near-duplicates when the Jaccard similarity of their 3-gram sets is at least
 * `nearDuplicateSimilarity` (0.8): every candidate pair is verified on the exact sets, so nothing
 * under the threshold is reported; a pair at the threshold is found with probability 0.99 or more
 * (see {@link banding}). Groups are the connected components of similar pairs (union-find); a group
 * whose rows all share one text is an exact duplicate, the `duplicate` check's.
 *
 * - near-duplicate: groups whose rows share their labels; every row of them. Near-copies add little
 *   and make the validation score look better when split across the files.
 * - near-duplicate-conflict: groups labelled differently (not with free-text answers: different
 *   replies are no conflict); the fix gives each group its most common labels (the earliest row's
 *   on a tie). A group of equal texts is also a `conflicting-duplicate`.
 * - split-leakage: validation examples of the export's split (its test size, stratification and
 *   seed) that have an exact or near copy among the training examples.
 *
 * Signatures, bands and sort keys are typed arrays; the pass over the rows pauses every few
 * thousand rows and the verification every few ten thousand pairs, so the app's worker keeps answering.
 */
export function* checkNearDuplicates(ctx: CheckContext): Generator<void, CheckResult[], void> {
  const t = ctx.t.nearDuplicateSimilarity;
  if (!(t > 0) || ctx.rowCount < 2) return [];
  const texts = yield* readTexts(ctx.rowCount, (r) => ctx.table.cell(r, ctx.text));
  const comps = yield* joinSimilar(texts, t);
  const groups = nearGroups(texts, comps);
  const results = [...groupResults(ctx, groups, t)];
  // The leakage count makes the export's split: a slice of its own.
  yield;
  const leak = leakage(ctx, texts, comps);
  if (leak) results.push(leak);
  return results;
}

/**
 * Each text's group of copies and near-copies at similarity `t` (as the check finds them: exact
 * copies after normalising, and near ones): the same number for texts of one group, -1 for a blank
 * or NA text. What the opt-in split that keeps near-copies in one file needs (`keepGroupsTogether`).
 */
export function nearDuplicateGroupIds(texts: readonly string[], t: number): Int32Array {
  const run = (function* () {
    const read = yield* readTexts(texts.length, (r) => texts[r]!);
    // No similarity to go by: exact copies only.
    return { read, comps: t > 0 && t <= 1 ? yield* joinSimilar(read, t) : new Components(read.count) };
  })();
  let step = run.next();
  while (!step.done) step = run.next();
  const { read, comps } = step.value;
  return Int32Array.from(read.textOf, (u) => (u === -1 ? -1 : comps.find(u)));
}

/** Rows of each component of two or more distinct texts, ascending, in order of their first row. */
function nearGroups(texts: Texts, comps: Components): number[][] {
  const textsIn = new Int32Array(texts.count);
  for (let u = 0; u < texts.count; u++) textsIn[comps.find(u)]!++;
  const groupOf = new Map<number, number[]>();
  const { textOf } = texts;
  for (let r = 0; r < textOf.length; r++) {
    const u = textOf[r]!;
    if (u === -1) continue;
    const root = comps.find(u);
    if (textsIn[root]! < 2) continue;
    const rows = groupOf.get(root);
    if (rows === undefined) groupOf.set(root, [r]);
    else rows.push(r);
  }
  return [...groupOf.values()].sort((a, b) => a[0]! - b[0]!);
}

function groupResults(ctx: CheckContext, groups: number[][], t: number): CheckResult[] {
  const labelKey = (r: number): string => ctx.labels.map((c) => ctx.table.cell(r, c)).join('\u0000');
  const same: number[][] = [];
  const conflicts: { rows: number[]; labels: string[]; to: string; relabel: number[] }[] = [];
  for (const rows of groups) {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(labelKey(r), (counts.get(labelKey(r)) ?? 0) + 1);
    if (counts.size === 1 || ctx.answer === 'text') {
      same.push(rows);
      continue;
    }
    // The most common labels; on a tie the first seen, i.e. the earliest row's.
    let to = '';
    let best = 0;
    for (const [key, n] of counts) if (n > best) [to, best] = [key, n];
    conflicts.push({ rows, labels: [...counts.keys()].map((k) => k.split('\u0000').join(' › ')), to, relabel: rows.filter((r) => labelKey(r) !== to) });
  }
  const similarity = `a similarity of ${pythonFloatRepr(t)} or more, ignoring case, spaces and end punctuation`;
  const results: CheckResult[] = [];
  if (same.length > 0) {
    const described = describeGroups(
      ctx,
      same.map((rows) => ({ rows })),
    );
    const positions = same.flat();
    results.push(
      ctx.result({
        id: 'near-duplicate',
        severity: 'info',
        positions,
        message:
          `${plural(positions.length, 'row')} nearly repeat another row with the same labels (${similarity}), in ${plural(same.length, 'group')}: ${described.text}. ` +
          'Near-copies teach little that is new, and one in each file makes the validation score look better than it is.',
        details: { groups: described.groups, groupRows: groupNumbers(ctx, same), ...(same.length > MAX_GROUPS ? { truncated: true } : {}) },
      }),
    );
  }
  if (conflicts.length > 0) {
    const described = describeGroups(ctx, conflicts);
    const positions = conflicts.flatMap((g) => g.rows);
    const fix: FixDraft = {
      kind: 'set-labels',
      cols: [...ctx.labels],
      columns: ctx.labels.map((c) => ctx.name(c)),
      groups: conflicts.map((g) => ({ rowIds: g.rows.map((r) => ctx.table.rowId(r)), to: g.to.split('\u0000') })),
      positions: conflicts.flatMap((g) => g.relabel),
    };
    results.push(
      ctx.result({
        id: 'near-duplicate-conflict',
        severity: 'warning',
        positions,
        message:
          `${plural(positions.length, 'row')} nearly repeat a row labelled differently (${similarity}), in ${plural(conflicts.length, 'group')}: ${described.text}. ` +
          'The model is taught two answers to nearly one question. The fix gives each group its most common labels; check first that the texts mean the same.',
        fixes: [fix],
        details: {
          groups: described.groups,
          groupRows: groupNumbers(
            ctx,
            conflicts.map((g) => g.rows),
          ),
          ...(conflicts.length > MAX_GROUPS ? { truncated: true } : {}),
        },
      }),
    );
  }
  return results;
}

/** The export's split as the export makes it (null when it cannot be made: the export and too-few-examples say why). */
function exportSplit(ctx: CheckContext): SplitResult | null {
  const seed = ctx.input.seed ?? 42;
  const classes = ctx.classes();
  if (classes === null) return shuffleSplit(ctx.rowCount, ctx.input.testSize, seed);
  if (classes.missing.includes(1)) return null;
  return stratifiedSplitCodes(classes.codes, classes.values, ctx.input.testSize, seed);
}

/** split-leakage: validation rows whose text, or a near-duplicate of it, is also in the training file. */
function leakage(ctx: CheckContext, texts: Texts, comps: Components): CheckResult | null {
  // The opt-in split keeps every group (exact copies included) in one file: nothing can leak.
  if (ctx.input.keepNearDuplicatesTogether) return null;
  const split = exportSplit(ctx);
  if (split === null || !split.ok) return null;
  const { textOf } = texts;
  const trainText = new Uint8Array(texts.count);
  const trainGroup = new Uint8Array(texts.count);
  for (const r of split.train) {
    const u = textOf[r]!;
    if (u === -1) continue;
    trainText[u] = 1;
    trainGroup[comps.find(u)] = 1;
  }
  const positions: number[] = [];
  let exact = 0;
  for (const r of split.test) {
    const u = textOf[r]!;
    if (u === -1) continue;
    if (trainText[u] === 1) exact++;
    else if (trainGroup[comps.find(u)] !== 1) continue;
    positions.push(r);
  }
  if (positions.length === 0) return null;
  const near = positions.length - exact;
  const validation = split.test.length;
  const t = ctx.t.nearDuplicateSimilarity;
  const testSize = ctx.input.testSize;
  const size = testSize.kind === 'int' ? String(testSize.value) : pythonFloatRepr(testSize.value);
  const stratified = ctx.stratify === null ? 'not stratified' : `stratified by ${strataName(ctx)}`;
  const kinds = [exact > 0 ? `${exact.toLocaleString('en-US')} the same text` : '', near > 0 ? `${near.toLocaleString('en-US')} a near-duplicate` : '']
    .filter((k) => k !== '')
    .join(' and ');
  return ctx.result({
    id: 'split-leakage',
    severity: 'info',
    positions,
    message:
      `With the export's split (test size ${size}, ${stratified}, seed ${ctx.input.seed ?? 42}), ${plural(positions.length, 'validation example')} of ${validation.toLocaleString('en-US')} ` +
      `${positions.length === 1 ? 'has' : 'have'} a copy in the training file: ${kinds} (similarity ${pythonFloatRepr(t)} or more). ` +
      'The validation score will look better than the model does on new questions.',
    details: { leakage: { validation, exact, near, similarity: t } },
  });
}
