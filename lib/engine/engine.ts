import type { BadRow, CsvInfo, CsvOptions, CsvProblem, CsvProgress } from '../csv';
import {
  addRow,
  columnRanks,
  lowerColumn,
  computeView,
  Dataset,
  deleteRows,
  exportDataset,
  History,
  nestedCounts,
  planReplace,
  moveLabels,
  relabel,
  renameValue,
  replayHistory,
  setCell,
  setCells,
  REVIEW_COLUMN,
  markReview,
  reviewWithCells,
  withReviewFollowUp,
  setColumn,
  toCsv,
  valueCounts,
  type Change,
  type ReviewStatus,
  type HistorySnapshot,
  type ReplacePlan,
  type ReplaceQuery,
  type ViewQuery,
} from '../dataset';
import {
  chatFormat,
  DEFAULT_SYSTEM_PROMPT,
  digestBytes,
  manifestOf,
  jsSha256,
  manifestText,
  type BatchBuffers,
  type ExportFiles,
  type ExportProblem,
  type ExportSettings,
  type GroupTexts,
} from '../export';
import {
  checkInput,
  checkSuspectLabelsSliced,
  nearDuplicateGroupIds,
  resolveThresholds,
  loadEnglishWords,
  datasetTable,
  fixChange,
  fixSamples,
  runChecksSliced,
  type CheckLane,
  type CheckReport,
  type CheckResult,
  type CheckTable,
  type Fix,
  type FixSample,
} from '../quality';
import { answerModeOf, guessMapping } from './mapping';
import { readTable, withRowIds } from './read-table';
import type { ColumnDifference } from '../sources';
import { nextTask } from './next-task';
import { streamToPort, type StreamEnd, type StreamPort } from './stream-file';
import { checkThresholds, clearTokenCaches, countTokens, lengthCheckOptions } from './tokens';
import { DEFAULT_MODEL_ID } from '../tokens';
import type {
  RowId,
  ColumnMapping,
  DatasetStatus,
  Distribution,
  EditOp,
  ExportChoices,
  ExportResult,
  FileCheck,
  LoadedMeta,
  ManifestedExport,
  ReviewOrder,
  RowView,
  SplitPreview,
  FindingState,
  TokenReport,
  ViewResult,
} from './types';

/** How a long run gives way: `start` is awaited before it begins, `pause` between two slices (default: one task). */
export interface Slicing {
  start?: () => Promise<void>;
  pause?: () => Promise<void>;
  /** Milliseconds of work between two pauses: about the longest a call made meanwhile waits (default 30). */
  sliceMs?: number;
}

let englishWordsLoad: Promise<ReadonlySet<string> | null> | null = null;
/** The English word list, loaded on first use; null when it cannot be (the typo check then uses the file's own words). */
const englishWords = (): Promise<ReadonlySet<string> | null> => (englishWordsLoad ??= loadEnglishWords().catch(() => null));

/**
 * The opt-in split that keeps near-copies in one file, at the near-duplicate check's similarity
 * (the user's threshold, so the check and the split agree on what a near-copy is).
 */
function groupOption(choices: ExportChoices): { groupTexts?: GroupTexts } {
  const t = keepingSimilarity(choices);
  return t === null ? {} : { groupTexts: (texts) => groupsOf(texts, t) };
}

/**
 * The last grouping made, reused while the texts and the similarity are the same: the split
 * preview, the checks and both downloads ask for it in turn, and on 100,000 rows grouping costs
 * far more than comparing the texts (one string comparison a row).
 */
let lastGroups: { similarity: number; texts: readonly string[]; ids: Int32Array } | null = null;

export function groupsOf(texts: readonly string[], similarity: number): Int32Array {
  const last = lastGroups;
  if (last && last.similarity === similarity && last.texts.length === texts.length && last.texts.every((s, i) => s === texts[i])) return last.ids;
  const ids = nearDuplicateGroupIds(texts, similarity);
  lastGroups = { similarity, texts: [...texts], ids };
  return ids;
}

/** The similarity near-copies are kept in one file at, or null when they are not (the notebook's split). */
function keepingSimilarity(choices: ExportChoices): number | null {
  return choices.keepNearDuplicatesTogether ? resolveThresholds(choices.thresholds, choices.target).nearDuplicateSimilarity : null;
}

/** The files to write (see filesFor), or why they cannot be. */
type FilesMade = { ok: true; files: ExportFiles } | Extract<FileCheck, { ok: false }>;

/** Bytes of a download's file put in one Blob (see makeFiles). */
const BLOB_PART_BYTES = 32 << 20;

/** Bytes of the input hashed between two pauses: 15-65 ms each in Chromium (about 80 MB/s). */
const HASH_SLICE_BYTES = 2 << 20;

/**
 * The SHA-256 of a file just read, for the manifest, computed in the background in slices once
 * the load has answered, so the rows show and the worker answers between slices. WebCrypto would
 * be faster but hashes in one blocking call (measured in Chromium's worker: 0.9 s for 100 MB,
 * 1.8 s for 400 MB), and by the time a zip is asked for the file on disk may have changed.
 */
function hashInBackground(bytes: Uint8Array): Promise<string> {
  const run = async (): Promise<string> => {
    const sha = jsSha256();
    for (let at = 0; at < bytes.length; at += HASH_SLICE_BYTES) {
      await nextTask();
      sha.update(bytes.subarray(at, at + HASH_SLICE_BYTES));
    }
    return sha.digest();
  };
  const hash = run();
  // Awaited when a zip is made; until then a failure must not surface as an unhandled rejection.
  hash.catch(() => {});
  return hash;
}

/** What the manifest says of the loaded file. */
interface LoadedInput {
  name: string;
  bytes: number;
  sha256: Promise<string>;
  options: CsvOptions;
  /** Rows the reader could not read, left out of the table. */
  unreadRows: number;
}

export const DEFAULT_CHOICES: ExportChoices = {
  systemPrompt: DEFAULT_SYSTEM_PROMPT,
  stratify: 'first',
  testSize: { kind: 'float', value: 0.2 },
  seed: 42,
  jsonStyle: 'python',
  target: 'openai',
  thresholds: {},
  tokens: { model: DEFAULT_MODEL_ID, pricePerMillion: null, epochs: null },
  ignoreWords: [],
  keepNearDuplicatesTogether: false,
};

/** `sheets`: the sheets of a workbook to choose from, when the problem is which one (`choose-sheet`) or the one asked for. */
export type LoadOutcome =
  { ok: true; meta: LoadedMeta } | { ok: false; problem: CsvProblem; info?: CsvInfo; sheets?: string[]; differences?: ColumnDifference[] };

/** What a restored session needs besides the file itself. */
export interface SessionState {
  mapping: ColumnMapping | null;
  history: HistorySnapshot;
  /** Lines of unreadable rows already taken in or discarded. */
  handledBadLines?: number[];
}

/** How the history moved in one commit: a new change at `index` (any redo beyond it is gone), or undo/redo to `position`. */
export type HistoryStep = { op: 'push'; index: number; change: Change } | { op: 'move'; position: number };

/**
 * What the engine tells its listeners (persistence, the page's row cache and derived results).
 * Every change of the data is one `changed` event from {@link Engine.commit}; the session's other
 * saved parts have their own. Events are not sent while a saved session is being re-read.
 */
export type EngineEvent =
  | { type: 'loaded'; name: string; options: CsvOptions }
  | { type: 'mapped'; mapping: ColumnMapping }
  | { type: 'bad-rows'; handled: number[] }
  | {
      type: 'changed';
      revision: number;
      step: HistoryStep;
      /** The rows whose cells changed, or null for many (more than {@link MANY_ROWS}): refresh them all. */
      rows: RowId[] | null;
      /** The columns whose cells changed. */
      cols: number[];
      /** Rows came or went, so the view's length and order changed. */
      viewChanged: boolean;
      /** Rows in the view after the change. */
      length: number;
      /** The column roles after the change ("Change columns" and its undo change them). */
      mapping: ColumnMapping | null;
      status: DatasetStatus;
    };

/** The one error a read-only engine answers a change with (another tab owns the session). */
export class ReadOnlyError extends Error {
  constructor() {
    super('This tab is read-only while Trainset is open in another tab.');
    this.name = 'ReadOnlyError';
  }
}

/** Above this many rows a change event says "many" instead of listing them. */
const MANY_ROWS = 2000;

const PREVIEW_LINES = 5;
const MAX_BAD_ROWS_SHOWN = 1000;

/**
 * The cells of a row that had too many fields, taken in: the extra fields are most often an
 * unquoted delimiter in the text, so they are joined back into the text column.
 */
export function joinBadRow(fields: readonly string[], width: number, textCol: number, delimiter: string): string[] {
  const extra = Math.max(0, fields.length - width);
  const col = Math.max(0, Math.min(textCol, width - 1));
  return [...fields.slice(0, col), fields.slice(col, col + extra + 1).join(delimiter), ...fields.slice(col + extra + 1)];
}

/**
 * The dataset session that lives in the worker: the uploaded rows, their edits and history, the
 * current view, and the exports. Every method is synchronous and returns plain data; the worker
 * turns calls into messages. A failed load leaves the previous dataset as it was.
 */
export class Engine {
  private ds: Dataset | null = null;
  private history = new History();
  private meta: LoadedMeta | null = null;
  /** Token counts started, so a superseded count can stop. */
  private tokenRuns = 0;
  private readonly checkRuns: Record<CheckLane, number> = { quick: 0, slow: 0 };
  private suspectRuns = 0;
  private mapping: ColumnMapping | null = null;
  private view: Int32Array = new Int32Array(0);
  private query: ViewQuery = {};
  private revision = 0;
  private bad: BadRow[] = [];
  private lastExport: { key: string; result: ExportResult } | null = null;
  /** The split and what the files are written from, for the rows and settings of `key` (see filesFor). */
  private lastFiles: { key: string; made: FilesMade } | null = null;
  private input: LoadedInput | null = null;
  /** Lines of unreadable rows the user has already taken in or discarded. */
  private handledBad = new Set<number>();

  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private readOnly = false;

  /** Hear every change (see {@link EngineEvent}); returns the way to stop. */
  listen(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: EngineEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** While another tab owns the session, every change is refused here, at the one door. */
  setReadOnly(on: boolean): void {
    this.readOnly = on;
  }

  private writable(): void {
    if (this.readOnly) throw new ReadOnlyError();
  }

  /** Read a file. On failure nothing changes: the previous dataset, edits and history stay. */
  load(
    bytes: Uint8Array,
    fileName: string,
    options: CsvOptions = {},
    onProgress?: (p: CsvProgress) => void,
    /** False when re-reading a saved session (it is already saved). */
    save = true,
  ): LoadOutcome {
    if (save) this.writable();
    const read = readTable(bytes, fileName, options, onProgress);
    // A file that cannot be read changes nothing: the loaded data and its running count stay.
    if (!read.ok) return read;
    // A count of the previous file stops; the new file's texts start a fresh cache.
    this.tokenRuns++;
    clearTokenCaches();
    const { header, columns, rowCount } = read;
    // Keep the file's data-row numbers when rows were set aside, so row 14 stays row 14.
    const ds = Dataset.fromColumns(header, columns, read.lines, read.numbers);
    const guessed = read.mapping ? { mapping: read.mapping, guess: read.mapping } : guessMapping(header, (c, r) => columns[c]![r] ?? '', rowCount);
    // Several files: their source column (file names) may be a label, never the text.
    const source = read.info.sources?.column;
    const { mapping, guess } =
      source !== undefined && guessed.guess.text === source
        ? { mapping: guessed.mapping, guess: { ...guessed.guess, text: header.find((h) => h !== source && !guessed.guess.labels.includes(h)) ?? header[0]! } }
        : guessed;
    this.ds = ds;
    this.history = new History();
    this.mapping = mapping;
    this.bad = read.badRows;
    this.handledBad = new Set();
    this.input = { name: fileName, bytes: bytes.length, sha256: hashInBackground(bytes), options, unreadRows: read.badRows.length };
    this.meta = {
      fileName,
      fileSize: bytes.length,
      header,
      rowCount,
      info: read.info,
      badRows: read.badRows.slice(0, MAX_BAD_ROWS_SHOWN),
      mapping,
      guess,
      ...(read.jsonl ? { jsonl: withRowIds(read.jsonl, ds) } : {}),
    };
    this.query = {};
    this.view = ds.liveIds();
    this.revision++;
    if (save) this.emit({ type: 'loaded', name: fileName, options });
    return { ok: true, meta: this.meta };
  }

  /** Re-apply a saved session's mapping and history onto a freshly loaded file. */
  restore(state: SessionState): { status: DatasetStatus; applied: number; dropped: number; error?: string } {
    const ds = this.requireDataset();
    // Edits that no longer fit the file (it should not happen) are dropped, and counted, not fatal.
    const replay = replayHistory(ds, state.history);
    this.history = replay.history;
    if (state.mapping && this.validMapping(state.mapping)) this.mapping = state.mapping;
    // "Change columns" steps replayed: the last one applied says which columns are used now.
    const applied = this.history.snapshot();
    for (const c of applied.changes.slice(0, applied.position)) if (c.columns && this.validMapping(c.columns.after)) this.mapping = c.columns.after;
    this.handledBad = new Set(state.handledBadLines ?? []);
    this.bad = this.bad.filter((b) => !this.handledBad.has(b.line));
    if (this.meta) this.meta = { ...this.meta, mapping: this.mapping, badRows: this.visibleBadRows() };
    this.view = computeView(ds, this.query);
    this.revision++;
    return { status: this.status(), applied: replay.applied, dropped: replay.dropped, ...(replay.error ? { error: replay.error } : {}) };
  }

  /** The live rows as the checks read them (export order, grid numbers): for `trainset check --project`. */
  checkTable(): CheckTable {
    return datasetTable(this.requireDataset());
  }

  get loadedMeta(): LoadedMeta | null {
    return this.meta;
  }

  /**
   * Which columns are the text and the labels. The first choice (the mapping step after a load) is
   * part of reading the file; changing it later is a change like any other: one undo step.
   */
  setMapping(mapping: ColumnMapping): { ok: true } | { ok: false; error: string } {
    this.writable();
    if (!this.validMapping(mapping)) return { ok: false, error: 'Choose a text column and at least one label column from the file.' };
    const before = this.mapping;
    if (before && this.ds) {
      if (before.text === mapping.text && before.labels.join('\u0000') === mapping.labels.join('\u0000')) return { ok: true };
      this.commit({ do: { label: 'Change columns', patches: [], columns: { before, after: mapping } } });
      return { ok: true };
    }
    this.useMapping(mapping);
    this.emit({ type: 'mapped', mapping });
    return { ok: true };
  }

  private useMapping(mapping: ColumnMapping | null): void {
    this.mapping = mapping;
    if (this.meta) this.meta = { ...this.meta, mapping };
  }

  private validMapping(m: ColumnMapping): boolean {
    const header = this.meta?.header ?? [];
    return header.includes(m.text) && m.labels.length > 0 && m.labels.every((l) => header.includes(l) && l !== m.text);
  }

  setView(query: ViewQuery): ViewResult {
    const ds = this.requireDataset();
    this.query = query;
    this.view = computeView(ds, query);
    return { length: this.view.length, status: this.status() };
  }

  /** Rows `start … start+count` of the current view. */
  rows(start: number, count: number): RowView[] {
    this.requireDataset();
    const end = Math.min(this.view.length, start + count);
    const out: RowView[] = [];
    for (let i = Math.max(0, start); i < end; i++) {
      const row = this.row(this.view[i]!);
      if (row) out.push(row);
    }
    return out;
  }

  /**
   * Build the text column's sort order ahead of the first click on its header (the one costly
   * sort: free text has a distinct value per row). Called when the worker is idle after a load.
   */
  prepareSort(): void {
    const ds = this.ds;
    if (!ds || !this.mapping) return;
    const col = ds.header.indexOf(this.mapping.text);
    if (col >= 0) columnRanks(ds, col);
  }

  /**
   * Build column `col`'s lower-cased copy ahead of the first search (on 100,000 rows the first
   * search otherwise spends 300 ms lower-casing every cell). False when there is no such column.
   */
  prepareSearch(col: number): boolean {
    const ds = this.ds;
    if (!ds || col >= ds.header.length) return false;
    lowerColumn(ds, col);
    return true;
  }

  /**
   * The quality checks on the current rows with these settings (or null before mapping). They run
   * in slices (about 0.5 s at 100k rows in all), so a sort or the next rows asked meanwhile are
   * answered between two slices. Rows changed during a pause start the run again on the rows as
   * they are now; a newer run makes this one stop and answer null (its answer is no longer wanted).
   */
  async checks(choices: ExportChoices, slicing: Slicing & { lane?: CheckLane } = {}): Promise<CheckReport | null> {
    const { pause = nextTask, sliceMs, lane = 'quick' } = slicing;
    // The run is numbered when asked, before any wait: the last asked (in its lane) is the one that answers.
    const run = ++this.checkRuns[lane];
    const current = () => run === this.checkRuns[lane];
    await slicing.start?.();
    // The typo check's English words, read once (a chunk of its own in the app) and kept for the session.
    const dictionary = lane === 'slow' ? await englishWords() : null;
    if (!current()) return null;
    for (;;) {
      const settings = this.settings(choices);
      if (!settings) return null;
      const input = checkInput(datasetTable(this.requireDataset()), { ...settings, keepNearDuplicatesTogether: choices.keepNearDuplicatesTogether });
      if (!input.ok) return null;
      const { table, labels } = input.input;
      const [revision, ds] = [this.revision, this.ds];
      // The tokenizer is used once the user has counted tokens (it is loaded then); until then tokens are estimated.
      const options = {
        thresholds: checkThresholds(choices),
        ...lengthCheckOptions(choices, settings, (r, c) => table.cell(r, c), labels),
        typo: { ...(dictionary ? { dictionary } : {}), ignoreWords: choices.ignoreWords },
      };
      const report = await runChecksSliced(input.input, options, {
        pause,
        lane,
        ...(sliceMs !== undefined ? { sliceMs } : {}),
        cancelled: () => !current() || revision !== this.revision || ds !== this.ds,
      });
      if (report) return report;
      if (!current()) return null;
    }
  }

  /**
   * The suspect-label finding on the current rows (rows whose label a cross-validated text model
   * confidently disagrees with): `[]` or one warning, null before mapping or when a newer run or a
   * change made this one pointless (it stops at its next pause). Seconds at 100k rows, in slices.
   */
  async suspects(choices: ExportChoices, slicing: Slicing & { onProgress?: (done: number, total: number) => void } = {}): Promise<CheckResult[] | null> {
    const run = ++this.suspectRuns;
    await slicing.start?.();
    if (run !== this.suspectRuns) return null;
    const settings = this.settings(choices);
    // Free-text answers have no classes to confuse.
    if (!settings || settings.answer === 'text') return settings ? [] : null;
    const input = checkInput(datasetTable(this.requireDataset()), settings);
    if (!input.ok) return null;
    const [revision, ds] = [this.revision, this.ds];
    return checkSuspectLabelsSliced(input.input, {
      pause: slicing.pause ?? nextTask,
      ...(slicing.sliceMs !== undefined ? { sliceMs: slicing.sliceMs } : {}),
      cancelled: () => run !== this.suspectRuns || revision !== this.revision || ds !== this.ds,
      ...(slicing.onProgress ? { onProgress: slicing.onProgress } : {}),
    });
  }

  /**
   * Tokens and training cost of the rows as they are now, for the chosen model (its tokenizer is
   * loaded on first use). Counts are cached per text, so counting again after edits is quick.
   */
  async tokens(choices: ExportChoices, onProgress?: (done: number, total: number) => void, sliceMs?: number): Promise<TokenReport | null> {
    const settings = this.settings(choices);
    if (!settings) return null;
    // A newer count makes this one pointless: it stops at its next pause.
    const run = ++this.tokenRuns;
    return countTokens(
      this.requireDataset(),
      settings,
      choices.tokens,
      { ...(onProgress ? { onProgress } : {}), ...(sliceMs !== undefined ? { sliceMs } : {}), pause: nextTask, cancelled: () => run !== this.tokenRuns },
      () => this.revision,
    );
  }

  /**
   * For a JSONL file, what became of the row of each format finding since it was read: still as
   * uploaded, edited, deleted, or `none` (its line did not become a row).
   */
  formatFindingStates(): FindingState[] {
    const ids = this.meta?.jsonl?.findingRowIds ?? [];
    const ds = this.requireDataset();
    return ids.map((id) => (id < 0 ? 'none' : !ds.isLive(id) ? 'deleted' : ds.rowEdited(id) ? 'edited' : 'open'));
  }

  /** What a proposed fix would change now: rows and the first cells before and after. */
  previewFix(fix: Fix): { rows: number; samples: FixSample[] } {
    const ds = this.requireDataset();
    return fixSamples(ds, fix, this.mapping ? ds.header.indexOf(this.mapping.text) : 0);
  }

  /** Apply one proposed fix from a check as one undoable step. */
  applyFix(fix: Fix): { status: DatasetStatus; length: number } {
    const change = fixChange(this.requireDataset(), fix);
    if (change) this.commit({ do: change });
    return { status: this.status(), length: this.view.length };
  }

  /**
   * The rows a review walks through, in the chosen order: file order; most suspicious first (the
   * ids `ranked`, most suspicious first, then the rest in file order); one label at a time (by the
   * joint label, then file order); only unreviewed, only flagged for a second look, or only the
   * rows the model flags (`ranked`). Computed once when the review opens, so it does not jump.
   */
  reviewQueue(order: ReviewOrder, ranked: readonly RowId[] = []): Int32Array {
    const ds = this.requireDataset();
    const live = ds.liveIdsShared();
    const withStatus = (status: ReviewStatus): Int32Array => live.filter((id) => ds.reviewStatus(id) === status);
    let ids: Int32Array;
    switch (order) {
      case 'file':
        ids = live.slice();
        break;
      case 'unreviewed':
        ids = withStatus('unreviewed');
        break;
      case 'flagged':
        ids = withStatus('flagged');
        break;
      case 'suspects':
        ids = Int32Array.from(ranked.filter((id) => ds.isLive(id)));
        break;
      case 'suspicious': {
        const first = ranked.filter((id) => ds.isLive(id));
        const seen = new Set(first);
        ids = Int32Array.from([...first, ...Array.from(live).filter((id) => !seen.has(id))]);
        break;
      }
      case 'label': {
        const cols = (this.mapping?.labels ?? []).map((l) => ds.header.indexOf(l)).filter((c) => c >= 0);
        const ranks = cols.map((c) => columnRanks(ds, c));
        ids = live.slice().sort((a, b) => {
          for (const r of ranks) {
            const d = r.ranks[a]! - r.ranks[b]!;
            if (d !== 0) return d;
          }
          return a - b;
        });
        break;
      }
    }
    return ids;
  }

  /** Every row id in the current view, in view order (for "select all matching"). */
  viewIds(): Int32Array {
    return this.view.slice();
  }

  /** Apply one edit as one undoable step. */
  edit(op: EditOp): { status: DatasetStatus; length: number; addedId?: number } {
    const ds = this.requireDataset();
    let change: Change | null = null;
    switch (op.kind) {
      case 'set':
        change = setCell(ds, op.id, op.col, op.value);
        break;
      case 'set-row':
        change = setCells(ds, op.id, op.cells);
        break;
      case 'review':
        change = markReview(ds, op.ids, op.status);
        break;
      case 'review-with':
        change = reviewWithCells(ds, op.id, op.cells, op.label);
        break;
      case 'set-column':
        change = setColumn(ds, op.ids, op.col, op.value);
        break;
      case 'delete':
        change = deleteRows(ds, op.ids);
        break;
      case 'add':
        change = addRow(ds, op.values ?? ds.header.map(() => ''));
        break;
      case 'replace': {
        const plan = planReplace(ds, op.query);
        change = plan.ok ? plan.change : null;
        break;
      }
      case 'rename':
        change = renameValue(ds, op.col, op.from, op.to);
        break;
      case 'relabel':
        change = relabel(ds, op.col, op.refs, op.to, op.parentCol);
        break;
      case 'move':
        change = moveLabels(ds, op.parentCol, op.childCol, op.refs, op.to);
        break;
    }
    const added = change && op.kind === 'add' && change.patches[0]?.op === 'insert' ? change.patches[0].rowId : undefined;
    if (change) this.commit({ do: change }, added);
    return { status: this.status(), length: this.view.length, ...(added !== undefined ? { addedId: added } : {}) };
  }

  undo(): { status: DatasetStatus; length: number } {
    this.commit('undo');
    return { status: this.status(), length: this.view.length };
  }

  redo(): { status: DatasetStatus; length: number } {
    this.commit('redo');
    return { status: this.status(), length: this.view.length };
  }

  /**
   * The one path by which the data changes: apply a new change (or undo, or redo), record it in
   * the history, bump the revision, keep the view in step and tell the listeners in one event.
   * Refused in a read-only tab. Returns the change applied or reverted (null: nothing to do).
   * @param added a row the change adds: it shows at the end of the view, whatever the filters.
   */
  commit(action: { do: Change } | 'undo' | 'redo', added?: RowId): Change | null {
    this.writable();
    const ds = this.requireDataset();
    let change: Change | null;
    let step: HistoryStep;
    if (action === 'undo' || action === 'redo') {
      change = action === 'undo' ? this.history.undo() : this.history.redo();
      if (!change) return null;
      if (action === 'undo') ds.revert(change);
      else ds.apply(change);
      step = { op: 'move', position: this.history.snapshot().position };
    } else {
      // Rows someone reviewed and this change edits are marked "changed since review", in the same step.
      change = withReviewFollowUp(ds, action.do);
      ds.apply(change);
      this.history.push(change);
      step = { op: 'push', index: this.history.snapshot().position - 1, change };
    }
    if (change.columns) this.useMapping(action === 'undo' ? change.columns.before : change.columns.after);
    this.revision++;
    const viewChanged = change.patches.some((p) => p.op === 'insert' || p.op === 'delete');
    if (action === 'undo' || action === 'redo') {
      // Undo can bring rows back: recompute the view with the same query.
      this.view = computeView(ds, this.query);
    } else if (viewChanged) {
      // After an edit the view keeps its order (rows do not jump while the user edits); deleted rows leave it.
      this.view = this.view.filter((id) => ds.isLive(id));
      if (added !== undefined) {
        const grown = new Int32Array(this.view.length + 1);
        grown.set(this.view);
        grown[this.view.length] = added;
        this.view = grown;
      }
    }
    const rows = new Set<RowId>();
    const cols = new Set<number>();
    for (const p of change.patches) {
      if (rows.size <= MANY_ROWS) rows.add(p.rowId);
      if (p.op === 'set') cols.add(p.col);
      else if (p.op !== 'review') for (let c = 0; c < ds.header.length; c++) cols.add(c);
    }
    this.emit({
      type: 'changed',
      revision: this.revision,
      step,
      rows: rows.size > MANY_ROWS ? null : [...rows],
      cols: [...cols].sort((a, b) => a - b),
      viewChanged: viewChanged || action === 'undo' || action === 'redo',
      length: this.view.length,
      mapping: this.mapping,
      status: this.status(),
    });
    return change;
  }

  planReplace(query: ReplaceQuery): ReplacePlan {
    const plan = planReplace(this.requireDataset(), query);
    // The change itself stays here; the UI needs only the counts and the preview.
    return plan.ok ? { ...plan, change: null } : plan;
  }

  /** Distinct values of a column, most frequent first (for label comboboxes and filters). */
  values(col: number): { value: string; count: number }[] {
    return valueCounts(this.requireDataset(), col);
  }

  distribution(): Distribution | null {
    const ds = this.requireDataset();
    if (!this.mapping) return null;
    const header = ds.header;
    const cols = this.mapping.labels.map((l) => header.indexOf(l));
    return {
      labels: this.mapping.labels,
      counts: cols.map((c, i) => ({ column: this.mapping!.labels[i]!, values: valueCounts(ds, c) })),
      nested: cols.length >= 2 ? nestedCounts(ds, cols[0]!, cols[1]!) : null,
    };
  }

  /**
   * The export settings for these choices. Free-text answers (`answerModeOf`) are written as they
   * are and never stratified by: each answer is its own class, so no stratified split exists.
   */
  settings(choices: ExportChoices): ExportSettings | null {
    if (!this.mapping) return null;
    const labels = this.mapping.labels;
    const answer = answerModeOf(this.meta);
    return {
      textColumn: this.mapping.text,
      labelColumns: labels,
      answer,
      stratify: choices.stratify === 'none' || answer === 'text' ? null : choices.stratify === 'all-labels' ? labels : [labels[0]!],
      testSize: choices.testSize,
      seed: choices.seed,
      systemPrompt: choices.systemPrompt,
      jsonStyle: choices.jsonStyle,
      target: choices.target,
    };
  }

  /**
   * Rows per class in each file for these settings, or why the export cannot be made. Runs the
   * exporter's checks and split, which the downloads then reuse (filesFor): the files themselves,
   * their lines, are made only on download.
   */
  splitPreview(choices: ExportChoices): SplitPreview {
    const outcome = this.filesFor(choices);
    if (!outcome.ok) return outcome;
    // filesFor made the files from these settings, so there are some.
    const settings = this.settings(choices)!;
    const ds = this.requireDataset();
    const s = outcome.files.summary;
    const live = ds.liveIdsShared();
    const lines = (rows: Int32Array): string[] => Array.from(rows.subarray(0, PREVIEW_LINES), (pos) => exampleLine(ds, settings, live[pos]!));
    return {
      ok: true,
      train: s.train,
      validation: s.validation,
      classes: s.perLabel.map((c) => ({ label: c.label, total: c.train + c.validation, train: c.train, validation: c.validation })),
      stratifiedBy: settings.stratify ? settings.stratify.join(' + ') : null,
      preview: { train: lines(outcome.files.trainRows), validation: lines(outcome.files.validationRows) },
      ...(outcome.files.keeping ? { keeping: outcome.files.keeping } : {}),
    };
  }

  /**
   * Both JSONL files, made by the same lib/export code as `trainset export`. The last result is
   * kept until the data or the settings change, so the second download button costs nothing.
   */
  exportFiles(choices: ExportChoices): ExportResult {
    const key = `${this.revision}|${JSON.stringify(choices)}`;
    if (this.lastExport?.key === key) return this.lastExport.result;
    this.lastExport = null;
    const result = this.makeFiles(choices);
    if (result.ok) this.lastExport = { key, result };
    return result;
  }

  /**
   * Both files and their manifest, for "Download both (.zip)": the files are hashed as the Blobs
   * handed back (the zip's bytes), the input as it was read. Edits made in the app are counted
   * in the manifest, since the input alone then no longer makes these files.
   */
  async exportWithManifest(choices: ExportChoices): Promise<ManifestedExport> {
    const result = this.exportFiles(choices);
    if (!result.ok) return result;
    // Read now, before any await: the manifest describes the rows these files were made from.
    const settings = this.settings(choices)!;
    const [input, meta] = [this.input!, this.meta!];
    const edits = this.requireDataset().summary();
    const blobDigest = async (blob: Blob) => digestBytes(new Uint8Array(await blob.arrayBuffer()));
    // One file at a time: a large export is not held twice over at once.
    const train = await blobDigest(result.train);
    const validation = await blobDigest(result.validation);
    const sha256 = await input.sha256;
    const manifest = manifestOf(
      settings,
      { name: input.name, bytes: input.bytes, sha256, rows: meta.rowCount, format: meta.jsonl ? 'jsonl' : 'csv', unreadRows: input.unreadRows, edits },
      result.summary,
      { train, validation },
      // A workbook's sheet is recorded even when it was the only one (the manifest says what was read).
      { csv: meta.info.workbook ? { ...input.options, sheet: meta.info.workbook.sheet } : input.options, nearDuplicateSimilarity: keepingSimilarity(choices) },
    );
    return { ...result, manifest: manifestText(manifest) };
  }

  /**
   * The split of the rows as they are now and what the files are written from (the messages as they
   * are now too, so a file written in slices, while edits come in, is still the rows of this moment).
   * Kept until the rows or the choices change: the second download writes at once.
   */
  private filesFor(choices: ExportChoices): FilesMade {
    const key = `${this.revision}|${JSON.stringify(choices)}`;
    if (this.lastFiles?.key === key) return this.lastFiles.made;
    this.lastFiles = null;
    const settings = this.settings(choices);
    if (!settings) return { ok: false, problems: [{ code: 'missing-column', message: 'Map the columns first.' }], problemCount: 1 };
    const outcome = exportDataset(this.requireDataset(), settings, groupOption(choices));
    const made: FilesMade = outcome.ok
      ? { ok: true, files: outcome.files }
      : { ok: false, problems: this.withRowIds(outcome.problems), problemCount: outcome.problemCount };
    this.lastFiles = { key, made };
    return made;
  }

  /**
   * Whether the files can be written with these choices, and what they will hold: the page asks
   * this before it starts a streamed download (`streamFile`), so that a problem is shown on the page
   * rather than as a failed download.
   */
  prepareFile(choices: ExportChoices): FileCheck {
    const made = this.filesFor(choices);
    return made.ok ? { ok: true, summary: made.files.summary } : made;
  }

  /**
   * One file written to `port` (the download service worker's), batch by batch. Rejects with the
   * problems' first message if the files cannot be made (the page asks `prepareFile` first, so that
   * happens only when the rows changed meanwhile).
   */
  async streamFile(choices: ExportChoices, kind: 'train' | 'validation', port: StreamPort): Promise<StreamEnd> {
    const made = this.filesFor(choices);
    if (!made.ok) {
      const message = made.problems[0]?.message ?? 'The files cannot be made.';
      port.postMessage({ type: 'error', message });
      port.close();
      throw new Error(message);
    }
    return streamToPort((buffers) => made.files[kind](buffers), port);
  }

  private makeFiles(choices: ExportChoices): ExportResult {
    const made = this.filesFor(choices);
    if (!made.ok) return made;
    const { files } = made;
    // Each batch is copied into a Blob of its own as it comes, so one buffer serves them all: new
    // memory for 400 MB of batches (a million rows) would cost more than making them. The batches
    // are 32 MB here (the exporter fills the buffer it is lent): each Blob costs the browser a round
    // trip, and at a million rows 2 MB parts took 3.7 s for train.jsonl, 32 MB parts 2.2 s (128 MB: 2.7 s).
    const blob = (batches: (buffers: BatchBuffers) => Generator<Uint8Array[]>): Blob => {
      const one = new Uint8Array(BLOB_PART_BYTES);
      const parts: Blob[] = [];
      for (const batch of batches({ take: (bytes) => (bytes <= one.length ? one : new Uint8Array(bytes)) }))
        parts.push(new Blob(batch as Uint8Array<ArrayBuffer>[]));
      return new Blob(parts, { type: 'application/jsonl' });
    };
    return {
      ok: true,
      train: blob((buffers) => files.train(buffers)),
      validation: blob((buffers) => files.validation(buffers)),
      summary: files.summary,
      preview: { train: firstLines(files.train()), validation: firstLines(files.validation()) },
    };
  }

  /** Problems name data rows (the file's numbering); the grid needs row ids to show them. */
  private withRowIds(problems: ExportProblem[]): ExportProblem[] {
    const ds = this.requireDataset();
    return problems.map((p) => {
      if (p.dataRow === undefined) return p;
      const rowId = ds.idOfRowNumber(p.dataRow);
      return rowId >= 0 ? { ...p, rowId } : p;
    });
  }

  /**
   * The rows as edited, as CSV. With several files read as one, their `source` column is left out
   * (the CSV is then the table of the files appended) unless `sourceColumn`, or it is a mapped column.
   */
  cleanedCsv(neutralizeFormulas: boolean, reviewStatus = false, sourceColumn = false): { blob: Blob; neutralized: number } {
    const ds = this.requireDataset();
    const source = this.meta?.info.sources?.column;
    const used = source !== undefined && (this.mapping?.text === source || (this.mapping?.labels.includes(source) ?? false));
    const omit = source !== undefined && !sourceColumn && !used ? ds.header.indexOf(source) : -1;
    const { text, neutralized } = toCsv(ds, {
      neutralizeFormulas,
      ...(reviewStatus ? { reviewColumn: REVIEW_COLUMN } : {}),
      ...(omit >= 0 ? { omitColumn: omit } : {}),
    });
    return { blob: new Blob([text], { type: 'text/csv' }), neutralized };
  }

  /** A row that could not be read, taken in with its extra fields joined into the text column. */
  takeBadRow(index: number): { status: DatasetStatus; length: number; addedId?: number; badRows: BadRow[] } {
    const ds = this.requireDataset();
    const bad = this.bad[index];
    if (!bad || !this.meta) return { status: this.status(), length: this.view.length, badRows: this.visibleBadRows() };
    const textCol = Math.max(0, this.mapping ? ds.header.indexOf(this.mapping.text) : 0);
    const values = joinBadRow(bad.fields, ds.header.length, textCol, this.meta.info.delimiter);
    this.dropBadRow(index);
    return { ...this.edit({ kind: 'add', values }), badRows: this.visibleBadRows() };
  }

  /** Set a row that could not be read aside for good (remembered with the session). */
  dropBadRow(index: number): BadRow[] {
    this.writable();
    const bad = this.bad[index];
    if (bad) {
      this.handledBad.add(bad.line);
      this.emit({ type: 'bad-rows', handled: [...this.handledBad] });
    }
    this.bad = this.bad.filter((_, i) => i !== index);
    if (this.meta) this.meta = { ...this.meta, badRows: this.visibleBadRows() };
    return this.visibleBadRows();
  }

  private visibleBadRows(): BadRow[] {
    return this.bad.slice(0, MAX_BAD_ROWS_SHOWN);
  }

  /** One row of the dataset as the grid shows it (after an edit, to refresh just that row). */
  row(id: number): RowView | null {
    const ds = this.requireDataset();
    if (id < 0 || id >= ds.capacity || !ds.isLive(id)) return null;
    let edited = 0;
    for (let c = 0; c < ds.header.length; c++) if (ds.isEdited(id, c)) edited |= 1 << c;
    return { id, number: ds.rowNumber(id), cells: ds.row(id), edited, added: ds.isAdded(id), review: ds.reviewStatus(id) };
  }

  /** These rows as the grid shows them (null for a row that is gone): the page's cache refreshes what a change touched. */
  rowsById(ids: readonly RowId[]): (RowView | null)[] {
    return ids.map((id) => this.row(id));
  }

  status(): DatasetStatus {
    const ds = this.ds;
    return {
      rows: ds?.size ?? 0,
      editedCells: ds ? ds.summary().editedCells : 0,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      undoLabel: this.history.undoLabel,
      redoLabel: this.history.redoLabel,
      revision: this.revision,
      review: ds ? ds.reviewCounts() : { unreviewed: 0, reviewed: 0, flagged: 0, changed: 0 },
    };
  }

  private requireDataset(): Dataset {
    if (!this.ds) throw new Error('No dataset is loaded.');
    return this.ds;
  }
}

/** One example line (without its newline) for a row, as the exporter writes it. */
function exampleLine(ds: Dataset, settings: ExportSettings, id: number): string {
  const format = chatFormat(settings.jsonStyle, settings.systemPrompt, settings.target, settings.answer);
  const col = (name: string): number => ds.header.indexOf(name);
  const labels = settings.labelColumns.map((l) => ds.cell(id, col(l)));
  return (
    format.prefix +
    format.str(ds.cell(id, col(settings.textColumn))) +
    format.middle +
    format.assistant(settings.labelColumns, labels) +
    format.suffix.trimEnd()
  );
}

/** The first lines of a file, for the export panel's preview. */
function firstLines(batches: Generator<Uint8Array[]>): string[] {
  const decoder = new TextDecoder();
  let text = '';
  for (const batch of batches) {
    for (const part of batch) {
      text += decoder.decode(part, { stream: true });
      if (text.split('\n').length > PREVIEW_LINES) return text.split('\n').slice(0, PREVIEW_LINES);
    }
  }
  return text
    .split('\n')
    .slice(0, PREVIEW_LINES)
    .filter((l) => l !== '');
}
