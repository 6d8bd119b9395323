import { historyInitial } from './initial-state';
import { whenWritable, type Slice } from './context';
import type { HistorySlice } from './types';

/**
 * The changes: each action asks the engine for one commit and returns. What the change did comes
 * back as the engine's change event (see store.ts), which updates the status, the rows on screen
 * and the derived results: one path, whoever made the change.
 */
export const historySlice: Slice<HistorySlice> = (ctx) => (set) => ({
  ...historyInitial,
  async edit(op) {
    if (op.kind === 'set') {
      // Optimistic: the cell shows its new value at once; the change event brings the engine's copy.
      ctx.cache.patch(op.id, (r) => ({ ...r, cells: r.cells.map((c, i) => (i === op.col ? op.value : c)), edited: r.edited | (1 << op.col) }));
      set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
    }
    const r = await whenWritable(ctx, ctx.engine.edit(op), async () => {
      // Refused or lost: show the engine's copy of the row again.
      if (op.kind !== 'set') return;
      const [row] = await ctx.engine.rowsById([op.id]);
      if (row) ctx.cache.patch(op.id, () => row);
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
