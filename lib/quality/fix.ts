import type { Change, Dataset, Patch } from '../dataset';
import { deleteRows, renameValue, uniqueLiveIds } from '../dataset';
import { removeControl, repairMojibake } from './encoding';
import { removeFormulaQuote } from './formula-quote';
import { plural, quote } from './format';
import type { CellFixKind, Fix } from './types';
import { replaceWord } from './typo';
import { fixSpacing } from './whitespace';

/** The new text of a cell under a cell fix (unchanged when the fix does not apply to it). */
export function cleanCell(kind: CellFixKind, value: string): string {
  switch (kind) {
    case 'remove-control':
      return removeControl(value);
    case 'repair-mojibake':
      return repairMojibake(value);
    case 'remove-formula-quote':
      return removeFormulaQuote(value);
    default:
      return fixSpacing(kind, value);
  }
}

const FIX_LABELS: Record<CellFixKind, string> = {
  trim: 'Trim spaces',
  'collapse-spaces': 'Collapse repeated spaces',
  'collapse-whitespace': 'Collapse spaces and line breaks',
  'normalise-spaces': 'Replace unusual spaces',
  'remove-invisible': 'Remove invisible characters',
  'remove-control': 'Remove control characters',
  'repair-mojibake': 'Repair garbled characters',
  'remove-formula-quote': 'Remove the apostrophe before = + - @',
};

/**
 * A fix as one undoable change on the dataset as it is now (null when it would change nothing).
 * Cell fixes are recomputed from the current values of the fix's rows; a merge renames the variant
 * wherever it still occurs; dropping duplicates deletes the listed rows that are still live.
 */
export function fixChange(ds: Dataset, fix: Fix): Change | null {
  switch (fix.kind) {
    case 'drop-duplicates': {
      const change = deleteRows(ds, fix.rowIds);
      return change && { ...change, label: `Remove ${plural(change.patches.length, 'duplicate row')}` };
    }
    case 'merge-label':
      return renameValue(ds, fix.col, fix.from, fix.to);
    case 'set-labels':
      return setLabels(ds, fix);
    case 'replace-word':
      return replaceWordChange(ds, fix);
    case 'ignore-word':
      // Changes no cell: the app adds the word to the session's ignore list.
      return null;
    default: {
      const patches: Patch[] = [];
      for (const id of uniqueLiveIds(ds, fix.rowIds)) {
        const before = ds.cell(id, fix.col);
        const after = cleanCell(fix.kind, before);
        if (after !== before) patches.push({ op: 'set', rowId: id, col: fix.col, before, after });
      }
      if (patches.length === 0) return null;
      return { label: `${FIX_LABELS[fix.kind]} in ${fix.column} (${plural(patches.length, 'row')})`, patches };
    }
  }
}

/** Each group's live rows get the group's labels; cells already holding them are left alone. */
function setLabels(ds: Dataset, fix: Extract<Fix, { kind: 'set-labels' }>): Change | null {
  const patches: Patch[] = [];
  let groups = 0;
  for (const group of fix.groups) {
    const before = patches.length;
    for (const id of uniqueLiveIds(ds, group.rowIds)) {
      fix.cols.forEach((col, i) => {
        const value = ds.cell(id, col);
        const after = group.to[i]!;
        if (value !== after) patches.push({ op: 'set', rowId: id, col, before: value, after });
      });
    }
    if (patches.length > before) groups++;
  }
  if (patches.length === 0) return null;
  const rows = new Set(patches.map((p) => p.rowId)).size;
  return { label: `Give ${plural(groups, 'group')} of near-duplicates their most common labels (${plural(rows, 'row')})`, patches };
}

/** The word replaced, whole and in the case each occurrence is written, in the fix's rows that still hold it. */
function replaceWordChange(ds: Dataset, fix: Extract<Fix, { kind: 'replace-word' }>): Change | null {
  const patches: Patch[] = [];
  for (const id of uniqueLiveIds(ds, fix.rowIds)) {
    const before = ds.cell(id, fix.col);
    const after = replaceWord(before, fix.word, fix.suggestion);
    if (after !== before) patches.push({ op: 'set', rowId: id, col: fix.col, before, after });
  }
  if (patches.length === 0) return null;
  return { label: `Replace ${quote(fix.word)} with ${quote(fix.suggestion)} in ${fix.column} (${plural(patches.length, 'row')})`, patches };
}

/** One cell a fix would change, for the preview shown before it is applied. */
export interface FixSample {
  /** Grid row number. */
  row: number;
  column: string;
  before: string;
  after: string;
}

/**
 * What a fix would do to the dataset as it is now: how many rows it changes, and the first few
 * cells before and after (for a row deletion, the row's `textCol` and an empty `after`).
 */
export function fixSamples(ds: Dataset, fix: Fix, textCol: number, limit = 5): { rows: number; samples: FixSample[] } {
  const change = fixChange(ds, fix);
  if (!change) return { rows: 0, samples: [] };
  const samples: FixSample[] = [];
  for (const p of change.patches) {
    if (samples.length >= limit) break;
    if (p.op === 'set') samples.push({ row: ds.rowNumber(p.rowId), column: ds.header[p.col]!, before: p.before, after: p.after });
    else if (p.op === 'delete') samples.push({ row: ds.rowNumber(p.rowId), column: ds.header[textCol] ?? '', before: p.values[textCol] ?? '', after: '' });
  }
  return { rows: new Set(change.patches.map((p) => p.rowId)).size, samples };
}
