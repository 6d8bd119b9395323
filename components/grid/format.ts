import type { ReplacePlan } from '@/lib/dataset';

const numbers = new Intl.NumberFormat('en-US');

/** "1 row", "2,000 rows". */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${numbers.format(n)} ${n === 1 ? singular : plural}`;
}

/** The status line: "2,000 rows", "Showing 120 of 2,000 rows", with edited cells when any. */
export function statusText(view: number, total: number, filtered: boolean, editedCells: number): string {
  const rows = filtered ? `Showing ${numbers.format(view)} of ${countOf(total, 'row')}` : countOf(total, 'row');
  return editedCells > 0 ? `${rows} · ${countOf(editedCells, 'edited cell')}` : rows;
}

/** "12 cells in 9 rows". */
export function replaceSummary(cells: number, rows: number): string {
  return `${countOf(cells, 'cell')} in ${countOf(rows, 'row')}`;
}

/** The find & replace preview line. */
export function replaceMessage(find: string, plan: ReplacePlan | null): string {
  if (find === '') return 'Type the text to find.';
  if (!plan) return 'Looking…';
  if (!plan.ok) return plan.error;
  return plan.cells === 0 ? 'No cells match.' : `${replaceSummary(plan.cells, plan.rows)} will change.`;
}

type ColumnNames = readonly { col: number; title: string; kind: string }[];
const titleOf = (columns: ColumnNames, col: number): string => columns.find((c) => c.col === col)?.title ?? `column ${col + 1}`;

/** The changes of a find & replace per column: "inquiry: 190 · category: 8". */
export function replaceByColumn(perColumn: readonly { col: number; cells: number }[], columns: ColumnNames): string {
  return perColumn.map((p) => `${titleOf(columns, p.col)}: ${p.cells.toLocaleString('en-US')}`).join(' · ');
}

/** When a replace changes label columns, it renames classes: say so, and where renaming is done on purpose. */
export function labelChangeWarning(perColumn: readonly { col: number; cells: number }[], columns: ColumnNames): string | null {
  const labels = perColumn.filter((p) => columns.find((c) => c.col === p.col)?.kind === 'label');
  if (labels.length === 0) return null;
  const list = labels.map((p) => `${titleOf(columns, p.col)}: ${p.cells.toLocaleString('en-US')}`).join(', ');
  return `This also changes labels (${list} ${labels.length === 1 && labels[0]!.cells === 1 ? 'cell' : 'cells'}), which renames classes. To rename a label everywhere, use Manage labels in the Distribution card.`;
}

/**
 * The part of a cell a replace changes, with a little text on each side: a long text that changes
 * near its end shows the change, not its first words. Cut ends are marked with "…".
 */
export function changedPart(before: string, after: string, context = 16): { before: string; after: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const from = Math.max(0, start - context);
  const cut = (text: string): string => {
    const to = Math.min(text.length, text.length - end + context);
    return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  };
  return { before: cut(before), after: cut(after) };
}
