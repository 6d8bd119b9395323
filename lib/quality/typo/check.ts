import type { CheckContext, FixDraft } from '../context';
import { plural, quote } from '../format';
import type { Thresholds } from '../thresholds';
import type { CheckResult, Typo } from '../types';
import { WordIndex } from './word-index';
import { forEachWord, wordCase } from './words';

/** Rows between two pause points of the reading pass (a power of two). */
const ROWS_PER_STEP = 8192;
/** Rare words looked up between two pauses. */
const WORDS_PER_STEP = 256;
/** Misspellings described in `details` and given fixes (the rows of all of them are in `rows`). */
const MAX_TYPOS = 5000;
/** Misspellings quoted in the message. */
const TYPOS_IN_MESSAGE = 4;
/** The dictionary is used when at least this share of the file's repeated words are in it. */
const ENGLISH_SHARE = 0.5;
/** Fewer repeated words than this say nothing about the language: the dictionary is used. */
const ENGLISH_MIN_WORDS = 20;

/** The file's words, each spelling (as written) once. */
interface Spelling {
  text: string;
  rows: number;
  /** Rows where it is written capitalised in the middle of a sentence (a name, unless proven otherwise). */
  capitalisedMid: number;
  /** Its rows while few enough to be a misspelling's (dropped past `typoMaxRows`). */
  positions: number[] | null;
  last: number;
}

/** A word in lower case, over its spellings. */
interface Word {
  key: string;
  rows: number;
  capitalisedMid: number;
  spellings: Spelling[];
}

/**
 * Every spelling of every word of the text column, in one pass. A generator: it pauses every
 * {@link ROWS_PER_STEP} rows so the app's worker can answer between slices.
 */
function* readWords(ctx: CheckContext): Generator<void, Map<string, Word>, void> {
  const keep = ctx.t.typoMaxRows;
  const spellings = new Map<string, Spelling>();
  for (let r = 0; r < ctx.rowCount; r++) {
    if ((r & (ROWS_PER_STEP - 1)) === ROWS_PER_STEP - 1) yield;
    const text = ctx.table.cell(r, ctx.text);
    forEachWord(text, (start, end, sentenceStart) => {
      const word = text.slice(start, end);
      let s = spellings.get(word);
      if (s === undefined) {
        s = { text: word, rows: 0, capitalisedMid: 0, positions: [], last: -1 };
        spellings.set(word, s);
      }
      if (s.last === r) return;
      s.last = r;
      s.rows++;
      if (!sentenceStart) {
        const c = word.charCodeAt(0);
        // A capital first letter (upper case that is not also its lower case) mid-sentence.
        if (c < 128 ? c >= 65 && c <= 90 : word[0] !== word[0]!.toLowerCase()) s.capitalisedMid++;
      }
      if (s.positions !== null) {
        if (s.rows <= keep) s.positions.push(r);
        else s.positions = null;
      }
    });
  }
  const words = new Map<string, Word>();
  for (const s of spellings.values()) {
    const key = s.text.toLowerCase();
    const w = words.get(key);
    if (w === undefined) words.set(key, { key, rows: s.rows, capitalisedMid: s.capitalisedMid, spellings: [s] });
    else {
      w.rows += s.rows;
      w.capitalisedMid += s.capitalisedMid;
      w.spellings.push(s);
    }
  }
  return words;
}

/** The dictionary's lookup structure, built once per dictionary set (about 80,000 words: tens of milliseconds). */
const dictionaryIndexes = new WeakMap<ReadonlySet<string>, WordIndex>();

function dictionaryIndex(dictionary: ReadonlySet<string>): WordIndex {
  let index = dictionaryIndexes.get(dictionary);
  if (index === undefined) {
    index = new WordIndex(dictionary);
    dictionaryIndexes.set(dictionary, index);
  }
  return index;
}

/**
 * Whether the texts look English: at least half of the words the file repeats (counted by rows)
 * are in the dictionary. English text is mostly its common words; another language's, with a few
 * loanwords and names, is far below.
 */
export function looksEnglish(words: Iterable<{ key: string; rows: number }>, dictionary: ReadonlySet<string>): boolean {
  let seen = 0;
  let known = 0;
  let distinct = 0;
  for (const w of words) {
    if (w.rows < 2) continue;
    distinct++;
    seen += w.rows;
    if (dictionary.has(w.key)) known += w.rows;
  }
  return distinct < ENGLISH_MIN_WORDS || known >= ENGLISH_SHARE * seen;
}

/** Edits allowed between a misspelling and its correction, by the shorter one's length. */
const allowed = (t: Thresholds) => (length: number) => (length >= t.typoDistance2From ? 2 : length >= t.typoDistance1From ? 1 : 0);

/** Where `a` and `b` first differ. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * Two words that differ as a word and its affixed form do: one is the other with letters added at
 * the start or the end only (`subscribed`/`unsubscribed`, `order`/`orders`). Without a dictionary
 * (or for another language) an ending that differs in its last two letters is one too
 * (`ordered`/`orders`, `commande`/`commandes`): the file's vocabulary does not know inflections.
 * Slips are elsewhere: a letter missed, doubled or swapped inside the word.
 */
function isAffixPair(a: string, b: string, withDictionary: boolean): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const added = long.length - short.length;
  // A single missing last letter (`restauran`) is a slip when a dictionary vouches for the longer word.
  if (long.startsWith(short)) return !withDictionary || added >= 2;
  if (long.endsWith(short)) return added >= 2 || !withDictionary;
  return !withDictionary && commonPrefix(a, b) >= short.length - 2;
}

interface Found {
  word: Word;
  suggestion: string;
  distance: number;
  source: 'file' | 'dictionary';
}

/**
 * `typo` (info): misspelt words in the texts. A word is suspect when it is on few rows
 * (`typoMaxRows`), is neither in the dictionary nor a word of the file's own vocabulary (on
 * `typoFrequentRows` rows or more), and is a letter or two (`typoDistance1From`,
 * `typoDistance2From`) from a word that is. Names are not typos: a word written with a capital in
 * the middle of a sentence is left alone unless its correction is itself usually written so
 * (`Tehatres` → `Theatres`). Words with digits, URLs, e-mail addresses, codes, ALL CAPS and mixed
 * case (`iPhone`) are skipped. The dictionary (`options.typo.dictionary`) is used only for English
 * text (detected, or `options.typo.english`); the file's vocabulary always is.
 *
 * Works on the distinct words: one pass over the rows reads them, then only the rare ones are
 * looked up (see {@link WordIndex}). Each misspelling gets two fixes: replace it in its rows, and
 * "Not a typo" (`ignore-word`).
 */
export function* checkTypo(ctx: CheckContext): Generator<void, CheckResult[], void> {
  const t = ctx.t;
  if (t.typoMaxRows <= 0 || ctx.rowCount === 0) return [];
  const options = ctx.options.typo ?? {};
  const words = yield* readWords(ctx);
  const dictionary = options.dictionary && (options.english ?? looksEnglish(words.values(), options.dictionary)) ? options.dictionary : null;
  const ignored = new Set((options.ignoreWords ?? []).map((w) => w.toLowerCase()));
  const maxDistance = allowed(t);

  const frequent = [...words.values()].filter((w) => w.rows >= t.typoFrequentRows).sort((a, b) => b.rows - a.rows);
  const fileIndex = new WordIndex(frequent.map((w) => w.key));
  yield;
  // Built once a worker (about 80 ms for the 80,000 words), in a slice of its own.
  const dictIndex = dictionary ? dictionaryIndex(dictionary) : null;
  yield;

  const found: Found[] = [];
  let looked = 0;
  for (const w of words.values()) {
    if (!isSuspect(w, t, dictionary, ignored)) continue;
    // Each lookup walks two indexes: a pause every few hundred keeps the worker answering.
    if ((++looked & (WORDS_PER_STEP - 1)) === 0) yield;
    let best: { suggestion: string; distance: number; rows: number; rank: number; source: 'file' | 'dictionary' } | null = null;
    const consider = (suggestion: string, distance: number, rank: number, inDictionary: boolean): void => {
      if (isAffixPair(w.key, suggestion, dictionary !== null)) return;
      const rows = words.get(suggestion)?.rows ?? 0;
      const source = rows >= t.typoFrequentRows ? 'file' : 'dictionary';
      if (!inDictionary && source === 'dictionary') return;
      // Nearest first, then the one the file uses most, then the dictionary's more common word.
      if (best === null || distance < best.distance || (distance === best.distance && (rows > best.rows || (rows === best.rows && rank < best.rank)))) {
        best = { suggestion, distance, rows, rank, source };
      }
    };
    fileIndex.near(w.key, maxDistance, (i, d) => consider(fileIndex.words[i]!, d, Infinity, false));
    dictIndex?.near(w.key, maxDistance, (i, d) => consider(dictIndex.words[i]!, d, dictIndex.ranks[i]!, true));
    // Two words run together (`iwant`, `reimbursementof`): the missing space is the slip unless a
    // word a letter away is a likelier reading (`openin` is `opening`, `canot` is `cannot`).
    const split = splitWords(w.key, (part) => isKnownPart(part, words, dictionary, t));
    // (Assigned in `consider`: TypeScript cannot see it.)
    const edit = best as { suggestion: string; distance: number } | null;
    if (split !== null && (edit === null || edit.distance > 1 || split.split(' ').includes(edit.suggestion))) {
      best = { suggestion: split, distance: 1, rows: 0, rank: 0, source: 'file' };
    }
    if (best === null) continue;
    const b: { suggestion: string; distance: number; source: 'file' | 'dictionary' } = best;
    if (w.capitalisedMid > 0 && !isCapitalisedWord(words.get(b.suggestion))) continue;
    found.push({ word: w, suggestion: b.suggestion, distance: b.distance, source: b.source });
  }
  if (found.length === 0) return [];
  found.sort((a, b) => b.word.rows - a.word.rows || (a.word.key < b.word.key ? -1 : 1));
  return [result(ctx, found)];
}

/** `a b` when `word` is two known words run together (the split with the longest first word), else null. */
function splitWords(word: string, known: (part: string) => boolean): string | null {
  for (let i = word.length - 1; i >= 1; i--) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (known(a) && known(b)) return `${a} ${b}`;
  }
  return null;
}

/**
 * A part of a run-together word: a word the file uses often (so `i`, `of`, `to`, `my` count only
 * where the file is full of them), or a dictionary word of 4 letters or more (short dictionary
 * words split too many typos into nonsense: `aint` is not `a int`).
 */
function isKnownPart(part: string, words: ReadonlyMap<string, Word>, dictionary: ReadonlySet<string> | null, t: Thresholds): boolean {
  if ((words.get(part)?.rows ?? 0) >= t.typoFrequentRows) return part.length > 1 || part === 'i';
  return part.length >= 4 && dictionary !== null && dictionary.has(part);
}

/** Rare, unknown, written in lower case or capitalised, long enough, not ignored. */
function isSuspect(w: Word, t: Thresholds, dictionary: ReadonlySet<string> | null, ignored: ReadonlySet<string>): boolean {
  if (w.rows > t.typoMaxRows || w.key.length < t.typoDistance1From) return false;
  if (dictionary?.has(w.key) || ignored.has(w.key)) return false;
  // Contractions and possessives (no dictionary lists them) are not judged.
  if (w.key.includes("'") || w.key.includes('\u2019')) return false;
  // Mixed case (iPhone, McDonald) is a name or a brand. ALL CAPS (acronyms, codes) is judged only
  // as another spelling of a word also written in lower case or capitalised.
  let prose = false;
  for (const s of w.spellings) {
    const c = wordCase(s.text);
    if (c === 'mixed') return false;
    if (c !== 'upper') prose = true;
  }
  return prose;
}

/** A frequent capitalised word of the file: written with a capital mid-sentence on at least 2 rows and on half of its rows. */
const isCapitalisedWord = (w: Word | undefined): boolean => w !== undefined && w.capitalisedMid >= 2 && 2 * w.capitalisedMid >= w.rows;

function result(ctx: CheckContext, found: Found[]): CheckResult {
  const positions: number[] = [];
  const fixes: FixDraft[] = [];
  const typos: Typo[] = [];
  const column = ctx.name(ctx.text);
  found.forEach((f, i) => {
    const occurrences = f.word.spellings.flatMap((s) => (s.positions ?? []).map((p) => ({ p, written: s.text }))).sort((a, b) => a.p - b.p);
    const rows = occurrences.map((o) => o.p);
    positions.push(...rows);
    if (i >= MAX_TYPOS) return;
    fixes.push({ kind: 'replace-word', col: ctx.text, column, word: f.word.key, suggestion: f.suggestion, positions: rows });
    fixes.push({ kind: 'ignore-word', word: f.word.key, positions: rows });
    typos.push({
      word: f.word.key,
      suggestion: f.suggestion,
      distance: f.distance,
      source: f.source,
      rows: occurrences.map((o) => ({ row: ctx.table.rowNumber(o.p), rowId: ctx.table.rowId(o.p), written: o.written })),
    });
  });
  const listed = found.slice(0, TYPOS_IN_MESSAGE).map((f) => `${quote(f.word.key)} → ${quote(f.suggestion)} (${plural(f.word.rows, 'row')})`);
  if (found.length > TYPOS_IN_MESSAGE) listed.push(plural(found.length - TYPOS_IN_MESSAGE, 'more word'));
  return ctx.result({
    id: 'typo',
    severity: 'info',
    positions,
    message:
      `${plural(found.length, 'word')} in ${column} ${found.length === 1 ? 'looks' : 'look'} misspelt: ${listed.join('; ')}. ` +
      'The model learns the texts as they are written; replace each in its rows (the case is kept), or mark it "Not a typo".',
    fixes,
    details: { typos, ...(found.length > MAX_TYPOS ? { truncated: true } : {}) },
  });
}
