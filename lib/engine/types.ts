import type { GroupKeeping } from '../split';
import type { BadRow, CsvInfo, CsvProblem } from '../csv';
import type { LabelRef, ReplaceQuery, ReviewStatus, RowId, ViewQuery } from '../dataset';
import type { ExportProblem, ExportSummary, ExportTarget, JsonStyle, LimitSource } from '../export';
import type { FormatReport, JsonlBadLine, JsonlInfo, JsonlWarning } from '../jsonl';
import type { Thresholds } from '../quality';
import type { TestSize } from '../split';

/** Which column holds the text and which hold the labels (by name, as in the file's header). */
export interface ColumnMapping {
  text: string;
  labels: string[];
}

/** A warning about the whole file, with the code of the reader that gave it (CSV or JSONL). */
export type FileWarning = CsvProblem | JsonlWarning;

/** The file summary's facts: a CSV's, or a JSONL's in the same shape (no delimiter). */
export interface FileInfo extends Omit<CsvInfo, 'warnings'> {
  warnings: FileWarning[];
  /**
   * Set when a CSV's first row, read as the header, looks like data (`headerLooksLikeData`): why.
   * The mapping step then asks whether to read the file again without a header (`header: false`).
   */
  headerLooksLikeData?: string;
  /** Set when the file was an Excel workbook: the sheet read (as CSV, see lib/xlsx) and the sheets that could be. */
  workbook?: { sheet: string; sheets: string[] };
  /** Set when several files were read as one (lib/sources): the column naming each row's file, and each file's rows. */
  sources?: { column: string; files: { name: string; rows: number; encoding: string; delimiter: string }[] };
}

/** What the user sees after a file is read. */
export interface LoadedMeta {
  fileName: string;
  fileSize: number;
  header: string[];
  rowCount: number;
  info: FileInfo;
  /** Rows that could not be read (more fields than the header), with their lines. */
  badRows: BadRow[];
  /** Set when the columns could be mapped without asking (inquiry/category/sub_category present). */
  mapping: ColumnMapping | null;
  /** The best guess, to pre-fill the mapping step. */
  guess: ColumnMapping;
  /** Set when the file was a JSONL training file: what OpenAI's format checks found in it. */
  jsonl?: JsonlMeta;
}

/** What became of a format finding's row since the file was read. */
export type FindingState = 'open' | 'edited' | 'deleted' | 'none';

/** A JSONL file's reading: its facts, the format checks' findings by line, the lines set aside. */
export interface JsonlMeta {
  info: JsonlInfo;
  format: FormatReport;
  badLines: JsonlBadLine[];
  /** The grid row id of each of `format.findings` (-1 when its line did not become a row). */
  findingRowIds: number[];
  /** The grid row id of each of `format.orderFindings` (the order of messages, against a target's rules). */
  orderRowIds: number[];
  /**
   * The column holding the answers as written (`JsonlTable.assistantColumn`). Mapped as the only
   * label column, the answers are free text: see `answerModeOf`.
   */
  assistantColumn: string | null;
}

/** One grid row. `edited` has bit `c` set when column `c` differs from the uploaded value. */
export interface RowView {
  id: RowId;
  /** The file's data-row number (added rows continue after the last). */
  number: number;
  cells: string[];
  edited: number;
  added: boolean;
  review: ReviewStatus;
}

/** The state of the dataset the UI mirrors after every operation. */
export interface DatasetStatus {
  rows: number;
  editedCells: number;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** Bumped on every change, so caches of rows know to refresh. */
  revision: number;
  /** Live rows per review status. */
  review: Record<ReviewStatus, number>;
}

export interface ViewResult {
  /** Rows in the current view (after filters and search). */
  length: number;
  status: DatasetStatus;
}

/** The orders a review can walk the rows in (see `Engine.reviewQueue`). */
export type ReviewOrder = 'file' | 'suspicious' | 'label' | 'unreviewed' | 'flagged' | 'suspects';

export type StratifyChoice = 'first' | 'all-labels' | 'none';

/** The export panel's settings, as the user sets them. */
export interface ExportChoices {
  systemPrompt: string;
  stratify: StratifyChoice;
  testSize: TestSize;
  seed: number;
  jsonStyle: JsonStyle;
  /** The service the files are for (a session saved before targets existed has none: `openai`). */
  target: ExportTarget;
  /** The user's changes to the quality checks' thresholds (the rest keep their defaults). */
  thresholds: Partial<Thresholds>;
  /** The model whose tokenizer, limit and price the tokens-and-cost estimate uses. */
  tokens: TokenChoices;
  /** Words marked "Not a typo": the typo check never reports them (saved with the session). */
  ignoreWords: string[];
  /**
   * Opt-in, off by default (the default bytes stay the notebook's): copies and near-copies of one
   * inquiry go to the same file, so none of the validation file is a near-copy of training
   * (`lib/split/keep-groups.ts` says how it differs from scikit-learn).
   */
  keepNearDuplicatesTogether: boolean;
}

export interface TokenChoices {
  /** A preset id from lib/tokens (`gpt-4o-mini-2024-07-18`, …). */
  model: string;
  /** USD per 1,000,000 training tokens; null: the preset's published price. */
  pricePerMillion: number | null;
  /** Epochs the job will run; null: the notebook's default for the training file's size. */
  epochs: number | null;
}

/** Tokens and cost of the training examples, as OpenAI's data-preparation notebook counts them. */
export interface TokenReport {
  /** The dataset's revision the count describes (rows edited since make it stale). */
  revision: number;
  model: string;
  modelName: string;
  encoding: string;
  /** Tokens per example; longer ones are cut short in training and billed at the limit. */
  limit: number;
  limitSource: LimitSource;
  note: string;
  /** Every live row's example (both files). */
  examples: number;
  totalTokens: number;
  mean: number;
  median: number;
  max: number;
  longest: { rowId: number; row: number; tokens: number; text: string }[];
  overLimitIds: number[];
  /** The training file (null when the split cannot be made: then every row is billed). */
  train: { examples: number; totalTokens: number } | null;
  epochs: number;
  defaultEpochs: boolean;
  billedTokens: number;
  pricePerMillion: number;
  /** Where the price comes from; null when the user typed it. */
  priceSource: LimitSource | null;
  /** USD. */
  cost: number;
}

/** Progress of a long task in the worker other than reading a file. */
export interface TaskProgress {
  task: 'tokens' | 'suspects';
  done: number;
  total: number;
}

export interface ClassSplit {
  label: string;
  total: number;
  train: number;
  validation: number;
}

export type SplitPreview =
  | {
      ok: true;
      train: number;
      validation: number;
      classes: ClassSplit[];
      stratifiedBy: string | null;
      /** The first lines of each file, as they will be written. */
      preview: { train: string[]; validation: string[] };
      /** With near-copies kept in one file: what that changed in scikit-learn's split. */
      keeping?: GroupKeeping;
    }
  | { ok: false; problems: ExportProblem[]; problemCount: number };

export interface Distribution {
  labels: string[];
  /** Per label column: value counts, most frequent first. */
  counts: { column: string; values: { value: string; count: number }[] }[];
  /** With two or more label columns: second-level counts within each first-level value. */
  nested: { parent: string; count: number; children: { value: string; count: number }[] }[] | null;
}

export type ExportResult =
  | { ok: true; train: Blob; validation: Blob; summary: ExportSummary; preview: { train: string[]; validation: string[] } }
  | { ok: false; problems: ExportProblem[]; problemCount: number };

/** Whether the files can be written with the choices (before a streamed download starts), and what they hold. */
export type FileCheck = { ok: true; summary: ExportSummary } | { ok: false; problems: ExportProblem[]; problemCount: number };

/** Both files and `manifest.json`'s text, whose hashes are those of these very Blobs (the zip's). */
export type ManifestedExport = (Extract<ExportResult, { ok: true }> & { manifest: string }) | Extract<ExportResult, { ok: false }>;

/** Operations that change the data; each is one undoable step. */
export type EditOp =
  | { kind: 'set'; id: RowId; col: number; value: string }
  /** Several cells of one row in one undo step (the row's detail view). */
  | { kind: 'set-row'; id: RowId; cells: { col: number; value: string }[] }
  /** Give rows a review status (kept, flagged, or back to unreviewed). */
  | { kind: 'review'; ids: RowId[]; status: ReviewStatus }
  /** Set labels of one row and mark it reviewed, one undo step named `label` (the review's "use this label"). */
  | { kind: 'review-with'; id: RowId; cells: { col: number; value: string }[]; label: string }
  | { kind: 'set-column'; ids: RowId[]; col: number; value: string }
  | { kind: 'delete'; ids: RowId[] }
  | { kind: 'add'; values?: string[] }
  | { kind: 'replace'; query: ReplaceQuery }
  | { kind: 'rename'; col: number; from: string[]; to: string }
  /** Rename or merge labels of `col` (a ref with a parent matches only under it, read from `parentCol`). */
  | { kind: 'relabel'; col: number; refs: LabelRef[]; to: string; parentCol?: number }
  /** Give the rows of the sub-labels `refs` (values of `childCol`) the parent `to` in `parentCol`. */
  | { kind: 'move'; parentCol: number; childCol: number; refs: LabelRef[]; to: string };

export type { LabelRef, ViewQuery, ReplaceQuery, RowId };
