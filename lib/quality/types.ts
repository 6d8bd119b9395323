import type { AnswerMode, ExportTarget, FileLimitName, JsonStyle, LimitSource } from '../export';
import type { TestSize } from '../split';
import type { Thresholds } from './thresholds';

/** `error` blocks the export; `warning` deserves a look; `info` is worth knowing. */
export type Severity = 'error' | 'warning' | 'info';

/** Stable ids: the app, the CLI's JSON and saved dismissals refer to checks by them. */
export type CheckId =
  | 'empty'
  | 'na-string'
  | 'inferred-type'
  | 'malformed-row'
  | 'whitespace'
  | 'encoding'
  | 'formula-quote'
  | 'duplicate'
  | 'conflicting-duplicate'
  | 'near-duplicate'
  | 'near-duplicate-conflict'
  | 'split-leakage'
  | 'label-variant'
  | 'hierarchy'
  | 'rare-class'
  | 'imbalance'
  | 'length'
  | 'pii'
  | 'too-few-examples'
  | 'target-limits'
  | 'typo'
  /** Not among `runChecks`' checks: run on its own (`checkSuspectLabels`), it takes seconds on large files. */
  | 'suspect-label';

/**
 * The table the checks read, without holding row objects: the app wraps a `Dataset` (live rows in
 * export order), the CLI wraps the columns it streamed from the file. A row is addressed by its
 * position `0 .. rowCount - 1`; positions are never shown, only {@link rowNumber} and {@link rowId}.
 */
export interface CheckTable {
  readonly header: readonly string[];
  readonly rowCount: number;
  /** The cell's text. Only the columns named in {@link CheckInput} are read. */
  cell(row: number, col: number): string;
  /** The number shown in the grid: 1 = the first data row after the header. Ascends with `row`. */
  rowNumber(row: number): number;
  /** The row's stable id (see `lib/dataset`'s `RowId`), for the app's filters and fixes. */
  rowId(row: number): number;
}

/** What to check: the table, which of its columns play which part, and how the export will split. */
export interface CheckInput {
  table: CheckTable;
  /** Column index of the user message. */
  text: number;
  /** Label column indexes, top level first (category, then sub-category). */
  labels: readonly number[];
  /** Stratification column indexes (their values joined with a space, as sklearn does), or null for none. */
  stratify: readonly number[] | null;
  /** The export's validation share or row count. */
  testSize: TestSize;
  /** The export's random seed (default 42), for the split the leakage check reproduces. */
  seed?: number;
  /** The export keeps near-copies in one file (the opt-in split): the leakage check then has nothing to find. */
  keepNearDuplicatesTogether?: boolean;
  /**
   * Rows the reader set aside because they have more fields than the header (the export refuses the
   * file while they exist). They are not in the table, so only their numbers are reported.
   */
  setAside?: readonly { dataRow: number; line: number }[];
  /**
   * The service the files are for (default `openai`): its published limits set the defaults of the
   * example-count and token thresholds, and `target-limits` checks its maximums.
   */
  target?: ExportTarget;
  /** How the export will write the lines (defaults: the notebook's prompt, `python`), for the file-size estimate. */
  systemPrompt?: string;
  jsonStyle?: JsonStyle;
  /**
   * How the export writes the answers (default `labels`). With `text` the one label column holds
   * free-text answers, written as they are: the checks about label values (variants, imbalance)
   * and about pandas' reading of the column (NA strings, inferred types) do not apply to it.
   */
  answer?: AnswerMode;
}

/** Counts the tokens of a text, for the length check (the app passes gpt-tokenizer's `o200k_base`). */
export interface TokenCounter {
  /** Shown in messages, e.g. "o200k_base". */
  name: string;
  count(text: string): number;
}

export interface CheckOptions {
  /** Overrides of {@link DEFAULT_THRESHOLDS}; the rest keep their defaults. */
  thresholds?: Partial<Thresholds>;
  /** Without one, tokens are estimated from characters (`thresholds.charsPerToken`). */
  tokenCounter?: TokenCounter;
  /**
   * The tokens row `row`'s training example adds to its user message's own: the system prompt, the
   * answer and the chat format's (`lib/tokens`' `ExampleTokens.overhead`). With it the length check
   * compares whole examples with `thresholds.maxTokens`; without it, only the user message.
   */
  exampleOverhead?: (row: number) => number;
  /** Overrides of the target's maximums (`TARGETS[target].limits`), or limits a target lacks. */
  limits?: Partial<Record<FileLimitName, number>>;
  /** The typo check's inputs besides the thresholds. */
  typo?: TypoOptions;
}

/** What the typo check needs besides the texts. */
export interface TypoOptions {
  /**
   * English words in lower case (`loadEnglishWords()`), ideally most common first (ties between
   * corrections go to the earlier word). Without it only the file's own vocabulary is used. Kept
   * by identity: the lookup structure built from it is cached for as long as the set lives.
   */
  dictionary?: ReadonlySet<string>;
  /** Words marked "Not a typo" (any case): never reported. */
  ignoreWords?: readonly string[];
  /** Whether the texts are English: `false` leaves the dictionary out; undefined detects it (`looksEnglish`). */
  english?: boolean;
}

/** A column and a row selection; `rows` are grid numbers, `rowIds` the matching ids (same order). */
interface FixTarget {
  rows: number[];
  rowIds: number[];
}

/** A change to the text of some cells of one column; `cleanCell(kind, value)` computes the new text. */
export type CellFixKind =
  'trim' | 'collapse-spaces' | 'collapse-whitespace' | 'normalise-spaces' | 'remove-invisible' | 'remove-control' | 'repair-mojibake' | 'remove-formula-quote';

/**
 * A machine-readable fix the app turns into one undoable change (`fixChange`). Every fix is
 * recomputed against the current values when applied, so a stale proposal changes nothing it should not.
 */
export type Fix = FixTarget &
  (
    | { kind: CellFixKind; col: number; column: string }
    /** Delete the listed rows: each repeats an earlier row (the first of its group is kept). */
    | { kind: 'drop-duplicates'; keep: 'first' }
    /** Set `col` to `to` on every row holding one of the `from` values. */
    | { kind: 'merge-label'; col: number; column: string; from: string[]; to: string }
    /**
     * Give each group of rows one set of labels: `to[i]` (a value per column of `cols`) on the live
     * rows of `groups[i]`; `rows`/`rowIds` are the rows whose labels it changes. A near-duplicate
     * conflict's groups get their most common labels.
     */
    | { kind: 'set-labels'; cols: number[]; columns: string[]; groups: { rowIds: number[]; to: string[] }[] }
    /** Replace the whole word `word` (any case) by `suggestion` in `col` of the rows, in the case each occurrence is written (`Restaurnt` → `Restaurant`). */
    | { kind: 'replace-word'; col: number; column: string; word: string; suggestion: string }
    /** "Not a typo": `word` joins the session's ignore list (`TypoOptions.ignoreWords`). Changes no cell: `fixChange` gives null, the app applies it. */
    | { kind: 'ignore-word'; word: string }
  );

/** A label that looks like a rarer spelling of another in the same column. */
export interface LabelVariant {
  column: string;
  /** The rare form(s) as they are written in the file. */
  from: string[];
  fromCount: number;
  /** The common form. */
  to: string;
  toCount: number;
  /** `fold`: same after ignoring case, spaces and punctuation; `edit`: a few letters apart. */
  reason: 'fold' | 'edit';
  /** Letters apart after folding (0 for `fold`). */
  distance: number;
}

/** suspect-label: a row whose label the model, trained on the other rows, confidently disagrees with. */
export interface SuspectLabel {
  /** Grid number and id of the row. */
  row: number;
  rowId: number;
  /** The row's labels, and the label the model believes instead, by label column: a combination that exists in the data. */
  given: Record<string, string>;
  suggested: Record<string, string>;
  /** The model's probability of the suggested label (0–1). */
  confidence: number;
  /** The model's probability of the given label (0–1): the lower, the more suspicious. */
  selfConfidence: number;
  /** 1 = the most suspicious row (the lowest self-confidence). */
  rank: number;
}

/** suspect-label: what was judged and how. */
export interface SuspectSummary {
  /** Rows judged: with a text, every label, and a label combination of at least `tooSmall.minRows` rows. */
  judged: number;
  /** Rows not judged because their label combination has too few rows to learn from, and how many such combinations. */
  tooSmall: { rows: number; classes: number; minRows: number };
  /** Label combinations the model learnt (the classes). */
  classes: number;
  /** Cross-validation folds; each row is judged by a model trained on the other folds. */
  folds: number;
  /** Rows the models were trained on (a stratified sample of the judged rows when there are many). */
  trainRows: number;
  /** Share of judged rows whose given label is the model's first choice. */
  agreement: number;
}

/** typo: one misspelling, its correction and the rows holding it. */
export interface Typo {
  /** The misspelling in lower case (rows may write it capitalised or in capitals). */
  word: string;
  /** The correction in lower case, written in each row's case by the fix. */
  suggestion: string;
  /** Edits between them (Damerau-Levenshtein). */
  distance: number;
  /** `file`: the correction is a frequent word of the file; `dictionary`: it is only in the dictionary. */
  source: 'file' | 'dictionary';
  /** Each row holding the misspelling (grid number and id), with the word as written there. */
  rows: { row: number; rowId: number; written: string }[];
}

/** A group of rows sharing a text (duplicates), for messages and the app's grouped view. */
export interface RowGroup {
  rows: number[];
  /** The first row's text, shortened. */
  text: string;
  /** For conflicting duplicates: the distinct label combinations, joined with " / ". */
  labels?: string[];
}

/**
 * What a check found besides the rows, for the app's panels. Each field is set by the checks named
 * in its comment; lists are capped (`truncated` says so) while `rows` always holds every row.
 */
export interface CheckDetails {
  /** empty, na-string, whitespace, encoding, inferred-type: rows per column and per kind of problem. */
  columns?: { column: string; count: number; kinds?: Record<string, number>; values?: { value: string; count: number }[] }[];
  /** duplicate, conflicting-duplicate, near-duplicate, near-duplicate-conflict. */
  groups?: RowGroup[];
  /** The same checks: every group's rows as grid numbers, uncapped (`--json`'s `groups`). */
  groupRows?: number[][];
  /**
   * split-leakage: the validation examples of the export's split (its settings and seed), and how
   * many of them have an exact copy (`exact`) or only a near-duplicate (`near`) in the training file.
   */
  leakage?: { validation: number; exact: number; near: number; similarity: number };
  /** label-variant. */
  variants?: LabelVariant[];
  /** rare-class, imbalance: the classes concerned with their row counts, smallest first. */
  classes?: { label: string; count: number }[];
  /** imbalance: the largest class. */
  largest?: { label: string; count: number };
  /** hierarchy: each sub-label under several parents, with the rows under each parent. */
  children?: { column: string; parentColumn: string; label: string; parents: { label: string; count: number }[] }[];
  /** pii and length: rows per kind (`email`, `phone`, `card`, `iban`; `short`, `long`). */
  kinds?: Record<string, number>;
  /** length: how tokens were counted and the limit used. */
  tokens?: { counter: string; limit: number; estimated: boolean; wholeExample?: boolean };
  /** too-few-examples: the split's sizes with the export's test size. */
  split?: { rows: number; train: number; validation: number; classes: number };
  /** too-few-examples, target-limits: the target whose limits were applied. */
  target?: { id: ExportTarget; name: string };
  /**
   * target-limits: each limit exceeded, with the number the export would reach (`estimated` for file
   * sizes, from the lines' exact total shared out by the split's sizes) and where the limit comes
   * from (none when the user set it).
   */
  limits?: { name: FileLimitName; actual: number; limit: number; estimated: boolean; source?: LimitSource }[];
  /** suspect-label: every flagged row with its suggestion, most suspicious first (the order of `rows`). */
  suggestions?: SuspectLabel[];
  /** typo: each misspelling with its correction and rows, the most frequent first. */
  typos?: Typo[];
  /** suspect-label. */
  suspect?: SuspectSummary;
  truncated?: boolean;
}

/** One check's finding. A check may report twice with different severities (rare-class: error and warning). */
export interface CheckResult {
  id: CheckId;
  severity: Severity;
  /**
   * How many rows the check concerns (= `rows.length`), except for `too-few-examples`, which
   * concerns the whole table and counts the training examples the split would leave.
   * (`target-limits` concerns the files, not rows: its numbers are in `details.limits`.)
   */
  count: number;
  /** Every row concerned, as grid numbers (1 = first data row), ascending; for `suspect-label`, most suspicious first. */
  rows: number[];
  /** The same rows' ids, in the same order (empty for `malformed-row`: those rows have no id). */
  rowIds: number[];
  /** A sentence for a non-engineer, with the numbers. */
  message: string;
  /** Proposed one-click fixes, each one undoable change. */
  fixes?: Fix[];
  details?: CheckDetails;
}

export interface CheckReport {
  /** Rows checked. */
  rows: number;
  /** Errors first, then warnings, then info; by id within a severity. */
  checks: CheckResult[];
  /** The thresholds used (defaults merged with the options). */
  thresholds: Thresholds;
}
