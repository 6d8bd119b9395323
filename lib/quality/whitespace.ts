import { INVISIBLE, INVISIBLE_G, isBlank, isTrimmable, LINE_BREAK_OR_TAB, UNUSUAL_OR_INVISIBLE, UNUSUAL_SPACE, UNUSUAL_SPACE_G } from './chars';
import type { CheckContext, FixDraft } from './context';
import { joinAnd, plural, quote } from './format';
import type { CellFixKind, CheckResult } from './types';

/** Texts read between two pauses. */
const ROWS_PER_STEP = 8192;

/**
 * What can be wrong with the spacing of a cell, and its fix in a text and in a label. `texts`
 * completes "1 text …" / "2 texts …" with `what`; `label` completes "<column> … in N rows".
 */
const KINDS = {
  edges: {
    textFix: 'trim',
    labelFix: 'trim',
    texts: ['starts or ends', 'start or end'],
    what: 'with a space or line break',
    label: 'starts or ends with a space or line break',
  },
  repeated: {
    textFix: 'collapse-spaces',
    labelFix: 'collapse-whitespace',
    texts: ['contains', 'contain'],
    what: 'repeated spaces',
    label: 'contains repeated spaces',
  },
  'line-break': {
    textFix: 'collapse-whitespace',
    labelFix: 'collapse-whitespace',
    texts: ['contains', 'contain'],
    what: 'tabs or line breaks',
    label: 'contains a tab or line break',
  },
  unusual: {
    textFix: 'normalise-spaces',
    labelFix: 'normalise-spaces',
    texts: ['contains', 'contain'],
    what: 'unusual spaces (no-break, thin, ideographic…)',
    label: 'contains an unusual space (no-break, thin, ideographic…)',
  },
  invisible: {
    textFix: 'remove-invisible',
    labelFix: 'remove-invisible',
    texts: ['contains', 'contain'],
    what: 'invisible characters (zero-width space, soft hyphen…)',
    label: 'contains an invisible character (zero-width space, soft hyphen…)',
  },
} as const satisfies Record<string, { textFix: CellFixKind; labelFix: CellFixKind; texts: readonly [string, string]; what: string; label: string }>;

type Kind = keyof typeof KINDS;
const KIND_ORDER = Object.keys(KINDS) as Kind[];

/**
 * The spacing problems of one cell. Line breaks and tabs are normal inside a message, so they count
 * only in labels. A blank cell has none: it is the `empty` check's.
 */
function kindsOf(value: string, isLabel: boolean): Kind[] {
  if (value.length === 0) return [];
  const edges = isTrimmable(value.charCodeAt(0)) || isTrimmable(value.charCodeAt(value.length - 1));
  const special = UNUSUAL_OR_INVISIBLE.test(value);
  if ((edges || special) && isBlank(value)) return [];
  const out: Kind[] = [];
  if (edges) out.push('edges');
  if (isLabel && LINE_BREAK_OR_TAB.test(value)) out.push('line-break');
  else if (value.includes('  ')) out.push('repeated');
  if (special && UNUSUAL_SPACE.test(value)) out.push('unusual');
  if (special && INVISIBLE.test(value)) out.push('invisible');
  return out;
}

/**
 * `whitespace` (warning): spaces a reader does not see — at either end of a cell, repeated, tabs
 * and line breaks inside a label, no-break/thin/ideographic spaces, zero-width characters. They make
 * equal labels different classes and equal texts different examples. Reported as counts (banking77
 * has 454 texts with double spaces: one finding, not 454 messages); each kind in each column gets
 * its own fix (trim, collapse, normalise, remove).
 */
export function* checkWhitespace(ctx: CheckContext): Generator<void, CheckResult[], void> {
  const positions: number[] = [];
  const fixes: FixDraft[] = [];
  const phrases: string[] = [];
  const columns: { column: string; count: number; kinds: Record<string, number> }[] = [];
  for (const col of ctx.used) {
    const isLabel = !ctx.isTextOnly(col);
    const byKind = new Map<Kind, { rows: number[]; example: string }>();
    const note = (r: number, value: string, kinds: readonly Kind[]): void => {
      for (const k of kinds) {
        const found = byKind.get(k);
        if (found === undefined) byKind.set(k, { rows: [r], example: value });
        else found.rows.push(r);
      }
    };
    if (isLabel) {
      // A label column has few distinct values: judge each once.
      const v = ctx.values(col);
      const kindsByCode = v.values.map((value) => kindsOf(value, true));
      for (let r = 0; r < v.codes.length; r++) {
        const code = v.codes[r]!;
        if (kindsByCode[code]!.length > 0) note(r, v.values[code]!, kindsByCode[code]!);
      }
    } else {
      for (let r = 0; r < ctx.rowCount; r++) {
        // A pause every few thousand texts keeps the worker answering (about 40 ms for 100,000).
        if ((r & (ROWS_PER_STEP - 1)) === ROWS_PER_STEP - 1) yield;
        const value = ctx.table.cell(r, col);
        const kinds = kindsOf(value, false);
        if (kinds.length > 0) note(r, value, kinds);
      }
    }
    if (byKind.size === 0) continue;
    const column = ctx.name(col);
    const kinds: Record<string, number> = {};
    const inColumn = new Set<number>();
    for (const kind of KIND_ORDER) {
      const found = byKind.get(kind);
      if (found === undefined) continue;
      const { rows, example } = found;
      kinds[kind] = rows.length;
      rows.forEach((r) => inColumn.add(r));
      positions.push(...rows);
      fixes.push({ kind: isLabel ? KINDS[kind].labelFix : KINDS[kind].textFix, col, column, positions: rows });
      phrases.push(
        isLabel
          ? `${column} ${KINDS[kind].label} in ${plural(rows.length, 'row')} (${quote(example)})`
          : `${plural(rows.length, 'text')} ${KINDS[kind].texts[rows.length === 1 ? 0 : 1]} ${KINDS[kind].what}`,
      );
    }
    columns.push({ column, count: inColumn.size, kinds });
  }
  if (columns.length === 0) return [];
  const rows = new Set(positions).size;
  return [
    ctx.result({
      id: 'whitespace',
      severity: 'warning',
      positions,
      message:
        `${plural(rows, 'row')} ${rows === 1 ? 'has' : 'have'} spaces out of place: ${joinAnd(phrases)}. ` +
        'They are hard to see, and make equal labels or texts count as different ones.',
      fixes,
      details: { columns },
    }),
  ];
}

/** The cell fixes of this check; every flagged cell is changed by its fix. */
export function fixSpacing(kind: 'trim' | 'collapse-spaces' | 'collapse-whitespace' | 'normalise-spaces' | 'remove-invisible', value: string): string {
  switch (kind) {
    case 'trim':
      return value.trim();
    case 'collapse-spaces':
      return value.replace(/ {2,}/g, ' ');
    case 'collapse-whitespace':
      return value.replace(/\s+/g, ' ');
    case 'normalise-spaces':
      return value.replace(UNUSUAL_SPACE_G, ' ');
    case 'remove-invisible':
      return value.replace(INVISIBLE_G, '');
  }
}
