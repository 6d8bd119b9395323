import type { Encoding } from '../csv';
import type { Layout } from '../export';

/**
 * What makes an example unusable for fine-tuning. The seven kinds of OpenAI's data-preparation
 * notebook keep its names, so counts can be compared with its "Found errors:" summary; Trainset adds
 * `invalid_json` (the notebook stops at such a line), `invalid_weight` (the API refuses it) and
 * `layout_mismatch` (a line in another layout than the file's first example: a service reads one
 * layout a file, and Together refuses a file mixing two). A file in another layout than OpenAI's
 * (`JsonlInfo.layout`) gets the same kinds, in its own terms.
 */
export type FormatErrorKind =
  | 'invalid_json'
  | 'data_type'
  | 'missing_messages_list'
  | 'message_missing_key'
  | 'message_unrecognized_key'
  | 'unrecognized_role'
  | 'missing_content'
  | 'example_missing_assistant_message'
  | 'invalid_weight'
  | 'layout_mismatch';

/** In report order: the line, then the notebook's seven in its order, then the weight and the layout. */
export const FORMAT_ERROR_KINDS: readonly FormatErrorKind[] = [
  'invalid_json',
  'data_type',
  'missing_messages_list',
  'message_missing_key',
  'message_unrecognized_key',
  'unrecognized_role',
  'missing_content',
  'example_missing_assistant_message',
  'invalid_weight',
  'layout_mismatch',
];

/**
 * Worth knowing, not wrong: the grid shows part of a conversation (`multi_turn`), a line uses
 * Python's NaN or Infinity (`non_standard_json`), an assistant answer is not a JSON object of labels
 * while most are (`labels_not_json`), a label is missing or not text (`label_missing`, `label_not_text`).
 */
export type FormatNoteKind = 'multi_turn' | 'non_standard_json' | 'labels_not_json' | 'label_missing' | 'label_not_text';

export const FORMAT_NOTE_KINDS: readonly FormatNoteKind[] = ['multi_turn', 'non_standard_json', 'labels_not_json', 'label_missing', 'label_not_text'];

/**
 * How an example's messages depart from an order some services require (`ConversationRules`):
 * `first_role`, it does not start with a system or user message; `alternation`, user and
 * assistant messages do not take turns after the system message; `last_role`, it does not end with
 * the assistant's answer. Not errors by themselves: `targetRuleFindings` keeps those of the chosen
 * target's rules.
 */
export type RoleOrderKind = 'first_role' | 'alternation' | 'last_role';

export const ROLE_ORDER_KINDS: readonly RoleOrderKind[] = ['first_role', 'alternation', 'last_role'];

/** One finding about one line. */
export interface FormatFinding<K extends string = FormatErrorKind> {
  /** 1-based physical line of the file. */
  line: number;
  /** 1-based example number: the n-th line that is not blank (the row number in the grid). */
  example: number;
  kind: K;
  /** 1-based position of the message in its list (`messages`, `conversations`, `contents`), for the message-level kinds. */
  messageIndex?: number;
  /** A sentence for a non-engineer: what is wrong and what to do. Does not repeat the line number. */
  message: string;
}

/** The format checks' summary, like the notebook's, with the lines behind each count. */
export interface FormatReport {
  /** Lines that are not blank. */
  examples: number;
  /**
   * Count per error kind found (kinds with no finding are absent), in {@link FORMAT_ERROR_KINDS}
   * order. The message-level kinds count messages, as the notebook does, so one line can count twice.
   */
  errors: Partial<Record<FormatErrorKind, number>>;
  /** The errors, in file order; capped at `maxFindings` (`truncated` says so) while `errors` counts all. */
  findings: FormatFinding[];
  warnings: Partial<Record<FormatNoteKind, number>>;
  /** The notes, in file order, capped like `findings`. */
  notes: FormatFinding<FormatNoteKind>[];
  /** Examples per departure from a service's order of messages (`RoleOrderKind`), complete counts. */
  order: Partial<Record<RoleOrderKind, number>>;
  /** Those departures in file order, capped like `findings`; the message says what, not whose rule. */
  orderFindings: FormatFinding<RoleOrderKind>[];
  truncated: boolean;
}

export interface JsonlOptions {
  /** Force an encoding instead of detecting it (training files should be UTF-8). */
  encoding?: Encoding;
  /** Bytes decoded per step; also the progress granularity. */
  chunkBytes?: number;
  /** Accepted roles; default {@link ALLOWED_ROLES} (pass `NOTEBOOK_ROLES` for the notebook's exact counts). */
  roles?: readonly string[];
  /** Findings and notes kept in the lists (each); counts are always complete. Default 10,000. */
  maxFindings?: number;
}

export interface JsonlProgress {
  bytesRead: number;
  totalBytes: number;
  examples: number;
}

export type JsonlProblemCode = 'empty-file' | 'binary-file' | 'invalid-encoding' | 'no-examples';

/** Why the file cannot be read at all (nothing else is returned). */
export interface JsonlProblem {
  code: JsonlProblemCode;
  message: string;
  line?: number;
  column?: number;
}

export type JsonlWarningCode = 'not-utf-8' | 'blank-lines' | 'not-jsonl';

/** About the whole file, for the file summary. */
export interface JsonlWarning {
  code: JsonlWarningCode;
  message: string;
}

/** A line that is not JSON, or JSON that holds no messages: set aside, like a CSV's `BadRow`. */
export interface JsonlBadLine {
  line: number;
  example: number;
  /** The line as it is in the file. */
  text: string;
  /** Where the JSON breaks, 1-based in characters (only for `invalid_json`). */
  column?: number;
  kind: 'invalid_json' | 'data_type' | 'missing_messages_list';
  message: string;
}

/**
 * The examples as a table, column-major like the columns `Engine.load` builds from a CSV: build the
 * grid's dataset with `Dataset.fromColumns(header, columns, lines, numbers)`. Every cell is a string
 * ('' where the example has nothing to put there).
 */
export interface JsonlTable {
  /** `inquiry`, the label keys (or `assistant`), then `system`; see {@link readJsonl}. */
  header: string[];
  columns: string[][];
  rowCount: number;
  /** Physical line of each row. */
  lines: Int32Array;
  /** Example number of each row (lines set aside keep theirs, so row 14 stays 14). */
  numbers: Int32Array;
  /** Which columns hold the user message and the labels: the column mapping, known without asking. */
  mapping: { text: string; labels: string[] };
  /** The column holding each example's system prompt. */
  systemColumn: string;
  /** The column holding the raw assistant answer, when some answers are not JSON objects of labels (else null). */
  assistantColumn: string | null;
}

/** What the reader found out about the file, to show the user and to re-export it. */
export interface JsonlInfo {
  /** The layout of the first example (the one every line is expected in), null when no line is in one Trainset knows. */
  layout: Layout | null;
  encoding: Encoding;
  encodingDetected: boolean;
  bom: boolean;
  lineEndings: { lf: number; crlf: number };
  /** Physical lines, blank ones included. */
  lines: number;
  /** Lines that are not blank. */
  examples: number;
  blankLines: number;
  /** Examples that became rows. */
  rows: number;
  /** Distinct system prompts among the rows. */
  systemPrompts: number;
  /** The system prompt, when every row has one and it is the same: a re-export can reuse it. */
  systemPrompt: string | null;
  /** Rows without a system message / without a user message (the notebook's two warnings). */
  missingSystem: number;
  missingUser: number;
  /** The keys of the assistant's JSON answers, in first-seen order (empty when answers are free text). */
  labelKeys: string[];
  /** Rows with more than one user or assistant message. */
  multiTurn: number;
  warnings: JsonlWarning[];
}

export type JsonlReadResult =
  { ok: true; table: JsonlTable; info: JsonlInfo; format: FormatReport; badLines: JsonlBadLine[] } | { ok: false; problem: JsonlProblem };
