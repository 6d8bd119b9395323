import { historyInitial } from './initial-state';
import { whenWritable, type Slice } from './context';
import type { HistorySlice } from './types';

/**
 * The changes: each action asks the engine for one commit and returns. What the change did comes
 * back as the engine's change event (see store.ts), which updates the status, the rows on screen
 * and the derived results: one path, whoever made the change.
 */
export const historySlice: Slice<HistorySlice> = (ctx) => (set, get) => ({
  ...historyInitial,
  async edit(op) {
    const row = op.kind === 'set' ? { id: op.id, cells: [{ col: op.col, value: op.value }] } : op.kind === 'set-row' ? op : null;
    if (row) {
      const { cells } = row;
      // Optimistic: the cells show their new values at once; the change event brings the engine's copy.
      ctx.cache.patch(row.id, (r) => ({
        ...r,
        cells: r.cells.map((c, i) => cells.find((x) => x.col === i)?.value ?? c),
        edited: cells.reduce((bits, x) => bits | (1 << x.col), r.edited),
      }));
      set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
    }
    const r = await whenWritable(ctx, ctx.engine.edit(op), async () => {
      // Refused or lost: show the engine's copy of the row again.
      if (!row) return;
      const [current] = await ctx.engine.rowsById([row.id]);
      if (current) ctx.cache.patch(row.id, () => current);
      set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
    });
    return r?.addedId !== undefined ? { addedId: r.addedId } : {};
  },
  async undo() {
    await whenWritable(ctx, ctx.engine.undo());
  },
  async redo() {
    await whenWritable(ctx, ctx.engine.redo());
  },
  async applyFix(fix) {
    if (fix.kind === 'ignore-word') {
      // "Not a typo" changes no row: the word joins the session's ignore list, and the checks run again.
      const { choices, setChoices } = get();
      if (!choices.ignoreWords.includes(fix.word)) setChoices({ ignoreWords: [...choices.ignoreWords, fix.word] });
      return;
    }
    await whenWritable(ctx, ctx.engine.applyFix(fix));
  },
  planReplace(query) {
    return ctx.engine.planReplace(query);
  },
  async loadValues(col) {
    const values = await ctx.engine.values(col);
    set((s) => ({ values: { ...s.values, [col]: values } }));
  },
});
