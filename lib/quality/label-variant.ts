import type { CheckContext, FixDraft } from './context';
import { plural, quote } from './format';
import type { Thresholds } from './thresholds';
import type { CheckResult, LabelVariant } from './types';

const VARIANTS_IN_MESSAGE = 4;

/** Separators and sentence punctuation, ignored when labels are folded (`Top-up` = `top_up` = `top up`); `#`, `+` stay (`C#` ≠ `C++`). */
const SEPARATORS = /[\s_\-\u2010-\u2015.,;:!?'"\u2018\u2019\u201c\u201d()[\]{}/\\]+/g;
const COMBINING = /[\u0300-\u036f]/g;

/** A label's words as compared for variants: lower case, no accents, split at separators and punctuation. */
export function labelWords(label: string): string[] {
  return label
    .normalize('NFKD')
    .replace(COMBINING, '')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((w) => w !== '');
}

/** A label as compared for variants: its words run together (`Top-up` = `top_up` = `topup`). */
export function foldLabel(label: string): string {
  return labelWords(label).join('');
}

/** Letters a label may differ by from another and still be its variant, by the shorter one's length. */
export function allowedDistance(length: number, t: Thresholds): number {
  return length >= t.editDistance2From ? 2 : length >= t.editDistance1From ? 1 : 0;
}

/**
 * Optimal string alignment distance (insertions, deletions, substitutions and swaps of neighbours,
 * so "Bliling" is one step from "Billing"), or `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}

/** Rare enough to be a slip: clearly less common than the other, and a small share of it or only a few rows. */
function isRareVariant(variant: number, common: number, t: Thresholds): boolean {
  return common >= 2 * variant && (variant <= t.variantMaxShare * common || variant <= t.variantMaxRows);
}

const digitsOf = (s: string): string => s.replace(/\D+/g, ' ').trim();

/** The labels of one column that fold to the same key. */
interface FoldGroup {
  key: string;
  /** The words of its first form. */
  words: string[];
  /** Its numbers: labels whose numbers differ are never variants of each other. */
  digits: string;
  /**
   * Forms (values after trimming and collapsing spaces), most common first, each with its
   * spellings. A merge goes to the common form, so its result is clean.
   */
  forms: { form: string; count: number; values: string[] }[];
  count: number;
  /** Order of first appearance, to break ties. */
  order: number;
}

/**
 * `label-variant` (warning): in a label column, a rare spelling of a common label — the same after
 * folding case, accents, spaces and punctuation (`billing` for `Billing`, `" Media"` for `"Media"`), or a letter or two apart
 * (`Biling` for `Billing`; 1 from 5 letters, 2 from 9, never when their digits differ: `tier 1` and
 * `tier 2` are different labels). Spelling variants are flagged only when rare next to the common
 * form (see {@link isRareVariant}), so two established labels are never flagged against each other;
 * folded variants are the same label to any reader and are flagged whatever their counts. Each
 * variant gets a fix merging it into the common form.
 */
export function checkLabelVariant(ctx: CheckContext): CheckResult[] {
  // Free-text answers that differ only in case or punctuation are different answers, not variants of a label.
  if (ctx.answer === 'text') return [];
  const positions: number[] = [];
  const fixes: FixDraft[] = [];
  const variants: LabelVariant[] = [];
  for (const col of ctx.labels) {
    const column = ctx.name(col);
    const v = ctx.values(col);
    const found = findVariants(v.values, v.counts, v.missing, ctx.t);
    if (found.length === 0) continue;
    // One pass over the rows hands each row of a variant spelling to its variant.
    const codeOf = new Map(v.values.map((value, code) => [value, code]));
    const variantOf = new Int32Array(v.values.length).fill(-1);
    found.forEach((f, i) => f.from.forEach((value) => (variantOf[codeOf.get(value)!] = i)));
    const rowsOf = found.map((): number[] => []);
    for (let r = 0; r < v.codes.length; r++) {
      const i = variantOf[v.codes[r]!]!;
      if (i !== -1) rowsOf[i]!.push(r);
    }
    found.forEach((f, i) => {
      const rows = rowsOf[i]!;
      positions.push(...rows);
      fixes.push({ kind: 'merge-label', col, column, from: f.from, to: f.to, positions: rows });
      variants.push({ column, from: f.from, fromCount: rows.length, to: f.to, toCount: f.toCount, reason: f.reason, distance: f.distance });
    });
  }
  if (variants.length === 0) return [];
  const listed = variants
    .slice(0, VARIANTS_IN_MESSAGE)
    .map(
      (x) => `${x.column} ${x.from.map((f) => quote(f)).join(' and ')} (${plural(x.fromCount, 'row')}) looks like ${quote(x.to)} (${plural(x.toCount, 'row')})`,
    );
  if (variants.length > VARIANTS_IN_MESSAGE) listed.push(`${plural(variants.length - VARIANTS_IN_MESSAGE, 'more variant')}`);
  return [
    ctx.result({
      id: 'label-variant',
      severity: 'warning',
      positions,
      message:
        `${plural(variants.length, 'label')} ${variants.length === 1 ? 'looks' : 'look'} like a rarer spelling of another: ${listed.join('; ')}. ` +
        'Left as they are, each spelling is a class of its own; the fix merges the rare spelling into the common one.',
      fixes,
      details: { variants },
    }),
  ];
}

/** A rare spelling found in one column's values: every spelling of it, and the form to merge it into. */
export interface Variant {
  from: string[];
  to: string;
  toCount: number;
  reason: 'fold' | 'edit';
  distance: number;
}

/**
 * The rare spellings among one column's distinct values (with their row counts; `missing` marks
 * values the empty and na-string checks own). Works on the distinct values only: a few hundred
 * labels, however many rows.
 */
export function findVariants(values: readonly string[], counts: readonly number[], missing: Uint8Array, t: Thresholds): Variant[] {
  // So many distinct values are text rather than labels (a column mapped by mistake): not compared.
  if (values.length > t.maxLabelsCompared) return [];
  const groups = foldGroups(values, counts, missing);
  const found: Variant[] = [];
  const merged = new Set<FoldGroup>();
  const byCount = [...groups].sort((a, b) => b.count - a.count || a.order - b.order);
  for (const g of groups) {
    const target = closestCommon(g, byCount, t);
    if (target === null) continue;
    merged.add(g);
    found.push({
      from: g.forms.flatMap((x) => x.values),
      to: target.group.forms[0]!.form,
      toCount: target.group.count,
      reason: 'edit',
      distance: target.distance,
    });
  }
  for (const g of groups) {
    if (merged.has(g)) continue;
    // Within a fold group every spelling but the clean most common form is a variant of it, spaces
    // included (" Media", "Weather " next to "Media", "Weather"): the merge leaves one clean label.
    // A label spelt only one way, stray spaces and all, is the whitespace check's alone.
    const to = g.forms[0]!.form;
    const spellings = g.forms.flatMap((x) => x.values);
    if (spellings.length < 2) continue;
    const from = spellings.filter((value) => value !== to);
    found.push({ from, to, toCount: g.forms.reduce((n, x) => n + x.count, 0) - countOf(from, values, counts), reason: 'fold', distance: 0 });
  }
  return found;
}

/** Rows holding one of `wanted` among the distinct `values`. */
function countOf(wanted: readonly string[], values: readonly string[], counts: readonly number[]): number {
  const set = new Set(wanted);
  return values.reduce((n, value, code) => (set.has(value) ? n + counts[code]! : n), 0);
}

/**
 * How many letters apart two labels are, if few enough for one to be a misspelling of the other;
 * otherwise Infinity. With the same number of words, each differing word must itself be close
 * enough for its length: `Biling mortgage`/`Billing mortgage` are, but `FHA mortgage`/`VA mortgage`
 * (a different short word) and `hue_lightoff`/`hue_lighton` are not.
 */
function spellingDistance(g: FoldGroup, h: FoldGroup, t: Thresholds): number {
  const max = allowedDistance(Math.min(g.key.length, h.key.length), t);
  if (max === 0) return Infinity;
  if (g.words.length === h.words.length) {
    let total = 0;
    for (let i = 0; i < g.words.length; i++) {
      const a = g.words[i]!;
      const b = h.words[i]!;
      if (a === b) continue;
      const allowed = Math.min(max - total, allowedDistance(Math.min(a.length, b.length), t));
      if (allowed <= 0) return Infinity;
      const d = editDistance(a, b, allowed);
      if (d > allowed) return Infinity;
      total += d;
    }
    return total;
  }
  const d = editDistance(g.key, h.key, max);
  return d <= max ? d : Infinity;
}

/** The most common label `g` is a rare spelling of (the nearer one among equally common), or null. */
function closestCommon(g: FoldGroup, byCount: readonly FoldGroup[], t: Thresholds): { group: FoldGroup; distance: number } | null {
  let best: { group: FoldGroup; distance: number } | null = null;
  for (const h of byCount) {
    // Most common first: once a label is not common enough, none after it is, and a less common
    // label never beats a match already found.
    if (h.count < 2 * g.count || (best !== null && h.count < best.group.count)) break;
    if (h === g || !isRareVariant(g.count, h.count, t) || h.digits !== g.digits) continue;
    const d = spellingDistance(g, h, t);
    if (d !== Infinity && (best === null || d < best.distance)) best = { group: h, distance: d };
  }
  return best;
}

function foldGroups(values: readonly string[], counts: readonly number[], missing: Uint8Array): FoldGroup[] {
  const forms = new Map<string, { form: string; count: number; spellings: { value: string; count: number }[]; order: number }>();
  values.forEach((value, code) => {
    if (missing[code] === 1) return;
    const form = value.trim().replace(/\s+/g, ' ');
    const spelling = { value, count: counts[code]! };
    const f = forms.get(form);
    if (f === undefined) forms.set(form, { form, count: spelling.count, spellings: [spelling], order: code });
    else {
      f.count += spelling.count;
      f.spellings.push(spelling);
    }
  });
  const groups = new Map<string, FoldGroup>();
  for (const f of forms.values()) {
    const words = labelWords(f.form);
    const key = words.join('');
    if (key === '') continue;
    // Within a form the most common spelling comes first: it is the one a merge keeps.
    const form = { form: f.form, count: f.count, values: f.spellings.sort((a, b) => b.count - a.count).map((x) => x.value) };
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { key, words, digits: digitsOf(words.join(' ')), forms: [form], count: f.count, order: f.order });
    else {
      g.forms.push(form);
      g.count += f.count;
    }
  }
  for (const g of groups.values()) g.forms.sort((a, b) => b.count - a.count);
  return [...groups.values()];
}
