import { fetchPages, refreshView, type Slice } from './context';
import { viewInitial } from './initial-state';
import type { ViewSlice } from './types';

const ACTIVE_EVERY_MS = 100;

/** Which rows the grid shows (sort, filters, search), and the rows it has read. */
export const viewSlice: Slice<ViewSlice> = (ctx) => (set, get) => {
  const refresh = (what = 'updating the rows shown'): Promise<void> => refreshView(ctx, set, get, what);
  const columnName = (col: number): string => get().meta?.header[col] ?? `column ${col + 1}`;
  let lastActive = -Infinity;
  return {
    ...viewInitial,
    async setSort(sort) {
      set({ sort });
      await refresh(sort ? `sorting by ${columnName(sort.col)}` : 'going back to the file order');
    },
    async setFilter(col, values) {
      const filters = { ...get().filters };
      if (values === null) delete filters[col];
      else filters[col] = values;
      set({ filters });
      await refresh(`filtering by ${columnName(col)}`);
    },
    async setSearch(text, col = null) {
      set({ search: { text, col } });
      await refresh(text === '' ? 'clearing the search' : 'searching');
    },
    async setEditedOnly(on) {
      set({ editedOnly: on });
      await refresh();
    },
    async setReviewFilter(statuses) {
      set({ reviewFilter: statuses });
      await refresh();
    },
    async showOnly(ids, label) {
      set({ only: { ids, label } });
      await refresh();
    },
    async clearOnly() {
      set({ only: null });
      await refresh();
    },
    async clearView() {
      set({ filters: {}, search: { text: '', col: null }, editedOnly: false, reviewFilter: null, only: null });
      await refresh();
    },
    rowAt(index) {
      return ctx.cache.get(index);
    },
    async viewIds() {
      return Array.from(await ctx.engine.viewIds());
    },
    ensureRows(start, end) {
      fetchPages(ctx, set, get, ctx.cache.missingPages(Math.max(0, start), Math.min(end, get().length)));
    },
    userActive() {
      // A scroll fires every frame; the engine's quiet period (150 ms) needs a word every 100 ms at most.
      const now = performance.now();
      if (now - lastActive < ACTIVE_EVERY_MS) return;
      lastActive = now;
      // Only a hint: if the engine is being replaced, nothing is lost without it.
      ctx.engine.userActive().catch(() => undefined);
    },
  };
};
