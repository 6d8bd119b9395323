import type { CellFixKind, CheckReport, Fix, Severity } from '@/lib/quality';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "3 rows", "1 row". */
export const rowsText = (n: number): string => plural(n, 'row');

/** What a cell fix does, as a verb phrase ("Trim spaces"). */
export const CELL_FIX_VERB: Record<CellFixKind, string> = {
  trim: 'Trim spaces',
  'collapse-spaces': 'Collapse repeated spaces',
  'collapse-whitespace': 'Collapse repeated whitespace',
  'normalise-spaces': 'Replace unusual spaces',
  'remove-invisible': 'Remove invisible characters',
  'remove-control': 'Remove control characters',
  'repair-mojibake': 'Repair garbled characters',
  'remove-formula-quote': 'Remove the apostrophe before = + - @',
};

/** A longer explanation of a cell fix, for the confirm step. */
export const CELL_FIX_DETAIL: Record<CellFixKind, string> = {
  trim: 'Removes spaces at the start and end of each cell.',
  'collapse-spaces': 'Turns runs of spaces into a single space.',
  'collapse-whitespace': 'Turns runs of spaces, tabs and line breaks into a single space.',
  'normalise-spaces': 'Replaces non-breaking and other unusual spaces with ordinary ones.',
  'remove-invisible': 'Deletes zero-width and other invisible characters.',
  'remove-control': 'Deletes control characters that are not meant to be in text.',
  'repair-mojibake': 'Re-reads text that was decoded with the wrong encoding (e.g. “cafÃ©” → “café”).',
  'remove-formula-quote': "Deletes the apostrophe a spreadsheet-safe CSV put before text starting with = + - @ (e.g. “'-2+3” → “-2+3”).",
};

const quote = (s: string): string => `“${s}”`;

/** Joins quoted values: “a”, “b” and “c”. */
export function quotedList(values: readonly string[]): string {
  const q = values.map(quote);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** The fix button's text, e.g. "Trim spaces in inquiry (7 rows)". */
export function fixLabel(fix: Fix): string {
  const n = fix.rows.length;
  switch (fix.kind) {
    case 'drop-duplicates':
      return `Remove ${plural(n, 'repeated row')} (keep the first)`;
    case 'merge-label':
      return `Merge ${quotedList(fix.from)} into ${quote(fix.to)} (${rowsText(n)})`;
    case 'set-labels':
      return `Give each group its most common label (${rowsText(n)})`;
    case 'replace-word':
      return `Replace ${quote(fix.word)} with ${quote(fix.suggestion)} in ${fix.column} (${rowsText(n)})`;
    case 'ignore-word':
      return `Not a typo: ${quote(fix.word)}`;
    default:
      return `${CELL_FIX_VERB[fix.kind]} in ${fix.column} (${rowsText(n)})`;
  }
}

/** One sentence saying what applying the fix will change, for the confirm step. */
export function fixPreview(fix: Fix): string {
  const n = fix.rows.length;
  switch (fix.kind) {
    case 'drop-duplicates':
      return `Deletes ${rowsText(n)} that repeat an earlier row; the first row of each group stays.`;
    case 'merge-label':
      return `Sets ${fix.column} to ${quote(fix.to)} on ${rowsText(n)} now labelled ${quotedList(fix.from)}.`;
    case 'set-labels':
      return `Sets ${fix.columns.join(' and ')} of ${rowsText(n)} to the labels most of their near-duplicates carry.`;
    case 'replace-word':
      return `Replaces the whole word ${quote(fix.word)} with ${quote(fix.suggestion)}, keeping how each is capitalised, in ${rowsText(n)} of ${fix.column}.`;
    case 'ignore-word':
      return `Stops reporting ${quote(fix.word)} as a typo in this session. Changes no row.`;
    default:
      return `${CELL_FIX_DETAIL[fix.kind]} Changes ${rowsText(n)} in ${fix.column}.`;
  }
}

/** "rows 3, 8, 12 and 4 more" — grid numbers, shortened. */
export function rowNumbersText(rows: readonly number[], listed = 5): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, listed).join(', ');
  const more = rows.length - listed;
  const word = rows.length === 1 ? 'Row' : 'Rows';
  return more > 0 ? `${word} ${shown} and ${more} more` : `${word} ${shown}`;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Info' };

/** "2 errors · 3 warnings · 1 note", or null when nothing was found. */
export function summaryText(report: Pick<CheckReport, 'checks'>): string | null {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const c of report.checks) counts[c.severity]++;
  const parts: string[] = [];
  if (counts.error) parts.push(plural(counts.error, 'error'));
  if (counts.warning) parts.push(plural(counts.warning, 'warning'));
  if (counts.info) parts.push(plural(counts.info, 'note'));
  return parts.length ? parts.join(' · ') : null;
}

/** Checks grouped by severity, errors first; empty groups are left out. */
export function groupBySeverity<T extends { severity: Severity }>(checks: readonly T[]): { severity: Severity; checks: T[] }[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, checks: checks.filter((c) => c.severity === severity) })).filter((g) => g.checks.length > 0);
}

/** A stable key for a fix within its check. */
export function fixKey(fix: Fix, index: number): string {
  return `${fix.kind}-${'column' in fix ? fix.column : ''}-${index}`;
}

/** A piece of a cell shown in a fix preview: plain text, or a visible stand-in for a hidden character. */
export interface Segment {
  text: string;
  /** Set for stand-ins: what the hidden character is, for screen readers and the tooltip. */
  hidden?: string;
}

// Spaces at either end or two and more in a row, tabs and line breaks, unusual and invisible spaces, control characters.
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are what this must show
  /^ +| +$| {2,}|\r\n|[\t\n\r\u0085\u2028\u2029]|[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|[\u00ad\u200b-\u200d\u2060\ufeff]|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]/g;

function standIn(ch: string): Segment {
  if (/^ +$/.test(ch)) return { text: '·'.repeat(ch.length), hidden: ch.length === 1 ? 'a space' : `${ch.length} spaces` };
  if (ch === '\t') return { text: '⇥', hidden: 'a tab' };
  if (/^(\r\n|[\n\r\u0085\u2028\u2029])$/.test(ch)) return { text: '↵', hidden: 'a line break' };
  const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  if (/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/.test(ch)) return { text: '⍽', hidden: `an unusual space (${code})` };
  if (/[\u00ad\u200b-\u200d\u2060\ufeff]/.test(ch)) return { text: '◌', hidden: `an invisible character (${code})` };
  return { text: '␀', hidden: `a control character (${code})` };
}

/** Characters of context kept around the first difference when a cell is long. */
const CONTEXT = 60;

/**
 * A cell for a before/after preview: the characters a fix is about made visible (· for stray
 * spaces, ⇥ tab, ↵ line break, ⍽ unusual space, ◌ invisible, ␀ control), long texts cut to the
 * part around `focus` (the first index where before and after differ).
 */
export function previewSegments(value: string, focus = 0): Segment[] {
  let text = value;
  let head = '';
  let tail = '';
  if (text.length > CONTEXT * 2) {
    const start = Math.max(0, Math.min(focus - CONTEXT, text.length - CONTEXT * 2));
    head = start > 0 ? '…' : '';
    tail = start + CONTEXT * 2 < text.length ? '…' : '';
    text = text.slice(start, start + CONTEXT * 2);
  }
  const out: Segment[] = head ? [{ text: head }] : [];
  let last = 0;
  for (const m of text.matchAll(HIDDEN)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push(standIn(m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  if (tail) out.push({ text: tail });
  return out;
}

/** The first index where two strings differ (their common length when one is a prefix). */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return n;
}
