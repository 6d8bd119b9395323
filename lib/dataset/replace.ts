import { quoteForLabel } from './changes';
import type { Dataset } from './dataset';
import type { Change, Patch, RowId } from './types';

export interface ReplaceQuery {
  find: string;
  replace: string;
  /** `find` is a JS regular expression and `replace` may use `$1`, `$<name>`, `$&`, `$$`. */
  regex: boolean;
  caseSensitive: boolean;
  /** Only cells whose whole text matches (with `find: ''`: the empty cells). */
  wholeCell?: boolean;
  /** null = all columns. */
  col: number | null;
  /** Limit to these rows (e.g. the current view, whose order the preview follows); default: all live rows in file order. */
  ids?: Iterable<RowId>;
}

export interface ReplacePreview {
  id: RowId;
  col: number;
  before: string;
  after: string;
}

export type ReplacePlan =
  | {
      ok: true;
      change: Change | null;
      cells: number;
      rows: number;
      preview: ReplacePreview[];
      /** Cells that change in each column (columns with none left out), in column order. */
      perColumn: { col: number; cells: number }[];
    }
  | { ok: false; error: string };

const PREVIEW = 50;

/** Escape every character with a meaning in a `u`-mode pattern (`-` must not be escaped there). */
export function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Plan a find & replace: the change (one undo step) and what it would do, without doing it.
 *
 * Matching follows `String.prototype.replace` with the flags `g`, `u` and, unless case-sensitive,
 * `i`; every match is replaced, including empty ones, as in editors and `sed`: `^` inserts at the
 * start of each cell (empty cells included), `$` appends, and `x*` inserts between characters
 * ("abc" → "-a-b-c-"). This never loops: JS steps past an empty match by one code point (so an
 * emoji is not split in two). An empty `find` is refused unless `wholeCell` (then it means "the
 * empty cells"). A pattern that is not valid is an error value in plain words, not an exception.
 *
 * Only cells whose text actually changes are counted and patched; `cells` is the number of patches.
 * A pathological pattern (catastrophic backtracking) can still run long: it runs in the worker,
 * which the app can terminate.
 */
export function planReplace(ds: Dataset, q: ReplaceQuery): ReplacePlan {
  if (q.find === '' && !q.wholeCell) return { ok: false, error: 'Type the text to find.' };
  if (q.col !== null && (!Number.isInteger(q.col) || q.col < 0 || q.col >= ds.width)) return { ok: false, error: `There is no column ${q.col}.` };
  let source = q.regex ? q.find : escapeRegExp(q.find);
  if (q.wholeCell) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    re = new RegExp(source, q.caseSensitive ? 'gu' : 'giu');
  } catch (e) {
    return { ok: false, error: regexError(e) };
  }
  // In plain mode the replacement is literal text: a function keeps "$1" or "$&" as typed.
  const replacement = q.replace;
  const replaceIn = q.regex ? (s: string): string => s.replace(re, replacement) : (s: string): string => s.replace(re, () => replacement);

  const ids = q.ids === undefined ? ds.liveIdsShared() : liveInOrder(ds, q.ids);
  const cols = q.col === null ? ds.header.map((_, c) => c) : [q.col];
  const columns = cols.map((c) => ds.column(c));
  const patches: Patch[] = [];
  const preview: ReplacePreview[] = [];
  const counts = new Array<number>(cols.length).fill(0);
  let rows = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let changed = false;
    for (let k = 0; k < cols.length; k++) {
      const before = columns[k]![id]!;
      const after = replaceIn(before);
      if (after === before) continue;
      const col = cols[k]!;
      patches.push({ op: 'set', rowId: id, col, before, after });
      counts[k]!++;
      if (preview.length < PREVIEW) preview.push({ id, col, before, after });
      changed = true;
    }
    if (changed) rows++;
  }
  const where = q.col === null ? '' : ` in ${ds.header[q.col]}`;
  const change: Change | null =
    patches.length === 0
      ? null
      : {
          label: `Replace ${quoteForLabel(q.find)} with ${quoteForLabel(q.replace)}${where} (${patches.length} ${patches.length === 1 ? 'cell' : 'cells'})`,
          patches,
        };
  const perColumn = cols.map((col, k) => ({ col, cells: counts[k]! })).filter((c) => c.cells > 0);
  return { ok: true, change, cells: patches.length, rows, preview, perColumn };
}

/** Live ids each once, in the order given (the view's), so the preview shows what the user sees first. */
function liveInOrder(ds: Dataset, ids: Iterable<RowId>): Int32Array {
  const seen = new Uint8Array(ds.capacity);
  const out: number[] = [];
  for (const id of ids) {
    if (!ds.isLive(id) || seen[id] === 1) continue;
    seen[id] = 1;
    out.push(id);
  }
  return Int32Array.from(out);
}

/** "Invalid regular expression: /(/giu: Unterminated group" → a sentence for the find bar. */
function regexError(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const reason = raw.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '').replace(/^Invalid regular expression: /, '');
  return `Invalid regular expression: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}. Check the pattern, or turn off "Regular expression" to find the text exactly as typed.`;
}
