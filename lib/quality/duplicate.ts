import { isPandasNa } from '../csv';
import { isBlank, isTrimmable } from './chars';
import type { CheckContext } from './context';
import { plural, quote } from './format';
import type { CheckResult, RowGroup } from './types';

/** Rows between two pause points of the grouping pass (a power of two). */
const ROWS_PER_STEP = 8192;

/** Groups described in full in `details` (the rows of all of them are in `rows` and `details.groupRows`). */
export const MAX_GROUPS = 200;
/** Groups quoted in the message. */
const GROUPS_IN_MESSAGE = 3;

/** What a code unit is to the normaliser. */
const KEEP = 0;
const SPACE = 1;
const END_PUNCTUATION = 2;
const DROP = 3;

let tables: { kind: Uint8Array; lower: Uint16Array } | null = null;

/**
 * Class and lower case of every UTF-16 code unit, built on first use (a few milliseconds) so the
 * loop over a million texts does two array reads per character. Lower case is one-to-one per unit:
 * the few letters whose lower case is longer or depends on context keep their unit.
 */
function charTables(): { kind: Uint8Array; lower: Uint16Array } {
  if (tables !== null) return tables;
  const kind = new Uint8Array(65536);
  const lower = new Uint16Array(65536);
  for (let u = 0; u < 65536; u++) {
    const l = u >= 0xd800 && u <= 0xdfff ? '' : String.fromCharCode(u).toLowerCase();
    lower[u] = l.length === 1 ? l.charCodeAt(0) : u;
  }
  for (let u = 0; u < 65536; u++) if (isTrimmable(u)) kind[u] = SPACE;
  // Invisible characters are dropped (the byte order mark is also "trimmable": dropping wins).
  for (const u of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) kind[u] = DROP;
  // Sentence punctuation ignored at the end of a text: . ! ? … , ; : and their CJK forms.
  for (const ch of '.!?…,;:。！？，、') kind[ch.charCodeAt(0)] = END_PUNCTUATION;
  return (tables = { kind, lower });
}

/**
 * Write the text as duplicates are compared into `out`: lower case, invisible characters dropped,
 * every run of spaces (any kind, line breaks included) one space, no spaces at either end and no
 * sentence punctuation at the end (`"I want help"` = `" i want  help."`). Returns the length written.
 * A character loop rather than `toLowerCase().replace(…)`: a million texts in a fraction of the time,
 * and no string per row.
 */
export function normaliseInto(text: string, out: Uint16Array): number {
  const { kind: KIND, lower: LOWER } = charTables();
  let n = 0;
  let end = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const k = KIND[c]!;
    if (k === SPACE) {
      space = n > 0;
      continue;
    }
    if (k === DROP) continue;
    if (space) {
      out[n++] = 32;
      space = false;
    }
    out[n++] = LOWER[c]!;
    if (k === KEEP) end = n;
  }
  // A text of punctuation only ("???") keeps it.
  return end === 0 ? n : end;
}

const utf16 = new TextDecoder('utf-16le');

/** The normalised text as a string (for tests and messages). */
export function normaliseText(text: string): string {
  const out = new Uint16Array(text.length);
  return utf16.decode(out.subarray(0, normaliseInto(text, out)));
}

interface TextGroups {
  /** Per row: its group, or -1 for a blank or NA text. Groups are numbered in order of first appearance. */
  groupOf: Int32Array;
  /** Rows per group. */
  sizes: Int32Array;
  groupCount: number;
}

/**
 * Group rows by normalised text in one pass. Each normalised text is hashed to 64 bits and kept in
 * an open-addressing table of typed arrays (no string per row, no Map of a million long keys).
 * Members of a group are verified against its first row afterwards, so a hash collision never
 * makes two different texts duplicates.
 */
function* groupTexts(ctx: CheckContext): Generator<void, TextGroups, void> {
  const n = ctx.rowCount;
  const col = ctx.text;
  let buf = new Uint16Array(1024);
  let capacity = 16;
  while (capacity < n * 2) capacity *= 2;
  const mask = capacity - 1;
  const keyA = new Int32Array(capacity);
  const keyB = new Int32Array(capacity);
  const slotGroup = new Int32Array(capacity).fill(-1);
  const groupOf = new Int32Array(n);
  const sizes = new Int32Array(n);
  let groupCount = 0;
  for (let r = 0; r < n; r++) {
    // A pause point every few thousand rows: the app's worker answers the screen between two.
    if ((r & (ROWS_PER_STEP - 1)) === 0 && r > 0) yield;
    const text = ctx.table.cell(r, col);
    // Empty and NA texts are missing, not duplicates of each other (the empty and na-string checks report them).
    if (isBlank(text) || isPandasNa(text)) {
      groupOf[r] = -1;
      continue;
    }
    if (text.length > buf.length) buf = new Uint16Array(text.length * 2);
    const len = normaliseInto(text, buf);
    let a = 0x811c9dc5 ^ len;
    let b = 0x41c6ce57 ^ len;
    for (let i = 0; i < len; i++) {
      const c = buf[i]!;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    let slot = (Math.imul(a ^ (b >>> 7), 0x9e3779b1) >>> 0) & mask;
    while (slotGroup[slot] !== -1 && (keyA[slot] !== a || keyB[slot] !== b)) slot = (slot + 1) & mask;
    let g = slotGroup[slot]!;
    if (g === -1) {
      g = groupCount++;
      slotGroup[slot] = g;
      keyA[slot] = a;
      keyB[slot] = b;
    }
    groupOf[r] = g;
    sizes[g]!++;
  }
  return { groupOf, sizes, groupCount };
}

/** Rows of each group of two or more, verified to share the normalised text exactly; split on a (theoretical) hash collision. */
function repeatedGroups(ctx: CheckContext, { groupOf, sizes, groupCount }: TextGroups): number[][] {
  const members: (number[] | undefined)[] = new Array(groupCount);
  for (let r = 0; r < groupOf.length; r++) {
    const g = groupOf[r]!;
    if (g === -1 || sizes[g]! < 2) continue;
    (members[g] ??= []).push(r);
  }
  const text = (r: number): string => ctx.table.cell(r, ctx.text);
  let first = new Uint16Array(1024);
  let other = new Uint16Array(1024);
  const out: number[][] = [];
  for (const rows of members) {
    if (rows === undefined) continue;
    const t0 = text(rows[0]!);
    if (t0.length > first.length) first = new Uint16Array(t0.length * 2);
    const n0 = normaliseInto(t0, first);
    const same = rows.every((r) => {
      const t = text(r);
      if (t.length > other.length) other = new Uint16Array(t.length * 2);
      const n = normaliseInto(t, other);
      if (n !== n0) return false;
      for (let i = 0; i < n; i++) if (other[i] !== first[i]) return false;
      return true;
    });
    if (same) {
      out.push(rows);
      continue;
    }
    const byText = new Map<string, number[]>();
    for (const r of rows) {
      const key = normaliseText(text(r));
      const list = byText.get(key);
      if (list === undefined) byText.set(key, [r]);
      else list.push(r);
    }
    for (const list of byText.values()) if (list.length > 1) out.push(list);
  }
  // Groups in order of their first row.
  return out.sort((x, y) => x[0]! - y[0]!);
}

/**
 * `duplicate` and `conflicting-duplicate` (warnings), from one grouping of the texts.
 *
 * - duplicate: same normalised text and same labels; every row of such a group after its first.
 *   Repeats add nothing, and one in each file makes the validation score look better than it is.
 * - conflicting-duplicate: same normalised text, different labels; every row of the group. The model
 *   is taught two answers to one question.
 */
export function* checkDuplicates(ctx: CheckContext): Generator<void, CheckResult[], void> {
  const groups = repeatedGroups(ctx, yield* groupTexts(ctx));
  const labelKey = (r: number): string => ctx.labels.map((c) => ctx.table.cell(r, c)).join('\u0000');
  const dupPositions: number[] = [];
  const dupGroups: number[][] = [];
  const conflictGroups: { rows: number[]; labels: string[] }[] = [];
  for (const rows of groups) {
    const byLabels = new Map<string, number[]>();
    for (const r of rows) {
      const key = labelKey(r);
      const list = byLabels.get(key);
      if (list === undefined) byLabels.set(key, [r]);
      else list.push(r);
    }
    for (const same of byLabels.values()) {
      if (same.length < 2) continue;
      dupGroups.push(same);
      dupPositions.push(...same.slice(1));
    }
    if (byLabels.size > 1) conflictGroups.push({ rows, labels: [...byLabels.keys()].map((k) => k.split('\u0000').join(' › ')) });
  }
  const results: CheckResult[] = [];
  if (dupGroups.length > 0) {
    const described = describeGroups(
      ctx,
      dupGroups.map((rows) => ({ rows })),
    );
    const n = dupPositions.length;
    results.push(
      ctx.result({
        id: 'duplicate',
        severity: 'warning',
        positions: dupPositions,
        message:
          `${plural(n, 'row')} ${n === 1 ? 'repeats' : 'repeat'} an earlier row's text and labels (ignoring case, spaces and end punctuation), ` +
          `in ${plural(dupGroups.length, 'group')}: ${described.text}. ` +
          'Repeats teach nothing new, and a copy in each file makes the validation score look better than it is. The fix keeps the first row of each group.',
        fixes: [{ kind: 'drop-duplicates', keep: 'first', positions: dupPositions }],
        details: { groups: described.groups, groupRows: groupNumbers(ctx, dupGroups), ...(dupGroups.length > MAX_GROUPS ? { truncated: true } : {}) },
      }),
    );
  }
  if (conflictGroups.length > 0) {
    const described = describeGroups(ctx, conflictGroups);
    const positions = conflictGroups.flatMap((g) => g.rows);
    results.push(
      ctx.result({
        id: 'conflicting-duplicate',
        severity: 'warning',
        positions,
        message:
          `${plural(positions.length, 'row')} share their text with a row labelled differently, in ${plural(conflictGroups.length, 'group')}: ${described.text}. ` +
          'The model is taught two answers to one question: keep the right label and relabel or remove the others.',
        details: {
          groups: described.groups,
          groupRows: groupNumbers(
            ctx,
            conflictGroups.map((g) => g.rows),
          ),
          ...(conflictGroups.length > MAX_GROUPS ? { truncated: true } : {}),
        },
      }),
    );
  }
  return results;
}

/** Label combinations kept per conflicting group in `details`, and quoted in the message. */
const MAX_LABELS = 20;
const LABELS_IN_MESSAGE = 3;

/** Every group's rows as grid numbers. */
export const groupNumbers = (ctx: CheckContext, groups: readonly (readonly number[])[]): number[][] => groups.map((g) => g.map((r) => ctx.table.rowNumber(r)));

/** The first {@link MAX_GROUPS} groups for `details`, and the first few quoted for the message. */
export function describeGroups(ctx: CheckContext, groups: { rows: number[]; labels?: string[] }[]): { text: string; groups: RowGroup[] } {
  const described: RowGroup[] = groups.slice(0, MAX_GROUPS).map((g) => ({
    rows: g.rows.map((r) => ctx.table.rowNumber(r)),
    text: shorten(ctx.table.cell(g.rows[0]!, ctx.text)),
    ...(g.labels ? { labels: g.labels.slice(0, MAX_LABELS) } : {}),
  }));
  const parts = described.slice(0, GROUPS_IN_MESSAGE).map((g, i) => {
    const rows = g.rows.length <= 4 ? g.rows.join(', ') : `${g.rows.slice(0, 4).join(', ')} and ${(g.rows.length - 4).toLocaleString('en-US')} more`;
    const all = groups[i]!.labels;
    const labels = all
      ? `: ${all
          .slice(0, LABELS_IN_MESSAGE)
          .map((l) => quote(l, 30))
          .join(' vs ')}${all.length > LABELS_IN_MESSAGE ? ` and ${(all.length - LABELS_IN_MESSAGE).toLocaleString('en-US')} more` : ''}`
      : '';
    return `rows ${rows} (${quote(g.text)}${labels})`;
  });
  if (groups.length > GROUPS_IN_MESSAGE) parts.push(`${plural(groups.length - GROUPS_IN_MESSAGE, 'more group')}`);
  return { text: parts.join('; '), groups: described };
}

const shorten = (text: string): string => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
