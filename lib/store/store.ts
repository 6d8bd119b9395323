import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import type { ViewQuery } from '../dataset';
import { DEFAULT_CHOICES, type EngineApi, type ExportChoices, type RowView } from '../engine';
import { DEFAULT_SYSTEM_PROMPT } from '../export';
import { parseTestSize, pythonFloatRepr } from '../split';
import type { DatasetSlice, DownloadKind, ExportSlice, HistorySlice, TrainsetState, ViewSlice } from './types';

/** What the store needs from the outside world; the app passes the real ones, tests pass fakes of the browser parts. */
export interface StoreDeps {
  engine: EngineApi;
  /** Fetch the bundled sample dataset. */
  fetchSample(): Promise<File>;
  /** Hand a file to the user (an <a download> in the app). */
  save(blob: Blob, fileName: string): void;
  /** Build a zip (fflate in the app). */
  zip(files: Record<string, Uint8Array>): Uint8Array;
}

const PAGE = 200;
/**
 * Above this many rows the quality checks (about 4 s at 1M rows) do not follow every edit, which
 * would keep the worker busy and stall scrolling; the Issues panel offers to run them instead.
 */
export const AUTO_CHECK_MAX_ROWS = 200_000;
/**
 * Up to this many rows tokens are counted after every change (the first count takes about 10 µs a
 * row, later ones only recount edited texts); above it, when the user asks.
 */
export const AUTO_TOKENS_MAX_ROWS = 20_000;
const EMPTY_STATUS = { rows: 0, editedCells: 0, canUndo: false, canRedo: false, undoLabel: null, redoLabel: null, revision: 0 };

type Slice<T> = StateCreator<TrainsetState, [], [], T>;

/**
 * The row cache lives beside the store, not in it: the grid reads rows by view position and
 * re-renders on `rowsVersion`; storing thousands of row objects in state would copy them on every set.
 */
class RowCache {
  private rows = new Map<number, RowView>();
  private pending = new Set<number>();
  clear(): void {
    this.rows = new Map();
    this.pending.clear();
  }
  get(i: number): RowView | undefined {
    return this.rows.get(i);
  }
  /** Pages of [start, end) not cached nor being fetched. */
  missingPages(start: number, end: number): number[] {
    const pages: number[] = [];
    for (let p = Math.floor(start / PAGE); p * PAGE < end; p++) {
      if (this.pending.has(p) || this.rows.has(p * PAGE)) continue;
      pages.push(p);
    }
    return pages;
  }
  fetching(page: number): void {
    this.pending.add(page);
  }
  fill(page: number, rows: RowView[]): void {
    this.pending.delete(page);
    rows.forEach((r, k) => this.rows.set(page * PAGE + k, r));
  }
  /** Update a cached row in place (optimistic edit). */
  patch(id: number, update: (r: RowView) => RowView): void {
    for (const [i, r] of this.rows) if (r.id === id) this.rows.set(i, update(r));
  }
}

export function createTrainsetStore(deps: StoreDeps): StoreApi<TrainsetState> {
  const cache = new RowCache();
  let generation = 0;
  let tokenGeneration = 0;
  /** Encodings the checks have run with since they were loaded (the worker keeps them). */
  const checkedWith = new Set<string>();

  const viewQuery = (s: TrainsetState): ViewQuery => ({
    ...(s.sort ? { sort: s.sort } : {}),
    filters: Object.entries(s.filters).map(([col, values]) => ({ col: Number(col), values })),
    ...(s.search.text ? { search: s.search } : {}),
    editedOnly: s.editedOnly,
    ...(s.only ? { ids: s.only.ids } : {}),
  });

  /** While another tab owns the session, nothing here may change it (nor its saved copy). */
  const readOnly = (): boolean => store.getState().otherTab;

  const datasetSlice: Slice<DatasetSlice> = (set, get) => {
    const afterLoad = async (): Promise<void> => {
      cache.clear();
      // Nothing computed from the previous file may show on this one (counts, checks, ids to show).
      tokenGeneration++;
      set({
        sort: null,
        filters: {},
        search: { text: '', col: null },
        editedOnly: false,
        only: null,
        values: {},
        distribution: null,
        split: null,
        checks: null,
        preview: null,
        formatStates: null,
        exportProblems: null,
        tokenReport: null,
        tokenReportStale: false,
        tokenProgress: null,
        tokenError: null,
      });
      await get().clearView();
      void get().refreshDerived();
    };
    const load = async (file: File): Promise<void> => {
      if (readOnly()) return;
      const previous = get().phase;
      set({ phase: 'loading', progress: { bytesRead: 0, totalBytes: file.size, rows: 0 }, loadError: null });
      try {
        const outcome = await deps.engine.load(file, file.name, {});
        if (!outcome.ok) {
          // The previous dataset is untouched in the engine; go back to where the user was.
          set({ phase: previous === 'loading' ? 'empty' : previous, progress: null, loadError: { fileName: file.name, problem: outcome.problem } });
          return;
        }
        set({ meta: outcome.meta, progress: null, restored: null, phase: outcome.meta.mapping ? 'ready' : 'mapping' });
        // A training file read back keeps its own system prompt, so exporting it again changes only what
        // was edited; but a prompt the user wrote stays (the Format check card offers the file's).
        const prompt = outcome.meta.jsonl?.info.systemPrompt;
        if (prompt != null && get().choices.systemPrompt === DEFAULT_SYSTEM_PROMPT && prompt !== DEFAULT_SYSTEM_PROMPT)
          get().setChoices({ systemPrompt: prompt });
        await afterLoad();
      } catch (e) {
        set({
          phase: previous === 'loading' ? 'empty' : previous,
          progress: null,
          loadError: { fileName: file.name, problem: { code: 'binary-file', message: `it could not be read (${(e as Error).message}). Try another file.` } },
        });
      }
    };
    return {
      phase: 'starting',
      progress: null,
      meta: null,
      loadError: null,
      restored: null,
      otherTab: false,
      upload: load,
      async loadSample() {
        let file: File;
        try {
          file = await deps.fetchSample();
        } catch (e) {
          set({
            loadError: { fileName: 'the sample dataset', problem: { code: 'empty-file', message: `${(e as Error).message}. Reload the page and try again.` } },
          });
          return;
        }
        await load(file);
      },
      async restore() {
        try {
          const saved = await deps.engine.restore();
          if (!saved) {
            set({ phase: 'empty' });
            return;
          }
          set({
            meta: saved.meta,
            status: saved.status,
            choices: saved.choices,
            testSizeText: testSizeToText(saved.choices),
            restored: { savedAt: saved.savedAt, droppedEdits: saved.droppedEdits, droppedSettings: saved.droppedSettings },
            phase: saved.meta.mapping ? 'ready' : 'mapping',
          });
          await afterLoad();
        } catch {
          set({ phase: 'empty' });
        }
      },
      async startOver() {
        if (readOnly()) return;
        await deps.engine.forget();
        cache.clear();
        tokenGeneration++;
        set({
          phase: 'empty',
          meta: null,
          loadError: null,
          restored: null,
          status: EMPTY_STATUS,
          length: 0,
          distribution: null,
          split: null,
          checks: null,
          preview: null,
          summary: null,
          exportProblems: null,
          formatStates: null,
          tokenReport: null,
          tokenReportStale: false,
          tokenProgress: null,
          tokenError: null,
          choices: DEFAULT_CHOICES,
          testSizeText: '20%',
        });
      },
      async confirmMapping(mapping) {
        if (readOnly()) return 'This tab is read-only while Trainset is open in another tab.';
        const r = await deps.engine.setMapping(mapping);
        if (!r.ok) return r.error;
        const meta = get().meta;
        set({ meta: meta ? { ...meta, mapping } : meta, phase: 'ready' });
        void get().refreshDerived();
        return null;
      },
      async takeBadRow(index) {
        if (readOnly()) return;
        const r = await deps.engine.takeBadRow(index);
        const meta = get().meta;
        if (meta) set({ meta: { ...meta, badRows: r.badRows } });
        afterEdit(set, get, r);
      },
      async dropBadRow(index) {
        if (readOnly()) return;
        const badRows = await deps.engine.dropBadRow(index);
        const meta = get().meta;
        if (meta) set({ meta: { ...meta, badRows } });
      },
      dismissLoadError() {
        set({ loadError: null });
      },
      dismissRestored() {
        set({ restored: null });
      },
      setOtherTab(other) {
        set({ otherTab: other });
      },
    };
  };

  const refreshView = async (set: StoreApi<TrainsetState>['setState'], get: () => TrainsetState): Promise<void> => {
    const mine = ++generation;
    const r = await deps.engine.setView(viewQuery(get()));
    if (mine !== generation) return;
    cache.clear();
    set((s) => ({ length: r.length, status: r.status, rowsVersion: s.rowsVersion + 1 }));
  };

  const viewSlice: Slice<ViewSlice> = (set, get) => ({
    sort: null,
    filters: {},
    search: { text: '', col: null },
    editedOnly: false,
    only: null,
    length: 0,
    rowsVersion: 0,
    async setSort(sort) {
      set({ sort });
      await refreshView(set, get);
    },
    async setFilter(col, values) {
      const filters = { ...get().filters };
      if (values === null) delete filters[col];
      else filters[col] = values;
      set({ filters });
      await refreshView(set, get);
    },
    async setSearch(text, col = null) {
      set({ search: { text, col } });
      await refreshView(set, get);
    },
    async setEditedOnly(on) {
      set({ editedOnly: on });
      await refreshView(set, get);
    },
    async showOnly(ids, label) {
      set({ only: { ids, label } });
      await refreshView(set, get);
    },
    async clearOnly() {
      set({ only: null });
      await refreshView(set, get);
    },
    async clearView() {
      set({ filters: {}, search: { text: '', col: null }, editedOnly: false, only: null });
      await refreshView(set, get);
    },
    rowAt(index) {
      return cache.get(index);
    },
    async viewIds() {
      return Array.from(await deps.engine.viewIds());
    },
    ensureRows(start, end) {
      const pages = cache.missingPages(Math.max(0, start), Math.min(end, get().length));
      const mine = generation;
      for (const page of pages) {
        cache.fetching(page);
        void deps.engine.rows(page * PAGE, PAGE).then((rows) => {
          if (mine !== generation) return;
          cache.fill(page, rows);
          set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
        });
      }
    },
  });

  /** After an edit: the rows and derived data (charts, split, checks) catch up. */
  const afterEdit = (set: StoreApi<TrainsetState>['setState'], get: () => TrainsetState, r: { status: TrainsetState['status']; length: number }): void => {
    generation++;
    cache.clear();
    set((s) => ({ status: r.status, length: r.length, rowsVersion: s.rowsVersion + 1, values: {} }));
    scheduleDerived(get);
  };

  let derivedTimer: ReturnType<typeof setTimeout> | undefined;
  const scheduleDerived = (get: () => TrainsetState): void => {
    // Charts and the split preview follow edits, but not on every keystroke of a burst.
    clearTimeout(derivedTimer);
    derivedTimer = setTimeout(() => void get().refreshDerived(), 150);
  };

  const historySlice: Slice<HistorySlice> = (set, get) => ({
    status: EMPTY_STATUS,
    values: {},
    async edit(op) {
      if (readOnly()) return {};
      if (op.kind === 'set') {
        // Optimistic: the cell shows its new value at once; the worker confirms, and only that
        // row is refreshed (the rest of the cache stays, so nothing flickers).
        cache.patch(op.id, (r) => ({ ...r, cells: r.cells.map((c, i) => (i === op.col ? op.value : c)), edited: r.edited | (1 << op.col) }));
        set((s) => ({ rowsVersion: s.rowsVersion + 1 }));
        const r = await deps.engine.edit(op);
        const fresh = await deps.engine.row(op.id);
        if (fresh) cache.patch(op.id, () => fresh);
        set((s) => ({ status: r.status, length: r.length, rowsVersion: s.rowsVersion + 1 }));
        // The column's list of values (for its combobox) is stale now: drop it, it reloads on open.
        set((s) => {
          const values = { ...s.values };
          delete values[op.col];
          return { values };
        });
        scheduleDerived(get);
        return {};
      }
      const r = await deps.engine.edit(op);
      afterEdit(set, get, r);
      return r.addedId !== undefined ? { addedId: r.addedId } : {};
    },
    async undo() {
      if (readOnly()) return;
      afterEdit(set, get, await deps.engine.undo());
    },
    async redo() {
      if (readOnly()) return;
      afterEdit(set, get, await deps.engine.redo());
    },
    planReplace(query) {
      return deps.engine.planReplace(query);
    },
    async loadValues(col) {
      const values = await deps.engine.values(col);
      set((s) => ({ values: { ...s.values, [col]: values } }));
    },
  });

  const exportSlice: Slice<ExportSlice> = (set, get) => ({
    choices: DEFAULT_CHOICES,
    testSizeText: '20%',
    testSizeError: null,
    neutralizeFormulas: true,
    distribution: null,
    split: null,
    preview: null,
    summary: null,
    exportProblems: null,
    busy: null,
    lastDownload: null,
    checks: null,
    checksOnDemand: false,
    formatStates: null,
    tokenReport: null,
    tokenReportStale: false,
    tokenProgress: null,
    tokenError: null,
    async countTokens() {
      const generation = ++tokenGeneration;
      const choices = get().choices;
      set({ tokenProgress: { task: 'tokens', done: 0, total: get().status.rows }, tokenError: null });
      try {
        const report = await deps.engine.tokens(choices);
        // A newer count started meanwhile (another edit, a new file): its result wins.
        // Edits or settings changed while it counted are not in it: then it is shown, marked stale.
        const changed = report !== null && (report.revision !== get().status.revision || JSON.stringify(choices) !== JSON.stringify(get().choices));
        if (generation === tokenGeneration && report) set({ tokenReport: report, tokenReportStale: changed });
        // The first count loads the tokenizer: the length check can now count instead of estimate.
        if (report && !checkedWith.has(report.encoding) && get().checks) {
          checkedWith.add(report.encoding);
          void get().runChecks();
        }
      } catch (e) {
        if (generation === tokenGeneration) set({ tokenError: `Tokens could not be counted: ${(e as Error).message}` });
      } finally {
        if (generation === tokenGeneration) set({ tokenProgress: null });
      }
    },
    previewFix(fix) {
      return deps.engine.previewFix(fix);
    },
    async applyFix(fix) {
      if (readOnly()) return;
      afterEdit(set, get, await deps.engine.applyFix(fix));
    },
    setChoices(patch) {
      const choices: ExportChoices = { ...get().choices, ...patch };
      set({ choices });
      if (!readOnly()) void deps.engine.saveChoices(choices);
      scheduleDerived(get);
    },
    setTestSizeText(text) {
      const parsed = parseValidationShare(text);
      set({ testSizeText: text, testSizeError: parsed.ok ? null : parsed.error });
      if (parsed.ok) get().setChoices({ testSize: parsed.value });
    },
    setNeutralizeFormulas(on) {
      set({ neutralizeFormulas: on });
    },
    async refreshDerived() {
      const s = get();
      if (s.phase !== 'ready') return;
      const auto = s.status.rows <= AUTO_CHECK_MAX_ROWS;
      const [distribution, split, checks, formatStates] = await Promise.all([
        deps.engine.distribution(),
        deps.engine.splitPreview(s.choices),
        auto ? deps.engine.checks(s.choices) : Promise.resolve(null),
        s.meta?.jsonl ? deps.engine.formatFindingStates() : Promise.resolve(null),
      ]);
      set({ distribution, split, checks, formatStates, checksOnDemand: !auto, exportProblems: null, ...(split.ok ? { preview: split.preview } : {}) });
      // Small datasets are counted after every change; larger ones when asked (then kept, marked stale).
      if (s.status.rows <= AUTO_TOKENS_MAX_ROWS) void get().countTokens();
      else if (get().tokenReport) set({ tokenReportStale: true });
    },
    async runChecks() {
      set({ checks: await deps.engine.checks(get().choices) });
    },
    async download(kind) {
      set({ busy: kind, lastDownload: null });
      try {
        const base = (get().meta?.fileName ?? 'dataset').replace(/\.[^.]+$/, '');
        if (kind === 'csv') {
          const { blob, neutralized } = await deps.engine.cleanedCsv(get().neutralizeFormulas);
          deps.save(blob, `${base}-cleaned.csv`);
          set({
            lastDownload: {
              kind,
              note: neutralized > 0 ? `${neutralized} cells starting with = + - @ got a leading ' so spreadsheets do not run them as formulas.` : 'Saved.',
            },
          });
          return;
        }
        const r = await deps.engine.exportFiles(get().choices);
        if (!r.ok) {
          set({ exportProblems: { problems: r.problems, count: r.problemCount } });
          return;
        }
        set({ preview: r.preview, summary: r.summary, exportProblems: null });
        if (kind === 'train') deps.save(r.train, 'train.jsonl');
        else if (kind === 'validation') deps.save(r.validation, 'validation.jsonl');
        else {
          const [train, validation] = await Promise.all([r.train.arrayBuffer(), r.validation.arrayBuffer()]);
          const zipped = deps.zip({ 'train.jsonl': new Uint8Array(train), 'validation.jsonl': new Uint8Array(validation) });
          deps.save(new Blob([zipped as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), `${base}-jsonl.zip`);
        }
        const count = (n: number): string => n.toLocaleString('en');
        set({ lastDownload: { kind, note: `${count(r.summary.train)} train and ${count(r.summary.validation)} validation examples.` } });
      } finally {
        set({ busy: null });
      }
    },
  });

  const store = createStore<TrainsetState>()((...a) => ({
    ...datasetSlice(...a),
    ...viewSlice(...a),
    ...historySlice(...a),
    ...exportSlice(...a),
  }));
  return store;
}

/**
 * The validation share as users type it: "20%" or "0.2" (a share, a Python float) or "40" (a row
 * count, a Python int). "40.0" is a float, as in the notebook, and therefore not a valid share.
 */
export function parseValidationShare(text: string): { ok: true; value: { kind: 'float' | 'int'; value: number } } | { ok: false; error: string } {
  const t = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (percent) {
    const value = Number(percent[1]) / 100;
    if (value > 0 && value < 1) return { ok: true, value: { kind: 'float', value } };
    return { ok: false, error: 'A percentage must be between 0% and 100%.' };
  }
  const parsed = parseTestSize(t);
  if (!parsed || !Number.isFinite(parsed.value)) return { ok: false, error: 'Type a share such as 20% or 0.2, or a number of rows such as 40.' };
  if (parsed.kind === 'float' && !(parsed.value > 0 && parsed.value < 1)) {
    return { ok: false, error: 'A share must be between 0 and 1 (for example 0.2); for a row count, type a whole number.' };
  }
  if (parsed.kind === 'int' && parsed.value < 1) return { ok: false, error: 'A row count must be at least 1.' };
  return { ok: true, value: parsed };
}

/** The saved test size back as the user would type it: "20%" for a round share, else the number. */
function testSizeToText(c: ExportChoices): string {
  if (c.testSize.kind === 'int') return String(c.testSize.value);
  const pct = Math.round(c.testSize.value * 100);
  return pct / 100 === c.testSize.value ? `${pct}%` : pythonFloatRepr(c.testSize.value);
}

export type { DownloadKind };
