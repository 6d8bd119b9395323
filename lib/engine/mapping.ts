import type { AnswerMode } from '../export';
import { answerMode } from '../jsonl';
import type { ColumnMapping, LoadedMeta } from './types';

const DEFAULT: ColumnMapping = { text: 'inquiry', labels: ['category', 'sub_category'] };
const TEXT_NAMES =
  /^(inquiry|enquiry|text|utterance|question|message|query|instruction|prompt|input|sentence|narrative|body|description|complaint|consumer complaint narrative|content)$/i;
/** Words in a column's name that say it holds the text (`Consumer complaint narrative`, `answer_text`). */
const TEXT_WORDS = /(^|[^a-z])(narrative|text|utterance|inquiry|enquiry|sentence|question)([^a-z]|$)/i;
/** Names of columns that hold annotated text (`[date : today]`): the text is the plain column beside them. */
const MARKUP_NAMES = /annotat|markup|tagged/i;
const MARKUP = /\[[^\]\n]+ : [^\]\n]*\]|\{\{[^}\n]+\}\}/;
const LABEL_NAMES = /(category|intent|label|class|topic|product|issue|scenario|domain|tag|type)/i;
const ID_NAMES = /(^|[^a-z])(id|uuid|guid|key|index)$|^(id|uuid|guid|#)$/i;
const NUMBER = /^[-+]?(\d+([.,]\d+)?|\.\d+)$/;
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2})?.*)?$/;
const SAMPLE = 2000;

/** What the guess knows of one column, from its first rows (non-empty cells only, except `filled`). */
export interface ColumnStats {
  name: string;
  col: number;
  /** Share of the sampled rows whose cell is not blank. */
  filled: number;
  nonEmpty: number;
  distinct: number;
  /** distinct / nonEmpty. */
  distinctShare: number;
  meanLength: number;
  meanWords: number;
  /** Share of non-empty cells that are numbers, dates, or carry inline markup. */
  numeric: number;
  dates: number;
  markup: number;
}

export function columnStats(name: string, col: number, column: (col: number, row: number) => string, n: number): ColumnStats {
  const seen = new Set<string>();
  let nonEmpty = 0;
  let length = 0;
  let words = 0;
  let numeric = 0;
  let dates = 0;
  let markup = 0;
  for (let r = 0; r < n; r++) {
    const v = column(col, r).trim();
    if (v === '') continue;
    nonEmpty++;
    seen.add(v);
    length += v.length;
    words += v.split(/\s+/).length;
    if (NUMBER.test(v)) numeric++;
    else if (DATE.test(v)) dates++;
    if (MARKUP.test(v)) markup++;
  }
  const share = (k: number): number => (nonEmpty ? k / nonEmpty : 0);
  return {
    name,
    col,
    filled: n ? nonEmpty / n : 0,
    nonEmpty,
    distinct: seen.size,
    distinctShare: share(seen.size),
    meanLength: share(length),
    meanWords: share(words),
    numeric: share(numeric),
    dates: share(dates),
    markup: share(markup),
  };
}

/**
 * How much a column looks like free text: long, varied, several words per cell, judged on its
 * non-empty cells (a complaint narrative is often empty), 0 for numbers, dates and ids.
 */
export function textScore(s: ColumnStats): number {
  if (s.nonEmpty === 0 || s.numeric + s.dates > 0.5 || ID_NAMES.test(s.name.trim())) return 0;
  const markup = MARKUP_NAMES.test(s.name) || s.markup > 0.2 ? 0.2 : 1;
  return s.meanLength * s.distinctShare * Math.min(1, s.meanWords / 3) * markup;
}

/** The free-text column: a text-like name when its cells are text, else the most text-like column. */
function pickText(stats: ColumnStats[]): ColumnStats | undefined {
  const scored = stats.map((s) => ({ s, score: textScore(s) })).filter((x) => x.score > 0);
  const isText = (x: { s: ColumnStats; score: number }): boolean => x.s.distinctShare >= 0.5 && x.s.meanWords >= 2;
  const byName =
    scored.find((x) => TEXT_NAMES.test(x.s.name.trim()) && x.s.filled > 0.05 && isText(x)) ??
    scored.find((x) => TEXT_WORDS.test(x.s.name) && x.s.filled > 0.05 && isText(x));
  if (byName) return byName.s;
  scored.sort((a, b) => b.score - a.score || a.s.col - b.s.col);
  // Of columns about as text-like as the best (the same answers written twice), the first one.
  const top = scored.find((x) => x.s.filled >= 0.5);
  const full = top && scored.filter((x) => x.s.filled >= 0.5 && x.score >= 0.8 * top.score).sort((a, b) => a.s.col - b.s.col)[0];
  // A mostly empty column is the text only when it is by far the most text-like (a narrative filled in by some).
  const best = scored[0];
  if (best && best.s.filled < 0.5 && best.s.filled > 0.05 && (!top || best.score >= 3 * top.score)) return best.s;
  return full?.s ?? best?.s;
}

/** Can the column be a label: short values, few of them, not ids, dates, numbers counted, or free text. */
function labelLike(s: ColumnStats, text: ColumnStats | undefined): boolean {
  if (s === text || s.filled < 0.5 || s.nonEmpty === 0) return false;
  if (ID_NAMES.test(s.name.trim()) || s.dates > 0.5) return false;
  if (s.meanLength >= 80) return false;
  const named = LABEL_NAMES.test(s.name);
  if (s.distinct < (named ? 1 : 2)) return false;
  if (s.distinct > 1000) return false;
  // Almost all distinct: ids, free text, measurements (small files excepted: 2 rows of 2 intents).
  if (s.nonEmpty >= 10 && s.distinctShare > 0.8) return false;
  if (s.numeric > 0.5 && s.distinct > 20) return false;
  // Free text: long sentences that rarely repeat.
  if (s.meanWords >= 8 && s.distinctShare > 0.5) return false;
  return true;
}

/** Share of rows whose `child` value goes with the parent value it most often goes with (1 = a strict tree). */
function nesting(parent: number, child: number, column: (col: number, row: number) => string, n: number): number {
  const parents = new Map<string, Map<string, number>>();
  for (let r = 0; r < n; r++) {
    const c = column(child, r).trim();
    const p = column(parent, r).trim();
    let m = parents.get(c);
    if (!m) parents.set(c, (m = new Map()));
    m.set(p, (m.get(p) ?? 0) + 1);
  }
  let kept = 0;
  for (const m of parents.values()) kept += Math.max(...m.values());
  return n ? kept / n : 0;
}

/**
 * The notebook's columns when they are all there (then no question is asked); otherwise a guess
 * from names and contents. The text is a column named like text (`utterance`, `…narrative`) when
 * its cells are free text, else the most text-like column (long, varied, several words per
 * non-empty cell; a mostly empty column only when it is by far the most text-like). The labels are
 * short columns with few distinct values (named like labels when there are such), not ids, dates
 * or free text: the parent (fewest values) first, then the column that nests under it best.
 */
export function guessMapping(
  header: readonly string[],
  column: (col: number, row: number) => string,
  rows: number,
): { mapping: ColumnMapping | null; guess: ColumnMapping } {
  if (header.includes(DEFAULT.text) && DEFAULT.labels.every((l) => header.includes(l))) {
    return { mapping: DEFAULT, guess: DEFAULT };
  }
  const n = Math.min(rows, SAMPLE);
  const stats = header.map((name, col) => columnStats(name, col, column, n));
  const text = pickText(stats) ?? stats[0];
  const candidates = stats.filter((s) => labelLike(s, text));
  const named = candidates.filter((s) => LABEL_NAMES.test(s.name));
  const pool = (named.length > 0 ? named : candidates).sort((a, b) => a.distinct - b.distinct || a.col - b.col);
  const labels: ColumnStats[] = [];
  const parent = pool[0];
  if (parent) {
    labels.push(parent);
    const children = pool
      .slice(1)
      .map((s) => ({ s, nest: nesting(parent.col, s.col, column, n) }))
      .filter((x) => x.nest >= 0.9)
      .sort((a, b) => b.nest - a.nest || a.s.distinct - b.s.distinct || a.s.col - b.s.col);
    const child = children[0]?.s ?? pool[1];
    if (child) labels.push(child);
  }
  return { mapping: null, guess: { text: text?.name ?? header[0] ?? '', labels: labels.map((l) => l.name) } };
}

/**
 * How the export writes the loaded file's answers as mapped: `text` for a JSONL whose free-text
 * answers are the only label column (they are written as they are, and labels and stratification
 * do not apply), otherwise `labels`. The engine's export settings and the UI both ask this.
 */
export function answerModeOf(meta: Pick<LoadedMeta, 'mapping' | 'jsonl'> | null | undefined): AnswerMode {
  return meta?.jsonl && meta.mapping ? answerMode(meta.jsonl, meta.mapping.labels) : 'labels';
}
