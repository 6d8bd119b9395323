import type { CsvOptions } from '../csv';
import { DEFAULT_SYSTEM_PROMPT } from '../export';
import { pythonFloatRepr } from '../split';
import type { ExportChoices, RestoreOutcome } from '../engine';
import { isProjectFile } from '../project';
import { bundleName } from '../sources';
import { refreshView, whenWritable, type Get, type Set, type Slice, type StoreContext } from './context';
import { datasetInitial, fileInitial, sessionInitial } from './initial-state';
import type { DatasetSlice, Phase } from './types';

/** A new file or session: nothing computed from the previous one may show (counts, checks, messages, ids to show). */
async function startFile(ctx: StoreContext, set: Set, get: Get): Promise<void> {
  for (const q of Object.values(ctx.queries)) q.reset();
  set(fileInitial);
  await refreshView(ctx, set, get);
  void get().refreshDerived();
}

/** What is loaded: reading a file, restoring the saved session, the column mapping, rows that could not be read. */
export const datasetSlice: Slice<DatasetSlice> = (ctx) => (set, get) => {
  // The last file read in this tab and how, to read it again without a header.
  let last: { input: File | File[]; options: CsvOptions } | null = null;
  /** A session restored or opened from a project: shown as it was saved. */
  const showSession = async (outcome: Extract<RestoreOutcome, { kind: 'session' }>, project?: string): Promise<void> => {
    const { session, choices } = outcome;
    set({
      meta: session.meta,
      status: session.status,
      choices,
      testSizeText: testSizeToText(choices),
      testSizeError: null,
      phase: session.meta.mapping ? 'ready' : 'mapping',
    });
    await startFile(ctx, set, get);
    set({ restored: { savedAt: outcome.savedAt, damage: outcome.damage, droppedSettings: outcome.droppedSettings, ...(project ? { project } : {}) } });
  };
  /** A project file (recognised by its content, whatever its name): its session replaces the one open. */
  const openProject = async (file: File, previous: Phase): Promise<void> => {
    set({ phase: 'loading', progress: { bytesRead: 0, totalBytes: file.size, rows: 0 }, loadError: null, sheetChoice: null });
    let outcome: Awaited<ReturnType<typeof ctx.deps.engine.openProject>>;
    try {
      outcome = await ctx.deps.engine.openProject(file, file.name);
    } catch (e) {
      outcome = { kind: 'unreadable', reason: `${file.name} could not be opened (${(e as Error).message}).` };
    }
    if (outcome.kind !== 'session') {
      set({
        phase: previous === 'loading' ? 'empty' : previous,
        progress: null,
        loadError: { fileName: file.name, problem: { code: 'project', message: outcome.reason } },
      });
      return;
    }
    last = null;
    set({ progress: null });
    await showSession(outcome, file.name);
  };
  // The workbook waiting for the user to choose one of its sheets (sheetChoice), or the files waiting
  // for the user to say how to combine their different columns (columnsChoice).
  let asking: { input: File[]; options: CsvOptions; previous: Phase } | null = null;
  const load = async (input: File | File[], options: CsvOptions = {}, before?: Phase): Promise<void> => {
    const files = Array.isArray(input) ? input : [input];
    const file = files[0];
    if (!file) return;
    const fileName = files.length > 1 ? bundleName(files.map((f) => f.name)) : file.name;
    const previous = before ?? get().phase;
    asking = null;
    // A file that cannot even be read is the engine's to explain (in the try below), not an exception here.
    const head =
      files.length > 1
        ? new Uint8Array()
        : await file
            .slice(0, 64)
            .arrayBuffer()
            .then((b) => new Uint8Array(b))
            .catch(() => new Uint8Array());
    if (isProjectFile(head)) return openProject(file, previous);
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    set({ phase: 'loading', progress: { bytesRead: 0, totalBytes, rows: 0 }, loadError: null, sheetChoice: null, columnsChoice: null });
    try {
      const outcome =
        files.length > 1
          ? await ctx.engine.loadFiles(
              files,
              files.map((f) => f.name),
              options,
            )
          : await ctx.engine.loadFile(file, file.name, options);
      if (outcome.ok) last = { input: files, options };
      const back = previous === 'loading' ? 'empty' : previous;
      if (!outcome.ok && outcome.problem.code === 'choose-sheet' && outcome.sheets) {
        // Nothing was read yet: the page asks which sheet, and the previous dataset stays meanwhile.
        asking = { input: files, options, previous: back };
        set({ phase: back, progress: null, sheetChoice: { fileName, sheets: outcome.sheets } });
        return;
      }
      if (!outcome.ok && outcome.problem.code === 'columns-differ' && outcome.differences) {
        // Nothing is loaded until the user says how to combine them; the previous dataset stays meanwhile.
        asking = { input: files, options, previous: back };
        set({ phase: back, progress: null, columnsChoice: { fileName, first: file.name, files: files.length, differences: outcome.differences } });
        return;
      }
      if (!outcome.ok) {
        // The previous dataset is untouched in the engine; go back to where the user was.
        set({ phase: back, progress: null, loadError: { fileName, problem: outcome.problem } });
        return;
      }
      set({ meta: outcome.meta, progress: null, phase: outcome.meta.mapping ? 'ready' : 'mapping' });
      // A training file read back keeps its own system prompt, so exporting it again changes only what
      // was edited; but a prompt the user wrote stays (the Format check card offers the file's).
      const prompt = outcome.meta.jsonl?.info.systemPrompt;
      if (prompt != null && get().choices.systemPrompt === DEFAULT_SYSTEM_PROMPT && prompt !== DEFAULT_SYSTEM_PROMPT)
        get().setChoices({ systemPrompt: prompt });
      await startFile(ctx, set, get);
    } catch (e) {
      set({
        phase: previous === 'loading' ? 'empty' : previous,
        progress: null,
        loadError: { fileName, problem: { code: 'binary-file', message: `it could not be read (${(e as Error).message}). Try another file.` } },
      });
    }
  };
  return {
    ...datasetInitial,
    upload: (file) => load(file),
    uploadFiles: (files) => load(files),
    async chooseSheet(sheet) {
      const pending = asking;
      if (!pending) return;
      await load(pending.input, { ...pending.options, sheet }, pending.previous);
    },
    cancelSheetChoice() {
      asking = null;
      set({ sheetChoice: null });
    },
    async chooseCombine(combine) {
      const pending = asking;
      if (!pending) return;
      await load(pending.input, { ...pending.options, combine }, pending.previous);
    },
    cancelCombine() {
      asking = null;
      set({ columnsChoice: null });
    },
    async rereadWithoutHeader() {
      // After a reload the file chosen is gone, but its saved copy is the same bytes.
      const saved = ctx.deps.engine.sessionFile();
      const source = last ?? (saved ? { input: saved.file, options: saved.options } : null);
      if (!source) {
        const fileName = get().meta?.fileName ?? 'the file';
        set({ loadError: { fileName, problem: { code: 'no-header', message: 'it must be uploaded again to be read without a header row.' } } });
        return;
      }
      await load(source.input, { ...source.options, header: false });
    },
    async loadSample() {
      let file: File;
      try {
        file = await ctx.deps.fetchSample();
      } catch (e) {
        set({
          loadError: { fileName: 'the sample dataset', problem: { code: 'empty-file', message: `${(e as Error).message}. Reload the page and try again.` } },
        });
        return;
      }
      await load(file);
    },
    async restore() {
      let outcome;
      try {
        outcome = await ctx.deps.engine.restore();
      } catch (e) {
        outcome = { kind: 'unreadable' as const, reason: (e as Error).message };
      }
      if (outcome.kind !== 'session') {
        set({ ...sessionInitial, restoreFailure: outcome.kind === 'unreadable' ? outcome.reason : null });
        return;
      }
      await showSession(outcome);
    },
    async startOver() {
      if (get().otherTab) return;
      ctx.deps.engine.forget();
      for (const q of Object.values(ctx.queries)) q.reset();
      ctx.cache.reset('');
      set(sessionInitial);
    },
    async confirmMapping(mapping) {
      const r = await whenWritable(ctx, ctx.engine.setMapping(mapping));
      if (!r) return 'This tab is read-only while Trainset is open in another tab.';
      if (!r.ok) return r.error;
      const meta = get().meta;
      set({ meta: meta ? { ...meta, mapping } : meta, phase: 'ready' });
      void get().refreshDerived();
      return null;
    },
    changeColumns() {
      if (get().phase === 'ready' && get().meta?.mapping) set({ phase: 'mapping' });
    },
    cancelChangeColumns() {
      if (get().phase === 'mapping' && get().meta?.mapping) set({ phase: 'ready' });
    },
    async takeBadRow(index) {
      const r = await whenWritable(ctx, ctx.engine.takeBadRow(index));
      const meta = get().meta;
      if (r && meta) set({ meta: { ...meta, badRows: r.badRows } });
    },
    async dropBadRow(index) {
      const badRows = await whenWritable(ctx, ctx.engine.dropBadRow(index));
      const meta = get().meta;
      if (badRows && meta) set({ meta: { ...meta, badRows } });
    },
    async setOtherTab(other) {
      set({ otherTab: other });
      await ctx.deps.engine.setReadOnly(other);
    },
    dismissEngineNotice() {
      set({ engineNotice: null });
    },
  };
};

/** The saved test size back as the user would type it: "20%" for a round share, else the number. */
function testSizeToText(c: ExportChoices): string {
  if (c.testSize.kind === 'int') return String(c.testSize.value);
  const pct = Math.round(c.testSize.value * 100);
  return pct / 100 === c.testSize.value ? `${pct}%` : pythonFloatRepr(c.testSize.value);
}
