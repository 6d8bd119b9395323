import type { BadRow, CsvOptions, CsvProgress } from '../csv';
import type { ReplacePlan, ReplaceQuery, ViewQuery } from '../dataset';
import type { CheckReport, Fix, FixSample } from '../quality';
import { DEFAULT_CHOICES, Engine, type LoadOutcome } from './engine';
import { parseChoices } from './choices';
import { SessionStore } from './persist';
import type {
  ColumnMapping,
  DatasetStatus,
  Distribution,
  EditOp,
  ExportChoices,
  ExportResult,
  LoadedMeta,
  RowView,
  FindingState,
  SplitPreview,
  TaskProgress,
  TokenReport,
  ViewResult,
} from './types';

export interface RestoredSession {
  meta: LoadedMeta;
  status: DatasetStatus;
  length: number;
  choices: ExportChoices;
  savedAt: number;
  /** Saved edits that could not be replayed (0 unless the saved data was damaged). */
  droppedEdits: number;
  /** Saved export settings that could not be used and were reset to their defaults (by name). */
  droppedSettings: string[];
}

type Edited = { status: DatasetStatus; length: number; addedId?: number };

/**
 * Everything the app asks of the dataset, as async calls: served by a Web Worker (the normal case)
 * or, if a worker cannot start, by the same object on the main thread.
 */
export interface EngineApi {
  load(file: Blob, name: string, options: CsvOptions): Promise<LoadOutcome>;
  restore(): Promise<RestoredSession | null>;
  forget(): Promise<void>;
  setMapping(mapping: ColumnMapping): Promise<{ ok: true } | { ok: false; error: string }>;
  setView(query: ViewQuery): Promise<ViewResult>;
  rows(start: number, count: number): Promise<RowView[]>;
  viewIds(): Promise<Int32Array>;
  edit(op: EditOp): Promise<Edited>;
  undo(): Promise<Edited>;
  redo(): Promise<Edited>;
  planReplace(query: ReplaceQuery): Promise<ReplacePlan>;
  values(col: number): Promise<{ value: string; count: number }[]>;
  distribution(): Promise<Distribution | null>;
  splitPreview(choices: ExportChoices): Promise<SplitPreview>;
  exportFiles(choices: ExportChoices): Promise<ExportResult>;
  cleanedCsv(neutralizeFormulas: boolean): Promise<{ blob: Blob; neutralized: number }>;
  takeBadRow(index: number): Promise<Edited & { badRows: BadRow[] }>;
  dropBadRow(index: number): Promise<BadRow[]>;
  row(id: number): Promise<RowView | null>;
  saveChoices(choices: ExportChoices): Promise<void>;
  checks(choices: ExportChoices): Promise<CheckReport | null>;
  applyFix(fix: Fix): Promise<Edited>;
  previewFix(fix: Fix): Promise<{ rows: number; samples: FixSample[] }>;
  tokens(choices: ExportChoices): Promise<TokenReport | null>;
  formatFindingStates(): Promise<FindingState[]>;
}

export type ProgressListener = (p: CsvProgress | TaskProgress) => void;

const PREPARE_SORT_MAX_ROWS = 300_000;
const PREPARE_SORT_DELAY_MS = 400;

export async function createEngineApi(onProgress: ProgressListener): Promise<EngineApi> {
  const store = await SessionStore.open();
  const engine = new Engine({
    loaded: (f) => store?.saveFile(f.name, f.bytes, f.options),
    mapped: (m) => store?.saveMapping(m),
    pushed: (i, c) => store?.saveChange(i, c),
    moved: (p) => store?.savePosition(p),
    badRowsHandled: (lines) => store?.saveHandledBadLines(lines),
  });

  /**
   * Once the grid has its first rows, use the idle worker to prepare the text column's sort
   * (about 0.2-0.5 s at 100k rows), so sorting by it answers at once. Skipped for very large files,
   * where it would hold up scrolling for seconds; their first text sort pays it instead.
   */
  const prepareSortSoon = (rows: number): void => {
    if (rows > PREPARE_SORT_MAX_ROWS) return;
    setTimeout(() => engine.prepareSort(), PREPARE_SORT_DELAY_MS);
  };

  return {
    async load(file, name, options) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const outcome = engine.load(bytes, name, options, onProgress);
      if (outcome.ok) prepareSortSoon(outcome.meta.rowCount);
      return outcome;
    },
    async restore() {
      const saved = await store?.load();
      if (!saved) return null;
      // Re-reading the saved file must not save it again (that would drop its changes).
      const outcome = engine.load(saved.file.bytes, saved.file.name, saved.file.options, onProgress, false);
      if (!outcome.ok) return null;
      const restored = engine.restore({ mapping: saved.mapping, history: saved.history, handledBadLines: saved.handledBadLines });
      const meta = engine.loadedMeta!;
      prepareSortSoon(meta.rowCount);
      // A session saved before a setting existed lacks it, damaged storage may hold anything: each field is checked.
      const choices = parseChoices(saved.choices, DEFAULT_CHOICES);
      return {
        meta,
        status: restored.status,
        length: engine.setView({}).length,
        choices: choices.choices,
        savedAt: saved.savedAt,
        droppedEdits: restored.dropped,
        droppedSettings: choices.dropped,
      };
    },
    async forget() {
      await store?.clear();
    },
    async setMapping(mapping) {
      const r = engine.setMapping(mapping);
      if (r.ok) prepareSortSoon(engine.status().rows);
      return r;
    },
    async setView(query) {
      return engine.setView(query);
    },
    async rows(start, count) {
      return engine.rows(start, count);
    },
    async viewIds() {
      return engine.viewIds();
    },
    async edit(op) {
      return engine.edit(op);
    },
    async undo() {
      return engine.undo();
    },
    async redo() {
      return engine.redo();
    },
    async planReplace(query) {
      return engine.planReplace(query);
    },
    async values(col) {
      return engine.values(col);
    },
    async distribution() {
      return engine.distribution();
    },
    async splitPreview(choices) {
      return engine.splitPreview(choices);
    },
    async exportFiles(choices) {
      return engine.exportFiles(choices);
    },
    async cleanedCsv(neutralize) {
      return engine.cleanedCsv(neutralize);
    },
    async takeBadRow(index) {
      return engine.takeBadRow(index);
    },
    async dropBadRow(index) {
      return engine.dropBadRow(index);
    },
    async row(id) {
      return engine.row(id);
    },
    async checks(choices) {
      return engine.checks(choices);
    },
    async applyFix(fix) {
      return engine.applyFix(fix);
    },
    async previewFix(fix) {
      return engine.previewFix(fix);
    },
    async formatFindingStates() {
      return engine.formatFindingStates();
    },
    async tokens(choices) {
      return engine.tokens(choices, (done, total) => onProgress({ task: 'tokens', done, total }));
    },
    async saveChoices(choices) {
      store?.saveChoices(choices);
    },
  };
}
