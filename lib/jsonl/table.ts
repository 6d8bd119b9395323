import type { AnswerMode } from '../export';
import { isObject, shortJson, type ExampleParts } from './format-checks';
import { parseJsonLine } from './json-line';
import type { FormatNoteKind, JsonlTable } from './types';

/**
 * The user message's column. Named as in the notebook's CSV, so a file it wrote comes back with the
 * columns it was made from (`inquiry`, `category`, `sub_category`): the same mapping, the same checks,
 * and a CSV download the notebook reads again.
 */
export const TEXT_COLUMN = 'inquiry';
export const SYSTEM_COLUMN = 'system';
/** The assistant's answer as it is, for answers that are not a JSON object of labels. */
export const ASSISTANT_COLUMN = 'assistant';

type Note = (kind: FormatNoteKind, line: number, example: number, message: string) => void;

/** The assistant answers of these physical lines, read again from the file (line → answer). */
export type AnswersOf = (lines: readonly number[]) => Map<number, string>;

/** A JSON object whose values are all scalars: the labels of a classification answer. */
type LabelObject = Record<string, unknown>;

/** What the table adds to the file's info. */
export interface TableFacts {
  labelKeys: string[];
  systemPrompts: number;
  systemPrompt: string | null;
  missingSystem: number;
  missingUser: number;
  multiTurn: number;
}

/**
 * How an export writes the answers of a table read from a JSONL with these label columns: as they
 * are (`text`) when the only label column is the one holding the answers as written (they are free
 * text), otherwise as labels. The app and the CLI both decide with this.
 */
export function answerMode(table: Pick<JsonlTable, 'assistantColumn'>, labels: readonly string[]): AnswerMode {
  return table.assistantColumn !== null && labels.length === 1 && labels[0] === table.assistantColumn ? 'text' : 'labels';
}

/**
 * Collects the examples' parts, then decides the columns: when at least half of the assistant
 * answers are JSON objects of scalars, their keys (first-seen order) become label columns;
 * otherwise one `assistant` column holds the answers as they are. Nothing is lost either way: in the
 * first case the answers that are not such objects are kept in an `assistant` column too.
 *
 * Memory: rows share one string per distinct system prompt, and an answer that is labels is kept
 * parsed only, not also as written (in the rare file where labels are the minority, those few
 * answers are read again from the file at the end).
 */
export class TableBuilder {
  private readonly lines: number[] = [];
  private readonly numbers: number[] = [];
  private readonly system: (string | null)[] = [];
  /** One string per distinct system prompt, shared by the rows (JSON.parse makes a copy per line). */
  private readonly prompts = new Map<string, string>();
  private readonly user: (string | null)[] = [];
  /** The answer as written; null when there is none or it was parsed into `labels`. */
  private readonly assistant: (string | null)[] = [];
  private readonly labels: (LabelObject | null)[] = [];
  private readonly keys = new Map<string, true>();
  private answers = 0;
  private labelAnswers = 0;
  private multiTurn = 0;

  constructor(private readonly note: Note) {}

  add(line: number, example: number, parts: ExampleParts): void {
    this.lines.push(line);
    this.numbers.push(example);
    this.system.push(parts.system === null ? null : this.prompt(parts.system));
    this.user.push(parts.user);
    const labels = parts.assistant === null ? null : labelObject(parts.assistant);
    this.assistant.push(labels ? null : parts.assistant);
    this.labels.push(labels);
    if (parts.assistant !== null) this.answers++;
    if (labels) {
      this.labelAnswers++;
      for (const k of Object.keys(labels)) this.keys.set(k, true);
    }
    if (parts.users > 1 || parts.assistants > 1) {
      this.multiTurn++;
      this.note(
        'multi_turn',
        line,
        example,
        `this example is a conversation (${parts.users} user and ${parts.assistants} assistant messages): the grid shows its first user message and its last assistant answer, and a re-export keeps only those.`,
      );
    }
  }

  private prompt(text: string): string {
    const shared = this.prompts.get(text);
    if (shared !== undefined) return shared;
    this.prompts.set(text, text);
    return text;
  }

  /** @param answersOf reads answers again from the file: needed only when labels turn out to be the minority. */
  finish(answersOf: AnswersOf): { table: JsonlTable; facts: TableFacts } {
    const n = this.lines.length;
    const labelMode = this.labelAnswers > 0 && this.labelAnswers * 2 >= this.answers;
    if (!labelMode && this.labelAnswers > 0) this.restoreAnswers(answersOf);
    const keys = labelMode ? [...this.keys.keys()] : [];
    const needsRaw = !labelMode || this.labels.some((l, r) => l === null && this.assistant[r] !== null);
    const taken = new Set(keys);
    const text = freeName(TEXT_COLUMN, taken);
    const assistant = needsRaw ? freeName(ASSISTANT_COLUMN, taken) : null;
    const system = freeName(SYSTEM_COLUMN, taken);
    const header = [text, ...keys, ...(assistant ? [assistant] : []), system];

    const textCells = this.user.map((u) => u ?? '');
    const labelCells = keys.map(() => new Array<string>(n));
    const rawCells = needsRaw ? new Array<string>(n) : null;
    for (let r = 0; r < n; r++) {
      const labels = labelMode ? this.labels[r] : null;
      if (rawCells) rawCells[r] = labels ? '' : (this.assistant[r] ?? '');
      if (labels) this.labelRow(r, labels, keys, labelCells);
      else {
        for (const cells of labelCells) cells[r] = '';
        if (labelMode && this.assistant[r] !== null) {
          this.note(
            'labels_not_json',
            this.lines[r]!,
            this.numbers[r]!,
            `the assistant's answer is not a JSON object of labels like the others' (${keys.map((k) => JSON.stringify(k)).join(', ')}): it is kept as it is in the ${assistant} column and its labels are empty. Fill them in.`,
          );
        }
      }
    }
    const systemCells = this.system.map((s) => s ?? '');
    const missingSystem = this.system.filter((s) => s === null).length;
    const columns = [textCells, ...labelCells, ...(rawCells ? [rawCells] : []), systemCells];
    return {
      table: {
        header,
        columns,
        rowCount: n,
        lines: Int32Array.from(this.lines),
        numbers: Int32Array.from(this.numbers),
        mapping: { text, labels: labelMode ? keys : [assistant!] },
        systemColumn: system,
        assistantColumn: assistant,
      },
      facts: {
        labelKeys: keys,
        systemPrompts: this.prompts.size,
        systemPrompt: missingSystem === 0 && this.prompts.size === 1 ? [...this.prompts.keys()][0]! : null,
        missingSystem,
        missingUser: this.user.filter((u) => u === null).length,
        multiTurn: this.multiTurn,
      },
    };
  }

  /** The answers as written of the rows whose answers were parsed as labels: the answers are free text after all. */
  private restoreAnswers(answersOf: AnswersOf): void {
    const rows = this.labels.flatMap((l, r) => (l ? [r] : []));
    const answers = answersOf(rows.map((r) => this.lines[r]!));
    for (const r of rows) this.assistant[r] = answers.get(this.lines[r]!) ?? '';
  }

  /** One row's label cells; a missing or non-text value becomes a note. */
  private labelRow(r: number, labels: LabelObject, keys: string[], cells: string[][]): void {
    const missing: string[] = [];
    const notText: string[] = [];
    keys.forEach((key, k) => {
      const v = Object.hasOwn(labels, key) ? labels[key] : undefined;
      if (typeof v === 'string') cells[k]![r] = v;
      else if (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) {
        cells[k]![r] = '';
        missing.push(`${JSON.stringify(key)}${v === undefined ? '' : ` (${shortJson(v)})`}`);
      } else {
        cells[k]![r] = String(v);
        notText.push(`${JSON.stringify(key)} is ${shortJson(v)}`);
      }
    });
    const line = this.lines[r]!;
    const example = this.numbers[r]!;
    if (missing.length > 0) {
      this.note(
        'label_missing',
        line,
        example,
        `the assistant's answer has no value for ${missing.join(', ')}: fill ${missing.length === 1 ? 'it' : 'them'} in.`,
      );
    }
    if (notText.length > 0) {
      this.note(
        'label_not_text',
        line,
        example,
        `in the assistant's answer ${notText.join(', ')}, not text (in quotes): a re-export writes ${notText.length === 1 ? 'it' : 'them'} as text.`,
      );
    }
  }
}

/** The answer's labels when it is a JSON object of scalars (strings, numbers, true/false, null, NaN). */
function labelObject(answer: string): LabelObject | null {
  // Most answers that are not labels are prose: skip the parse for them.
  const start = answer.trimStart();
  if (!start.startsWith('{')) return null;
  const parsed = parseJsonLine(answer);
  if (!parsed.ok || !isObject(parsed.value)) return null;
  const values = Object.values(parsed.value);
  if (values.length === 0 || values.some((v) => typeof v === 'object' && v !== null)) return null;
  return parsed.value;
}

/** `base`, or `base_message`, `base_message_2`… when a label key already has that name. */
function freeName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 1; taken.has(name); i++) name = i === 1 ? `${base}_message` : `${base}_message_${i}`;
  taken.add(name);
  return name;
}
