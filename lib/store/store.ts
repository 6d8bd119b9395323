import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClientEvent } from '../engine';
import { createContext, fetchPages, refreshView, viewKey, type StoreContext, type StoreDeps } from './context';
import { datasetSlice } from './dataset-slice';
import { derivedSlice } from './derived-slice';
import { exportSlice } from './export-slice';
import { historySlice } from './history-slice';
import { reviewSlice } from './review-slice';
import type { TrainsetState } from './types';
import { viewSlice } from './view-slice';

/** Charts and checks follow edits, but not every keystroke of a burst. */
const DERIVED_DELAY_MS = 150;

/**
 * The app's state: one zustand store combined from its slices, each in its own file. Actions are
 * thin calls into the engine; what a change did comes back on the engine's event channel, which
 * this function routes (see {@link onEngineEvent}).
 */
export function createTrainsetStore(deps: StoreDeps): StoreApi<TrainsetState> {
  const ctx = createContext(deps);
  const store = createStore<TrainsetState>()((...a) => ({
    ...datasetSlice(ctx)(...a),
    ...viewSlice(ctx)(...a),
    ...historySlice(ctx)(...a),
    ...exportSlice(ctx)(...a),
    ...derivedSlice(ctx)(...a),
    ...reviewSlice(ctx)(...a),
  }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  ctx.refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void store.getState().refreshDerived(), DERIVED_DELAY_MS);
  };
  ctx.notify = (engineNotice) => store.setState({ engineNotice });
  store.setState({ saveState: deps.engine.saveState });
  deps.engine.on((event) => onEngineEvent(ctx, store, event));
  return store;
}

/** The one place the page hears the engine: progress, changes, the save state, restarts. */
function onEngineEvent(ctx: StoreContext, store: StoreApi<TrainsetState>, event: ClientEvent): void {
  const { setState: set, getState: get } = store;
  switch (event.type) {
    case 'progress':
      if ('task' in event.progress) set(event.progress.task === 'tokens' ? { tokenProgress: event.progress } : { suspectProgress: event.progress });
      else set({ progress: event.progress });
      return;
    case 'saving':
      set({ saveState: event.state });
      return;
    case 'changed': {
      // The values listed for a column's combobox are stale where the change touched it: they reload on open.
      const values = { ...get().values };
      for (const c of event.cols) delete values[c];
      set({ status: event.status, length: event.length, values });
      // "Change columns" and its undo: the grid's columns, the charts and the checks follow the new roles.
      const meta = get().meta;
      if (meta && JSON.stringify(meta.mapping) !== JSON.stringify(event.mapping)) set({ meta: { ...meta, mapping: event.mapping } });
      if (event.viewChanged) {
        // Rows came or went: read again the pages on show (the old rows stay until the new arrive).
        fetchPages(ctx, set, get, ctx.cache.stale(viewKey(get(), event.revision)));
      } else {
        const ids = ctx.cache.cachedIds(event.rows);
        if (ids.length > 0) {
          void ctx.engine.rowsById(ids).then(
            (rows) => {
              for (const row of rows) if (row) ctx.cache.patch(row.id, () => row);
              set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
            },
            () => undefined,
          );
        }
      }
      ctx.refreshSoon();
      return;
    }
    case 'restarted':
      ctx.notify({ tone: 'info', message: event.message });
      // A new engine: it knows the rows, not what this page shows of them.
      for (const q of Object.values(ctx.queries)) q.reset();
      if (get().phase === 'ready' || get().phase === 'mapping') void refreshView(ctx, set, get).then(() => get().refreshDerived());
      return;
    case 'fatal':
      ctx.notify({ tone: 'danger', message: `${event.message} Download the cleaned CSV if you can, then reload the page.` });
      return;
    default:
      return;
  }
}

export type { StoreDeps };
