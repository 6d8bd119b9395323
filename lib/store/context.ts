import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { ViewQuery } from '../dataset';
import type { EngineApi, EngineClient } from '../engine';
import type { Remote } from '../rpc';
import { Latest } from './latest';
import { PAGE, RowCache } from './row-cache';
import type { TrainsetState } from './types';

/** A download announced to the browser (see StoreDeps.openStream): hand `port` to the writer, then `start()` it. */
export interface StreamedDownload {
  /** The writer's end: the data worker sends the file's bytes here. */
  port: MessagePort;
  /** Starts the browser's download of the file (the writer may start before or after). */
  start(): void;
  /** Called with the bytes the browser has been given so far (for the status line). */
  onProgress(listener: (bytes: number) => void): void;
  /** The writer failed: end the download as failed in the browser, with `message`. */
  abort(message: string): void;
}

/** What the store needs from the outside world; the app passes the real ones, tests pass fakes of the browser parts. */
export interface StoreDeps {
  engine: EngineClient;
  /** Fetch the bundled sample dataset. */
  fetchSample(): Promise<File>;
  /** Hand a file to the user (an <a download> in the app). */
  save(blob: Blob, fileName: string): void;
  /**
   * Announce a file to be streamed into the browser's downloads (the download service worker in the
   * app); null, or absent, when that cannot be done here: the file is then saved from a Blob.
   */
  openStream?(fileName: string): Promise<StreamedDownload | null>;
  /** Build a zip (fflate in the app). */
  zip(files: Record<string, Uint8Array>): Uint8Array;
}

/** What the slices share: the engine, the row cache beside the store, and the derived queries. */
export interface StoreContext {
  deps: StoreDeps;
  engine: Remote<EngineApi>;
  cache: RowCache;
  queries: Record<'distribution' | 'split' | 'checks' | 'slowChecks' | 'suspects' | 'formats' | 'tokens', Latest>;
  /** Show a notice about the engine (set once the store exists). */
  notify(notice: { tone: 'info' | 'danger'; message: string }): void;
  /** Refresh the derived results soon: after a burst of changes (typing), once. Set once the store exists. */
  refreshSoon(): void;
}

export type Slice<T> = (ctx: StoreContext) => StateCreator<TrainsetState, [], [], T>;
export type Set = StoreApi<TrainsetState>['setState'];
export type Get = () => TrainsetState;

export function createContext(deps: StoreDeps): StoreContext {
  const latest = (): Latest => new Latest();
  return {
    deps,
    engine: deps.engine.api,
    cache: new RowCache(),
    queries: { distribution: latest(), split: latest(), checks: latest(), slowChecks: latest(), suspects: latest(), formats: latest(), tokens: latest() },
    notify: () => {},
    refreshSoon: () => {},
  };
}

/** The engine's view query for the grid's sort, filters and search. */
export function viewQuery(s: TrainsetState): ViewQuery {
  return {
    ...(s.sort ? { sort: s.sort } : {}),
    filters: Object.entries(s.filters).map(([col, values]) => ({ col: Number(col), values })),
    ...(s.search.text ? { search: s.search } : {}),
    editedOnly: s.editedOnly,
    ...(s.reviewFilter ? { review: s.reviewFilter } : {}),
    ...(s.only ? { ids: s.only.ids } : {}),
  };
}

/** The key the cached rows are read under: the view's query and the revision it was computed at. */
export const viewKey = (s: TrainsetState, revision = s.status.revision): string => `${JSON.stringify(viewQuery(s))}@${revision}`;

/** Send the view's query to the engine; the answer is used only if the query is still the one on screen. */
export async function refreshView(ctx: StoreContext, set: Set, get: Get, what?: string): Promise<void> {
  const query = JSON.stringify(viewQuery(get()));
  // What the user asked for is said until its rows are shown (or a newer request takes its place).
  const pending = what === undefined ? null : { what };
  if (pending) set({ viewPending: pending });
  try {
    const r = await ctx.engine.setView(viewQuery(get()));
    if (JSON.stringify(viewQuery(get())) !== query) return;
    set({ length: r.length, status: r.status });
    ctx.cache.reset(viewKey(get()));
    set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
  } finally {
    if (pending && get().viewPending === pending) set({ viewPending: null });
  }
}

/** Read pages of the view into the cache (pages read for a view since replaced are dropped). */
export function fetchPages(ctx: StoreContext, set: Set, get: Get, pages: number[]): void {
  // Neighbouring pages are read in one call and shown in one render (a jump shows two or three at once).
  for (const run of consecutiveRuns(pages)) {
    const keys = run.map((page) => ctx.cache.fetching(page));
    ctx.engine.rows(run[0]! * PAGE, run.length * PAGE).then(
      (rows) => {
        let filled = false;
        run.forEach((page, k) => {
          filled = ctx.cache.fill(page, rows.slice(k * PAGE, (k + 1) * PAGE), keys[k]!, get().length) || filled;
        });
        if (filled) set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
      },
      // A read that failed (the engine restarting) is asked again when the grid next needs the page.
      () => run.forEach((page, k) => ctx.cache.abandon(page, keys[k]!)),
    );
  }
}

/** Pages read in one call at most: a window's worth, not every page held when a view changes. */
const PAGES_PER_READ = 4;

/** Page numbers grouped into runs of consecutive pages, in order. */
function consecutiveRuns(pages: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const page of [...pages].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.length < PAGES_PER_READ && last[last.length - 1] === page - 1) last.push(page);
    else runs.push([page]);
  }
  return runs;
}

/**
 * A change the engine refused because this tab is read-only is not an error here (the page says
 * the tab is read-only already), nor one lost because the engine stopped (the page says that, and
 * the rebuilt session shows whether it was made): both resolve to null, after `undo` puts back
 * what was shown.
 */
export async function whenWritable<T>(ctx: StoreContext, call: Promise<T>, undo: () => Promise<void> = async () => {}): Promise<T | null> {
  try {
    return await call;
  } catch (e) {
    await undo().catch(() => undefined);
    if (e instanceof Error && e.name === 'ReadOnlyError') return null;
    if (e instanceof Error && e.name === 'EngineStoppedError') {
      ctx.notify({ tone: 'info', message: `${e.message} Your last change may not have been made: check it, and make it again if it is missing.` });
      return null;
    }
    throw e;
  }
}
