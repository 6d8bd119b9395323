import type { ColumnDifference } from '../sources';
import type { CsvProblem, CsvProgress } from '../csv';
import type { ReplacePlan, ReplaceQuery, ReviewStatus } from '../dataset';
import type {
  ColumnMapping,
  DatasetStatus,
  Distribution,
  EditOp,
  ExportChoices,
  LoadedMeta,
  ReviewOrder,
  RowView,
  FindingState,
  SplitPreview,
  TaskProgress,
  TokenReport,
} from '../engine';
import type { SaveState } from '../engine';
import type { ExportProblem } from '../export';
import type { CheckReport, CheckResult, Fix, FixSample } from '../quality';

export type Phase = 'starting' | 'empty' | 'loading' | 'mapping' | 'ready';

/** The dataset slice: what is loaded and how far reading has got. */
export interface DatasetSlice {
  phase: Phase;
  progress: CsvProgress | null;
  meta: LoadedMeta | null;
  /** Why the last file could not be read (the previous dataset, if any, is still loaded). */
  loadError: { fileName: string; problem: CsvProblem | { code: 'project'; message: string } } | null;
  /** A workbook with several sheets holding cells was opened: the page asks which to read (`chooseSheet`). */
  sheetChoice: { fileName: string; sheets: string[] } | null;
  /** Several files were opened whose columns differ: the page lists how, and asks how to combine them (`chooseCombine`). */
  columnsChoice: { fileName: string; first: string; files: number; differences: ColumnDifference[] } | null;
  /**
   * Set when the session was restored from this browser's storage, or opened from a project file
   * (`project`: its name): when it was saved, what of it could not be restored (in words), and the
   * settings reset to their defaults (by name).
   */
  restored: { savedAt: number; damage: string[]; droppedSettings: string[]; project?: string } | null;
  /** Why the saved session could not be restored (the start screen says so), or null. */
  restoreFailure: string | null;
  /** Another tab has this session open: editing here is paused until the user takes over. */
  otherTab: boolean;
  /** Whether every change is stored in this browser (`error`: why not, while writes fail). */
  saveState: SaveState;
  /** The engine was restarted (info) or could not be (danger): the page says so until dismissed. */
  engineNotice: { tone: 'info' | 'danger'; message: string } | null;
  upload(file: File): Promise<void>;
  /** Read several files as one dataset, appended in this order (one file is read as `upload` reads it). */
  uploadFiles(files: File[]): Promise<void>;
  /** Read the files that asked (`columnsChoice`), keeping every column or only those all of them have. */
  chooseCombine(combine: 'all' | 'shared'): Promise<void>;
  /** Close the question without reading the files: whatever was loaded stays. */
  cancelCombine(): void;
  /** Read the sheet the user chose of the workbook that asked (`sheetChoice`). */
  chooseSheet(sheet: string): Promise<void>;
  /** Close the sheet question without reading the workbook: whatever was loaded stays. */
  cancelSheetChoice(): void;
  /** Read the last uploaded file again with no header row (its first row becomes data row 1; columns `column 1`, …). */
  rereadWithoutHeader(): Promise<void>;
  loadSample(): Promise<void>;
  restore(): Promise<void>;
  startOver(): Promise<void>;
  confirmMapping(mapping: ColumnMapping): Promise<string | null>;
  /** Choose the text and label columns again (the mapping step over the loaded data); confirming is one undo step. */
  changeColumns(): void;
  /** Back to the rows without changing the columns. */
  cancelChangeColumns(): void;
  takeBadRow(index: number): Promise<void>;
  dropBadRow(index: number): Promise<void>;
  setOtherTab(other: boolean): Promise<void>;
  dismissEngineNotice(): void;
}

export interface SortState {
  col: number;
  desc: boolean;
}

/** The view slice: which rows the grid shows, and a cache of the rows it has asked for. */
export interface ViewSlice {
  sort: SortState | null;
  /** Label filters: column index → kept values. */
  filters: Record<number, string[]>;
  search: { text: string; col: number | null };
  editedOnly: boolean;
  /** Show only rows with one of these review statuses (null: any). */
  reviewFilter: ReviewStatus[] | null;
  setReviewFilter(statuses: ReviewStatus[] | null): Promise<void>;
  /** Restrict to some rows (from a chart bar or a problem), with a label saying why. */
  only: { ids: number[]; label: string } | null;
  /** Rows in the view. */
  length: number;
  /** Bumped whenever cached rows change, so rows re-render (the cache lives beside the store). */
  rowsVersion: number;
  /**
   * A change of the view asked for and not shown yet, and what it does ("sorting by inquiry"): the
   * first sort of a text column of a million rows takes seconds, and the page says so meanwhile.
   */
  viewPending: { what: string } | null;
  setSort(sort: SortState | null): Promise<void>;
  setFilter(col: number, values: string[] | null): Promise<void>;
  setSearch(text: string, col?: number | null): Promise<void>;
  setEditedOnly(on: boolean): Promise<void>;
  showOnly(ids: number[], label: string): Promise<void>;
  /** Drop the "only these rows" restriction, keeping filters and search. */
  clearOnly(): Promise<void>;
  clearView(): Promise<void>;
  /** The row at a view position if cached (else undefined, and it is fetched). */
  rowAt(index: number): RowView | undefined;
  /** Make sure rows [start, end) are cached. */
  ensureRows(start: number, end: number): void;
  /**
   * The user is scrolling the rows: the engine holds its background work (the checks) for a moment,
   * so that the rows they are about to ask for, and the page drawing them, get the machine.
   */
  userActive(): void;
  /** The ids of every row in the view, in view order ("select all matching"). */
  viewIds(): Promise<number[]>;
}

/** The history slice: edits, undo and redo. */
export interface HistorySlice {
  status: DatasetStatus;
  /** Distinct values per column (for label comboboxes and filters), refreshed after edits. */
  values: Record<number, { value: string; count: number }[]>;
  edit(op: EditOp): Promise<{ addedId?: number }>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Apply a check's proposed fix as one undoable step. */
  applyFix(fix: Fix): Promise<void>;
  planReplace(query: ReplaceQuery): Promise<ReplacePlan>;
  loadValues(col: number): Promise<void>;
}

export type DownloadKind = 'train' | 'validation' | 'zip' | 'csv' | 'project';

/** The export slice: settings, the split preview, downloads. */
export interface ExportSlice {
  choices: ExportChoices;
  /** The user's validation-share text as typed ("20%", "0.2", "40"). */
  testSizeText: string;
  testSizeError: string | null;
  neutralizeFormulas: boolean;
  /** Add each row's review status as a last column of the cleaned CSV (off: the notebook's round trip is unchanged). */
  csvReviewStatus: boolean;
  setCsvReviewStatus(on: boolean): void;
  /** Several files read as one: keep their `source` column in the cleaned CSV (off: the files' rows appended, as they were). */
  csvSourceColumn: boolean;
  setCsvSourceColumn(on: boolean): void;
  exportProblems: { problems: ExportProblem[]; count: number } | null;
  busy: DownloadKind | null;
  /** Bytes of the file being saved handed to the browser so far (a streamed download), else null. */
  savingBytes: number | null;
  /** The last download: saved (with a note on what it holds), or cancelled by the user in the browser. */
  lastDownload: { kind: DownloadKind; note: string; cancelled?: true } | null;
  setChoices(patch: Partial<ExportChoices>): void;
  setTestSizeText(text: string): void;
  setNeutralizeFormulas(on: boolean): void;
  /** Make the files and hand them over; refused (with the reasons in `exportProblems`) while `exportGate` says no. */
  download(kind: DownloadKind): Promise<void>;
}

/**
 * The derived slice: results computed in the engine from the rows and the settings. Each is a
 * query keyed by the dataset's revision and the settings it depends on: asked again when its key
 * changes, and an answer for an old key is dropped.
 */
export interface DerivedSlice {
  distribution: Distribution | null;
  split: SplitPreview | null;
  /** The quality checks on the current rows (refreshed with the charts after every change). */
  checks: CheckReport | null;
  /**
   * The suspect-label finding (rows whose label a text model confidently disagrees with): `result`
   * is null when none is flagged; `revision` is the dataset revision it describes (an older one than
   * the status's: out of date, a new run is under way). Null until the first run ends.
   */
  suspects: { result: CheckResult | null; revision: number } | null;
  /**
   * The slow checks' findings (near-duplicates, typos), run after the others and shown with them;
   * `revision` as for `suspects`. They are never errors: the downloads do not wait for them.
   */
  slowChecks: { checks: CheckResult[]; revision: number } | null;
  suspectProgress: TaskProgress | null;
  suspectError: string | null;
  /** True for large datasets, whose checks run when asked (`runChecks`) rather than after every change. */
  checksOnDemand: boolean;
  runChecks(): Promise<void>;
  /** What a fix would change now (the first cells before and after), shown before it is applied. */
  previewFix(fix: Fix): Promise<{ rows: number; samples: FixSample[] }>;
  /** For a JSONL file: what became of each format finding's row (refreshed with the charts). */
  formatStates: FindingState[] | null;
  /** Tokens and cost of the current rows for the chosen model (null until counted). */
  tokenReport: TokenReport | null;
  /** True when rows or settings changed since `tokenReport` was made. */
  tokenReportStale: boolean;
  tokenProgress: TaskProgress | null;
  tokenError: string | null;
  /** Encodings whose tokenizer the engine has loaded: the length check counts with them instead of estimating. */
  tokenizers: string[];
  /** Count tokens now (automatic after every change for small datasets). */
  countTokens(): Promise<void>;
  /** Ask again every result whose key changed (the rows or the settings); resolves when they are in. */
  refreshDerived(): Promise<void>;
  /** The same for what allows a download (the split and the checks) only. */
  refreshGate(): Promise<void>;
}

/** What the reviewer decides about the example on screen (each moves to the next, but a text edit). */
export type ReviewAction =
  | { kind: 'keep' }
  | { kind: 'flag' }
  /** These labels (by label column name) and "reviewed", in one step; `suggested` when it is the model's suggestion. */
  | { kind: 'label'; label: Record<string, string>; suggested?: boolean }
  | { kind: 'text'; text: string };

/** The review mode: one example at a time, keyboard first. */
export interface ReviewSlice {
  /** The open review: the rows in the chosen order, the position, and the positions acted on (for undo). Null when closed. */
  review: { order: ReviewOrder; ids: Int32Array; index: number; scope: number[] | null; actedAt: number[] } | null;
  /** The row at the review's position (null past the end or while it loads). */
  reviewRow: RowView | null;
  /** The order the next review opens in (the last one chosen). */
  lastReviewOrder: ReviewOrder;
  /** Open the review, on every row or on `ids` only (a finding's rows). */
  openReview(options?: { order?: ReviewOrder; ids?: number[] }): Promise<void>;
  /** Walk the open review in this order (and open the next review in it); nothing if the review has closed by its turn. */
  setReviewOrder(order: ReviewOrder): Promise<void>;
  /**
   * New findings came: walk the open review again in `order` if it is still in that order and
   * untouched (at its first example, nothing decided) when its turn comes.
   */
  reorderUntouched(order: ReviewOrder): Promise<void>;
  reviewGo(delta: number): Promise<void>;
  reviewAct(action: ReviewAction): Promise<void>;
  /** Undo the last change and go back to the example it was made on. */
  reviewUndo(): Promise<void>;
  closeReview(): void;
}

export type TrainsetState = DatasetSlice & ViewSlice & HistorySlice & ExportSlice & DerivedSlice & ReviewSlice;
