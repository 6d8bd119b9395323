import type { TestSize } from '../split';
import type { ExportTarget } from './targets';

/** Layout of the JSON text: Python's `json.dumps` defaults (the notebook's bytes) or compact UTF-8. */
export type JsonStyle = 'python' | 'compact';

/**
 * What the assistant's answer is: `labels`, the label columns as a JSON object (the notebook's
 * classification answer); or `text`, the one label column's cell as it is (free-text answers, such
 * as a chat training file's replies).
 */
export type AnswerMode = 'labels' | 'text';

/** The notebook's system prompt. */
export const DEFAULT_SYSTEM_PROMPT = 'Classify the user message into a category and sub-category and output the result as JSON.';

/** Everything that decides the bytes of an export. */
export interface ExportSettings {
  /** Column holding the user message. */
  textColumn: string;
  /** Columns whose values form the assistant's JSON answer, in this key order (`text` answers: the one answer column). */
  labelColumns: string[];
  /** How the answer is written from `labelColumns`; `text` takes exactly one column. */
  answer: AnswerMode;
  /** Columns to stratify by (joined with a space when several, as sklearn does), or null for none. */
  stratify: string[] | null;
  testSize: TestSize;
  seed: number;
  systemPrompt: string;
  jsonStyle: JsonStyle;
  /** The service the files are for: decides each line's envelope (`targets.ts`). */
  target: ExportTarget;
}

export const DEFAULT_SETTINGS: ExportSettings = {
  textColumn: 'inquiry',
  labelColumns: ['category', 'sub_category'],
  answer: 'labels',
  stratify: ['category'],
  testSize: { kind: 'float', value: 0.2 },
  seed: 42,
  systemPrompt: DEFAULT_SYSTEM_PROMPT,
  jsonStyle: 'python',
  target: 'openai',
};

export type ExportProblemCode = 'missing-column' | 'answer-columns' | 'empty-cell' | 'na-cell' | 'inferred-type' | 'malformed-row' | 'no-rows' | 'split';

/**
 * Why an export cannot be made, with the place: `dataRow` is 1-based after the header (as in the
 * grid), `line` the physical line in the file. `message` is a whole sentence saying what to do.
 */
export interface ExportProblem {
  code: ExportProblemCode;
  message: string;
  dataRow?: number;
  line?: number;
  column?: string;
  value?: string;
  /** For split problems: sklearn's own wording, for engineers comparing with the notebook. */
  sklearn?: string;
  /** In the app: the id of the row concerned (set by the engine, which knows the ids). */
  rowId?: number;
}

export interface ClassCount {
  label: string;
  train: number;
  validation: number;
}

export interface ExportSummary {
  rows: number;
  train: number;
  validation: number;
  /** Rows per value of the first label column in each file, in code-point order (none with `text` answers). */
  perLabel: ClassCount[];
  labelColumn: string;
}
