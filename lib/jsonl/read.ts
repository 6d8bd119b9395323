import { decodeChunks, decodeWithFallback, encodingName, type Encoding, type ExpectedFile } from '../csv';
import { LAYOUT_NAMES, type Layout } from '../export';
import { ALLOWED_ROLES } from './format-checks';
import { parseJsonLine } from './json-line';
import { checkInLayout, layoutOf, readingLayout } from './layouts';
import { roleOrderProblems } from './role-order';
import { TableBuilder, type AnswersOf } from './table';
import {
  FORMAT_ERROR_KINDS,
  FORMAT_NOTE_KINDS,
  type FormatErrorKind,
  type FormatFinding,
  type FormatNoteKind,
  type FormatReport,
  type JsonlBadLine,
  type JsonlInfo,
  type JsonlOptions,
  type JsonlProblem,
  type JsonlProgress,
  type JsonlReadResult,
  type JsonlWarning,
  ROLE_ORDER_KINDS,
  type RoleOrderKind,
} from './types';

const DEFAULT_CHUNK_BYTES = 4 << 20;
const DEFAULT_MAX_FINDINGS = 10_000;
const MAX_BAD_LINES_KEPT = 10_000;
const BLANK = /^[ \t\r]*$/;

/** How the shared encoding detection names the file expected in its messages. */
const JSONL_FILE: ExpectedFile = {
  name: 'a JSONL training file',
  empty: 'Choose a JSONL file with one {"messages": [...]} example a line.',
  saveAs: 'Unpack or export the .jsonl file and open that.',
  encodingHint:
    'Training files must be UTF-8: write it with json.dumps (plain ASCII) or save it as UTF-8, or name its encoding (for example --encoding windows-1252).',
  choose: 'Choose a JSONL file (JSON text, one example a line, UTF-8).',
};

/**
 * Read a JSONL training file in any layout Trainset writes (the OpenAI chat layout, ShareGPT, both
 * Bedrock layouts, Vertex AI Gemini, Alpaca: `layouts.ts`), told by the first example's keys: run
 * the format checks on every line (OpenAI's, the notebook's counts, for the chat layout; the same
 * kinds in its own terms for another) and turn the examples into a table for the grid and the
 * quality checks. Every example's order of messages is noted against the rules some services set
 * (`role-order.ts`). Never throws on any input; refuses
 * (`ok: false`) only a file it cannot read at all: empty, binary, undecodable, or only blank lines.
 *
 * Lines end at `\n` or `\r\n`; blank lines are skipped but keep the line numbers counting. Each other
 * line is one example, numbered from 1 (the grid's row number). A line that is not JSON, or JSON
 * that holds no messages, is reported and set aside in `badLines`; every other line becomes a row,
 * with empty cells where the example has nothing to put (so it can be fixed in the grid).
 *
 * The table's columns: `inquiry` (the first user message), the label keys of the assistant's JSON
 * answers (or `assistant`, the answer as it is, when the answers are not JSON objects of labels),
 * and `system` (the first system message); a fixed name a label key already uses gets `_message`.
 * For a conversation, the last assistant message is the answer.
 */
export function readJsonl(bytes: Uint8Array, options: JsonlOptions = {}, onProgress?: (p: JsonlProgress) => void): JsonlReadResult {
  const result = decodeWithFallback(bytes, options.encoding, JSONL_FILE, (encoding, bomLength, detected) =>
    readWith(bytes, options, encoding, bomLength, detected, onProgress),
  );
  if (result.ok) return result;
  const { code, message, line, column } = result.problem;
  const problem: JsonlProblem = {
    code: code === 'binary-file' || code === 'invalid-encoding' || code === 'no-examples' ? code : 'empty-file',
    message,
    ...(line !== undefined ? { line } : {}),
    ...(column !== undefined ? { column } : {}),
  };
  return { ok: false, problem };
}

type Attempt = JsonlReadResult | { ok: false; problem: JsonlProblem };

function readWith(
  bytes: Uint8Array,
  options: JsonlOptions,
  encoding: Encoding,
  bomLength: number,
  encodingDetected: boolean,
  onProgress?: (p: JsonlProgress) => void,
): Attempt | 'decode-error' {
  const reader = new LineReader(options);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  try {
    forEachLine(
      bytes,
      encoding,
      bomLength,
      chunkBytes,
      (text, crlf) => reader.line(text, crlf),
      (bytesRead) => onProgress?.({ bytesRead, totalBytes: bytes.length, examples: reader.examples }),
    );
  } catch (e) {
    if (e instanceof TypeError) return 'decode-error';
    throw e;
  }
  const roles = options.roles ?? ALLOWED_ROLES;
  const answersOf = (wanted: readonly number[]): Map<number, string> => {
    const want = new Set(wanted);
    const answers = new Map<number, string>();
    let line = 0;
    forEachLine(bytes, encoding, bomLength, chunkBytes, (text) => {
      if (!want.has(++line)) return;
      const parsed = parseJsonLine(text);
      const check = parsed.ok ? checkInLayout(parsed.value, readingLayout(layoutOf(parsed.value), reader.layout), roles, () => {}) : null;
      if (check?.ok && check.parts.assistant !== null) answers.set(line, check.parts.assistant);
    });
    return answers;
  };
  return reader.finish(encoding, bomLength > 0, encodingDetected, answersOf);
}

/**
 * Each physical line of the file without its terminator (`crlf` null for a last line without one),
 * then `chunkDone` after each decoded chunk. Throws a TypeError where the bytes do not decode.
 */
function forEachLine(
  bytes: Uint8Array,
  encoding: Encoding,
  bomLength: number,
  chunkBytes: number,
  line: (text: string, crlf: boolean | null) => void,
  chunkDone?: (bytesRead: number) => void,
): void {
  let pending = '';
  for (const { text, bytesRead } of decodeChunks(bytes, encoding, bomLength, chunkBytes)) {
    pending += text;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      const crlf = nl > start && pending.charCodeAt(nl - 1) === 13;
      line(pending.slice(start, crlf ? nl - 1 : nl), crlf);
      start = nl + 1;
    }
    pending = pending.slice(start);
    chunkDone?.(bytesRead);
  }
  if (pending !== '') line(pending, null);
}

/** Findings of one severity: complete counts, lists capped per kind (so a merge by line stays exact). */
class Findings<K extends string> {
  readonly counts = new Map<K, number>();
  private readonly lists = new Map<K, FormatFinding<K>[]>();

  constructor(private readonly max: number) {}

  add(finding: FormatFinding<K>): void {
    this.counts.set(finding.kind, (this.counts.get(finding.kind) ?? 0) + 1);
    let list = this.lists.get(finding.kind);
    if (!list) this.lists.set(finding.kind, (list = []));
    if (list.length < this.max) list.push(finding);
  }

  /** Counts in `order`, and the first `max` findings of all kinds by line. */
  summary(order: readonly K[]): { counts: Partial<Record<K, number>>; list: FormatFinding<K>[]; truncated: boolean } {
    const counts: Partial<Record<K, number>> = {};
    for (const k of order) if (this.counts.has(k)) counts[k] = this.counts.get(k)!;
    const all = [...this.lists.values()].flat();
    // Stable: within a line, the order the checks found them.
    const rank = new Map(all.map((f, i) => [f, i]));
    all.sort((a, b) => a.line - b.line || rank.get(a)! - rank.get(b)!);
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return { counts, list: all.slice(0, this.max), truncated: total > this.max };
  }
}

/** Takes the file's lines one by one and keeps what the result needs. */
class LineReader {
  examples = 0;
  private lines = 0;
  private blank = 0;
  private firstBlank = 0;
  private lf = 0;
  private crlf = 0;
  private firstText: string | null = null;
  private readonly roles: readonly string[];
  private readonly errors: Findings<FormatErrorKind>;
  private readonly notes: Findings<FormatNoteKind>;
  private readonly order: Findings<RoleOrderKind>;
  /** The file's layout: the first example's that is in one. */
  layout: Layout | null = null;
  private readonly bad: JsonlBadLine[] = [];
  private readonly table: TableBuilder;

  constructor(options: JsonlOptions) {
    this.roles = options.roles ?? ALLOWED_ROLES;
    const max = options.maxFindings ?? DEFAULT_MAX_FINDINGS;
    this.errors = new Findings(max);
    this.notes = new Findings(max);
    this.order = new Findings(max);
    this.table = new TableBuilder((kind, line, example, message) => this.notes.add({ line, example, kind, message }));
  }

  /** One physical line without its terminator; `crlf` null for a last line without one. */
  line(text: string, crlf: boolean | null): void {
    const line = ++this.lines;
    if (crlf === true) this.crlf++;
    else if (crlf === false) this.lf++;
    // JSON's whitespace only: a line of no-break spaces is not blank, and not JSON either.
    if (BLANK.test(text)) {
      if (this.blank++ === 0) this.firstBlank = line;
      return;
    }
    const example = ++this.examples;
    this.firstText ??= text.trim();
    const parsed = parseJsonLine(text);
    if (!parsed.ok) {
      const message = `the line is not valid JSON at column ${parsed.column}: ${parsed.reason}`;
      this.errors.add({ line, example, kind: 'invalid_json', message });
      this.setAside({ line, example, text, column: parsed.column, kind: 'invalid_json', message });
      return;
    }
    if (parsed.nonStandard) {
      this.notes.add({
        line,
        example,
        kind: 'non_standard_json',
        message: 'the line uses NaN or Infinity: Python writes them for a missing number, but they are not JSON and other tools refuse the line.',
      });
    }
    const own = layoutOf(parsed.value);
    this.layout ??= own;
    const layout = readingLayout(own, this.layout);
    const report = (kind: FormatErrorKind, message: string, messageIndex?: number): void =>
      this.errors.add({ line, example, kind, ...(messageIndex !== undefined ? { messageIndex } : {}), message });
    if (own !== null && layout !== this.layout) {
      report(
        'layout_mismatch',
        `the line is in the ${LAYOUT_NAMES[own]}, but the file's first example is in the ${LAYOUT_NAMES[this.layout!]}: a fine-tuning service reads one layout a file (Together refuses a file that mixes two). Write the line in the file's layout, or export the rows again.`,
      );
    }
    const check = checkInLayout(parsed.value, layout, this.roles, report);
    if (check.ok) {
      this.table.add(line, example, check.parts);
      for (const { kind, message } of roleOrderProblems(check.parts.order)) this.order.add({ line, example, kind, message });
    } else this.setAside({ line, example, text, kind: check.kind, message: check.message });
  }

  private setAside(bad: JsonlBadLine): void {
    if (this.bad.length < MAX_BAD_LINES_KEPT) this.bad.push(bad);
  }

  finish(encoding: Encoding, bom: boolean, encodingDetected: boolean, answersOf: AnswersOf): Attempt {
    if (this.examples === 0) {
      return {
        ok: false,
        problem: { code: 'no-examples', message: 'the file has only blank lines. Choose a JSONL file with one {"messages": [...]} example a line.' },
      };
    }
    const { table, facts } = this.table.finish(answersOf);
    const errors = this.errors.summary(FORMAT_ERROR_KINDS);
    const notes = this.notes.summary(FORMAT_NOTE_KINDS);
    const order = this.order.summary(ROLE_ORDER_KINDS);
    const format: FormatReport = {
      examples: this.examples,
      errors: errors.counts,
      findings: errors.list,
      warnings: notes.counts,
      notes: notes.list,
      order: order.counts,
      orderFindings: order.list,
      truncated: errors.truncated || notes.truncated || order.truncated,
    };
    const info: JsonlInfo = {
      layout: this.layout,
      encoding,
      encodingDetected,
      bom,
      lineEndings: { lf: this.lf, crlf: this.crlf },
      lines: this.lines,
      examples: this.examples,
      blankLines: this.blank,
      rows: table.rowCount,
      ...facts,
      warnings: this.warnings(encoding),
    };
    return { ok: true, table, info, format, badLines: this.bad };
  }

  private warnings(encoding: Encoding): JsonlWarning[] {
    const out: JsonlWarning[] = [];
    if (encoding !== 'utf-8') {
      out.push({
        code: 'not-utf-8',
        message: `the file is ${encodingName(encoding)}, not UTF-8: fine-tuning services read UTF-8 only. Trainset decoded it; the files it writes are UTF-8.`,
      });
    }
    if (this.blank > 0) {
      out.push({
        code: 'blank-lines',
        message: `${this.blank === 1 ? `line ${this.firstBlank} is blank` : `${this.blank.toLocaleString('en-US')} lines are blank (the first is line ${this.firstBlank})`}: Trainset skipped ${this.blank === 1 ? 'it' : 'them'}, but the notebook's json.loads stops at a blank line. Remove blank lines to be safe.`,
      });
    }
    if (this.firstText === '[' || this.firstText === '{') {
      out.push({
        code: 'not-jsonl',
        message: `the first line is only "${this.firstText}": the file looks like one pretty-printed JSON value, not JSONL. Write each example with json.dumps on a line of its own.`,
      });
    }
    return out;
  }
}
