import { ColumnProfiler, isPandasNa, type ColumnProfile, type ProfilerSnapshot } from '../csv';
import {
  compareCodePoints,
  keepGroupsTogether,
  pythonFloatRepr,
  stratifiedSplitCodes,
  trainTestSplit,
  type GroupKeeping,
  type SplitError,
  type SplitOk,
  type SplitResult,
} from '../split';
import { chatFormat, type ChatFormat } from './chat-format';
import { Utf8Messages } from './utf8-messages';
import { writePlainQuoted, writePythonJson } from './python-json';
import { ByteStore, transferables, type ByteStoreParts } from './byte-store';
import { IntList } from './int-list';
import type { ClassCount, ExportProblem, ExportSettings, ExportSummary } from './types';

/** Cell problems kept for messages; the count of all of them is kept too. */
const MAX_PROBLEMS = 200;
/** Bytes of output per batch handed to a writer (a longer line gets a batch of its own). */
export const BATCH_BYTES = 2 << 20;

/**
 * Where the buffers of the output batches come from. By default each batch is a new buffer. A
 * writer that knows when it is done with one (written to disk) can lend them back instead: a
 * million rows are 430 MB of output, and new memory costs the system a page fault per 4 KB, which
 * on a small virtual machine takes longer than making the lines.
 */
export interface BatchBuffers {
  /** A buffer of at least `bytes`, whose contents may be overwritten (a larger one makes larger batches). */
  take(bytes: number): Uint8Array;
}

const NEW_BUFFERS: BatchBuffers = { take: (bytes) => new Uint8Array(bytes) };

export interface ExportFiles {
  summary: ExportSummary;
  /**
   * The train file as batches of UTF-8 bytes (one buffer of about 2 MB each), produced on demand:
   * a 1M-row file never exists as one string or buffer. Each batch is a new buffer the caller may
   * keep, unless `buffers` lends them (see {@link BatchBuffers}).
   */
  train(buffers?: BatchBuffers): Generator<Uint8Array[]>;
  validation(buffers?: BatchBuffers): Generator<Uint8Array[]>;
  /** Row positions (0-based, in the order rows were added) of each file, in file order. */
  trainRows: Int32Array;
  validationRows: Int32Array;
  /** With near-copies kept in one file (`groupTexts`): what that changed in sklearn's split. */
  keeping?: GroupKeeping;
}

/**
 * Opt-in, not the notebook's: given every row's text (in the order added), each row's group of
 * near-copies (-1: none). The split then keeps each group in one file (`keepGroupsTogether`).
 * Injected so that lib/export does not depend on the checks that find the groups.
 */
export type GroupTexts = (texts: readonly string[]) => Int32Array;

export interface CollectorOptions {
  /** False: check and split only, without keeping the messages (the files cannot be written). */
  keepText?: boolean;
  groupTexts?: GroupTexts;
  /** How plain ASCII messages are written (the CLI: `encoder`; see PlainWrites). */
  plainWrites?: PlainWrites;
  /**
   * Each row's message by its position (in the order rows were added), when the caller keeps them
   * all until the files are written (the app's dataset): they are then escaped straight into the
   * output batches, not escaped and kept first (a million messages: 200 MB of new memory and a copy).
   * The files must be written before those messages change.
   */
  messageOf?: (position: number) => string;
}

/**
 * How plain ASCII messages given to `add` are written: `loop`, by writePlainQuoted (a loop in JS
 * that checks as it copies), or `encoder`, by TextEncoder.encodeInto like every other message. In
 * Node encodeInto beats the loop (a million messages: 0.12 s sooner), so the CLI's export asks for
 * `encoder`; a call to it costs about 3 µs in Chromium's worker, where the loop also writes the rare
 * group of messages Utf8Messages cannot (a lone surrogate). Both write the same bytes.
 */
export type PlainWrites = 'loop' | 'encoder';

/**
 * What a collector gathered from a later part of a file (see `ExampleCollector.part`), as plain data
 * and buffers that another thread can hand over without a copy ({@link partTransferables}).
 */
export interface CollectedPart {
  count: number;
  contents: ByteStoreParts;
  answers: ByteStoreParts;
  /** Data rows and lines counted from 1 in the part. */
  dataRows: Int32Array;
  lines: Int32Array;
  tupleCodes: Int32Array;
  /** Each label combination's key, in the order of its code (the answers are built again from it). */
  tupleKeys: string[];
  strataCodes: Int32Array;
  strataLabels: string[];
  strataFirstRow: number[];
  /** The profile of each column the export reads, in the collector's order. */
  profiles: ProfilerSnapshot[];
}

/** The buffers of a {@link CollectedPart}, for `postMessage`'s transfer list. */
export const partTransferables = (p: CollectedPart): ArrayBuffer[] => [
  ...transferables(p.contents),
  ...transferables(p.answers),
  ...[p.dataRows, p.lines, p.tupleCodes, p.strataCodes].map((a) => a.buffer as ArrayBuffer),
];

export type ExportOutcome = { ok: true; files: ExportFiles } | { ok: false; problems: ExportProblem[]; problemCount: number };

export type CollectorStart = { ok: true; collector: ExampleCollector } | { ok: false; problems: ExportProblem[] };

/**
 * Builds the train/validation JSONL from rows fed one at a time, holding per row only the escaped
 * user message and two small integer codes (its label combination and its stratification class),
 * or with `text` answers the escaped answer instead of the first code. The CLI feeds it straight
 * from the CSV reader; the app feeds it the edited rows. Both get the same bytes for the same data
 * and settings.
 *
 * It refuses, with the row, column and value, wherever the notebook would write NaN or a
 * type-inferred number/boolean, or where sklearn's split would raise; a free-text answer is written
 * as it is (no pandas reading it), so only an empty one is refused.
 */
export class ExampleCollector {
  private readonly format: ChatFormat;
  private readonly textIndex: number;
  private readonly labelIndexes: number[];
  private readonly strataIndexes: number[] | null;
  /** Every column the export reads, profiled as pandas would type it. */
  private readonly used: UsedColumn[];

  /** Each row's user message, already JSON-escaped, as UTF-8. */
  private readonly contents = new ByteStore();
  /** With `text` answers: each row's answer, escaped like the message (free text rarely repeats). */
  private readonly answers = new ByteStore();
  private readonly dataRows = new IntList();
  private readonly lines = new IntList();
  private readonly tupleCodes = new IntList();
  private readonly tupleIndex = new Map<string, number>();
  private readonly tupleAssistant: string[] = [];
  private readonly tupleFirstLabel: string[] = [];
  private readonly strataCodes = new IntList();
  private readonly strataIndex = new Map<string, number>();
  private readonly strataLabels: string[] = [];
  /** Position of the first row of each class, to point at rows in messages. */
  private readonly strataFirstRow: number[] = [];
  private readonly problems: ExportProblem[] = [];
  private problemCount = 0;
  /** With `groupTexts` only: each row's text, to find its near-copies once every row is in. */
  private readonly texts: string[] = [];

  /** Rows added so far. */
  private count = 0;

  private constructor(
    private readonly settings: ExportSettings,
    header: readonly string[],
    /** False: check and split only, without keeping the messages (the files cannot be written). */
    private readonly keepText: boolean,
    private readonly groupTexts: GroupTexts | null,
    private readonly plainWrites: PlainWrites,
    private readonly messageOf: ((position: number) => string) | null,
  ) {
    this.format = chatFormat(settings.jsonStyle, settings.systemPrompt, settings.target, settings.answer);
    const col = (name: string): number => header.indexOf(name);
    this.textIndex = col(settings.textColumn);
    this.labelIndexes = settings.labelColumns.map(col);
    this.strataIndexes = settings.stratify ? settings.stratify.map(col) : null;
    const used = new Map<string, UsedColumn>();
    const use = (name: string, role: Role): void => {
      if (!used.has(name)) used.set(name, { name, index: col(name), role, profiler: new ColumnProfiler(), missing: [], missingCount: 0 });
    };
    // A stratify column's gap breaks the split before anything is written, so that role names it.
    settings.stratify?.forEach((c) => use(c, 'stratify'));
    use(settings.textColumn, 'text');
    settings.labelColumns.forEach((c) => use(c, settings.answer === 'text' ? 'answer' : 'label'));
    this.used = [...used.values()];
  }

  /** Check the settings against the header; missing columns are reported with the names that exist. */
  static start(header: readonly string[], settings: ExportSettings, options: CollectorOptions = {}): CollectorStart {
    const problems: ExportProblem[] = [];
    const wanted = [
      { name: settings.textColumn, what: 'text column' },
      ...settings.labelColumns.map((name) => ({ name, what: 'label column' })),
      ...(settings.stratify ?? []).map((name) => ({ name, what: 'stratify column' })),
    ];
    const seen = new Set<string>();
    for (const { name, what } of wanted) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (header.includes(name)) continue;
      const near = header.find((h) => h.trim().toLowerCase() === name.trim().toLowerCase());
      problems.push({
        code: 'missing-column',
        column: name,
        message:
          `there is no column named ${JSON.stringify(name)} (the ${what}). ` +
          (near !== undefined ? `Did you mean ${JSON.stringify(near)}? Names must match exactly, spaces and case included. ` : '') +
          `The columns are: ${header.map((h) => JSON.stringify(h)).join(', ')}. Map yours with --text and --labels (and --stratify).`,
      });
    }
    if (settings.labelColumns.length === 0) {
      problems.push({ code: 'missing-column', message: 'no label column given: name at least one with --labels.' });
    } else if (settings.answer === 'text' && settings.labelColumns.length > 1) {
      problems.push({
        code: 'answer-columns',
        message:
          `free-text answers are written as they are from one column, but ${settings.labelColumns.length} label columns are given ` +
          `(${settings.labelColumns.map((c) => JSON.stringify(c)).join(', ')}). Name the answer column alone, or write the answers as labels.`,
      });
    }
    if (problems.length > 0) return { ok: false, problems };
    const { keepText = true, groupTexts = null, plainWrites = 'loop', messageOf = null } = options;
    return { ok: true, collector: new ExampleCollector(settings, header, keepText, groupTexts, plainWrites, messageOf) };
  }

  /** Add one data row (cells in header order). `dataRow` is 1-based; `line` the physical line (0 if none). */
  add(fields: readonly string[], dataRow: number, line: number): void {
    for (const u of this.used) {
      const cell = fields[u.index] ?? '';
      // A free-text answer is written as it is: pandas plays no part, and only an empty one is missing.
      if (u.role === 'answer' && cell !== '') continue;
      if (u.role !== 'answer') u.profiler.add(cell, dataRow);
      if (isPandasNa(cell)) {
        // Judged at the end: in one rare column type pandas keeps NA strings as text.
        u.missingCount++;
        if (u.missing.length < MAX_PROBLEMS) u.missing.push(this.missing(u.name, u.role, cell, dataRow, line));
      }
    }
    const position = this.count++;
    // Checking only (no keepText): the message is looked at (above) but not escaped or kept; with
    // `messageOf`, it is escaped when the files are written.
    if (this.keepText && !this.messageOf) this.addEscaped(this.contents, fields[this.textIndex] ?? '');
    if (this.groupTexts) this.texts.push(fields[this.textIndex] ?? '');
    this.dataRows.push(dataRow);
    this.lines.push(line);
    if (this.settings.answer === 'labels') this.addLabels(fields);
    else if (this.keepText) this.addEscaped(this.answers, fields[this.labelIndexes[0]!] ?? '');
    if (this.strataIndexes) this.addStratum(fields, this.strataIndexes, position);
  }

  /** `text` as a JSON string literal, UTF-8, into `store`. */
  private addEscaped(store: ByteStore, text: string): void {
    store.addWith(text.length * 6 + 2, (out, at) => this.writeEscaped(text, out, at));
  }

  /**
   * `text` as a JSON string literal, UTF-8, at `out[at…]` (room for 6 bytes a character and the two
   * quotes); returns the position after it. The one escaping of messages, whether kept or written.
   */
  private writeEscaped(text: string, out: Uint8Array, at: number): number {
    // Most messages are plain ASCII: written as they are, in one pass (see PlainWrites).
    if (this.plainWrites === 'loop') {
      const end = writePlainQuoted(text, out, at);
      if (end >= 0) return end;
    }
    if (!this.format.needsEscape(text)) {
      out[at++] = 0x22;
      at += this.encoder.encodeInto(text, out.subarray(at)).written;
      out[at++] = 0x22;
      return at;
    }
    if (this.settings.jsonStyle === 'python') return writePythonJson(text, out, at);
    return at + this.encoder.encodeInto(this.format.str(text), out.subarray(at)).written;
  }

  private readonly encoder = new TextEncoder();

  /** The row's label combination, as a code; each combination's answer is built once. */
  private addLabels(fields: readonly string[]): void {
    const labels = this.labelIndexes.map((i) => fields[i] ?? '');
    // NUL cannot occur in a cell (the reader truncates at it), so it safely joins the key.
    this.tupleCodes.push(this.tupleCode(labels.length === 1 ? labels[0]! : labels.join('\0'), labels));
  }

  /** The code of a label combination (its key and its labels), new ones numbered in order of appearance. */
  private tupleCode(key: string, labels: readonly string[]): number {
    let tuple = this.tupleIndex.get(key);
    if (tuple === undefined) {
      tuple = this.tupleAssistant.length;
      this.tupleIndex.set(key, tuple);
      this.tupleAssistant.push(this.format.assistant(this.settings.labelColumns, labels));
      this.tupleFirstLabel.push(labels[0]!);
    }
    return tuple;
  }

  private addStratum(fields: readonly string[], columns: number[], position: number): void {
    // sklearn joins several stratify columns with one space (sklearn-split.md §4.2).
    const key = columns.length === 1 ? (fields[columns[0]!] ?? '') : columns.map((i) => fields[i] ?? '').join(' ');
    this.strataCodes.push(this.stratumCode(key, position));
  }

  /** The code of a stratification class, new ones numbered in order of appearance (`position`: the row it first appears on). */
  private stratumCode(key: string, position: number): number {
    let code = this.strataIndex.get(key);
    if (code === undefined) {
      code = this.strataLabels.length;
      this.strataIndex.set(key, code);
      this.strataLabels.push(key);
      this.strataFirstRow.push(position);
    }
    return code;
  }

  get rowCount(): number {
    return this.count;
  }

  /**
   * What this collector gathered, to be absorbed by the collector of the part of the file before it
   * (another thread read this part), or null when it found a cell that makes a message (an empty or
   * missing cell): the file is then read in one piece, where the message names the right row.
   */
  part(): CollectedPart | null {
    if (this.groupTexts || this.messageOf || this.problemCount > 0 || this.used.some((u) => u.missingCount > 0)) return null;
    return {
      count: this.count,
      contents: this.contents.parts(),
      answers: this.answers.parts(),
      dataRows: this.dataRows.view(),
      lines: this.lines.view(),
      tupleCodes: this.tupleCodes.view(),
      tupleKeys: [...this.tupleIndex.keys()],
      strataCodes: this.strataCodes.view(),
      strataLabels: this.strataLabels,
      strataFirstRow: this.strataFirstRow,
      profiles: this.used.map((u) => u.profiler.snapshot()),
    };
  }

  /**
   * Add the rows of the part of the file that follows (`part`, from a collector started with the same
   * header and settings), as if they had been added here one by one: data rows and lines shifted by
   * those before it, label combinations and classes matched by their keys.
   */
  absorb(part: CollectedPart, shift: { dataRows: number; lines: number }): void {
    if (this.groupTexts) throw new Error('near-copies kept together need every text in one collector');
    const position = this.count;
    this.count += part.count;
    if (this.keepText) {
      this.contents.absorb(part.contents);
      if (this.settings.answer === 'text') this.answers.absorb(part.answers);
    }
    for (let i = 0; i < part.count; i++) {
      this.dataRows.push(part.dataRows[i]! + shift.dataRows);
      // Rows that do not come from a file have no line (0): they stay without one.
      this.lines.push(part.lines[i]! > 0 ? part.lines[i]! + shift.lines : 0);
    }
    if (this.settings.answer === 'labels') {
      const tupleOf = part.tupleKeys.map((key) => this.tupleCode(key, key.split('\0')));
      for (const code of part.tupleCodes) this.tupleCodes.push(tupleOf[code]!);
    }
    if (this.strataIndexes) {
      const stratumOf = part.strataLabels.map((key, k) => this.stratumCode(key, position + part.strataFirstRow[k]!));
      for (const code of part.strataCodes) this.strataCodes.push(stratumOf[code]!);
    }
    this.used.forEach((u, i) => u.profiler.absorb(part.profiles[i]!, shift.dataRows));
  }

  private report(p: ExportProblem): void {
    this.problemCount++;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  private missing(column: string, role: Role, value: string, dataRow: number, line: number): ExportProblem {
    const what = value === '' ? `${column} is empty` : `${column} is ${JSON.stringify(value)}, which pandas reads as a missing value (NaN)`;
    const consequence = {
      text: 'the notebook would write NaN as the user message, which is not valid JSON',
      label: 'the notebook would write NaN into the JSON',
      answer: 'an example needs an answer to learn from',
      stratify: 'the notebook\'s split would fail ("Input contains NaN")',
    }[role];
    const fix = value === '' ? 'Fill it in or remove the row.' : 'Change the value or remove the row.';
    return {
      code: value === '' ? 'empty-cell' : 'na-cell',
      dataRow,
      ...(line > 0 ? { line } : {}),
      column,
      value,
      message: `${where(dataRow, line)}: ${what}; ${consequence}. ${fix}`,
    };
  }

  /** Check the whole table, split it and prepare the files. */
  finish(): ExportOutcome {
    const missing: ExportProblem[] = [];
    for (const u of this.used) {
      if (u.role !== 'answer') {
        const profile = u.profiler.result();
        this.checkInferredType(u.name, profile);
        if (profile.naIsText) continue;
      }
      missing.push(...u.missing);
      this.problemCount += u.missingCount;
    }
    // Missing cells first, in row order, then the column-level problems.
    missing.sort((a, b) => a.dataRow! - b.dataRow!);
    this.problems.unshift(...missing.slice(0, MAX_PROBLEMS));
    if (this.problemCount > 0) return { ok: false, problems: this.problems, problemCount: this.problemCount };
    const n = this.count;
    if (n === 0) {
      const problems: ExportProblem[] = [{ code: 'no-rows', message: 'the file has a header but no data rows. Add examples below the header.' }];
      return { ok: false, problems, problemCount: 1 };
    }
    const { testSize, seed } = this.settings;
    const split: SplitResult = this.strataIndexes
      ? stratifiedSplitCodes(this.strataCodes.view(), this.strataLabels, testSize, seed)
      : trainTestSplit(null, testSize, seed, n);
    if (!split.ok) {
      const problems = this.explainSplitError(split.error, n);
      return { ok: false, problems, problemCount: problems.length };
    }
    if (!this.groupTexts) return { ok: true, files: this.files(split.train, split.test) };
    const kept = keepGroupsTogether(split, this.groupTexts(this.texts), this.classIndexes(split));
    if (kept.split.nTrain === 0 || kept.split.nTest === 0) {
      const file = kept.split.nTest === 0 ? 'validation' : 'train';
      const message =
        `keeping near-duplicates on one side leaves the ${file} file empty: the rows are so alike that they form groups covering the file, and no row is free to take their place. ` +
        'Turn "Keep near-duplicates on one side" off, raise the near-duplicate similarity threshold, or remove the copies first.';
      return { ok: false, problems: [{ code: 'split', message }], problemCount: 1 };
    }
    return { ok: true, files: { ...this.files(kept.split.train, kept.split.test), keeping: kept.keeping } };
  }

  /** Each row's stratification class as an index into the split's classes (null: not stratified). */
  private classIndexes(split: SplitOk): Int32Array | null {
    if (!this.strataIndexes) return null;
    const index = new Map(split.classes.map((c, k) => [c, k]));
    const ofCode = this.strataLabels.map((label) => index.get(label) ?? 0);
    const codes = this.strataCodes.view();
    return Int32Array.from(codes, (c) => ofCode[c]!);
  }

  private checkInferredType(column: string, profile: ColumnProfile): void {
    if (profile.kind === 'string' || profile.kind === 'empty' || !profile.example) return;
    // An all-missing column is reported cell by cell already.
    const { dataRow, value } = profile.example;
    const kind = profile.kind === 'bool' ? 'true/false' : 'a number';
    const written = pandasWrites(profile.kind, value);
    this.report({
      code: 'inferred-type',
      column,
      dataRow,
      value,
      message:
        `${column}: every value is ${kind}, so pandas reads the column as ${profile.kind === 'bool' ? 'booleans' : 'numbers'} and the notebook would write ` +
        `${written} where the file says ${JSON.stringify(value)} (data row ${dataRow}). ` +
        `Trainset refuses rather than change your labels: make the values text (for example "code ${value.trim()}"), or if numbers are intended, convert the file with a script you control.`,
    });
  }

  private explainSplitError(error: SplitError, n: number): ExportProblem[] {
    const strata = this.settings.stratify?.join(' + ') ?? 'class';
    const size = this.settings.testSize.kind === 'int' ? String(this.settings.testSize.value) : pythonFloatRepr(this.settings.testSize.value);
    const base = { code: 'split' as const, sklearn: error.message };
    const classCount = this.strataLabels.length;
    switch (error.code) {
      case 'singleton-class': {
        const singles = new Set(error.classes ?? []);
        const problems: ExportProblem[] = [];
        this.strataLabels.forEach((label, code) => {
          if (!singles.has(label)) return;
          const pos = this.strataFirstRow[code]!;
          const dataRow = this.dataRows.get(pos);
          const line = this.lines.get(pos);
          problems.push({
            ...base,
            dataRow,
            ...(line > 0 ? { line } : {}),
            column: this.settings.stratify?.join(' + '),
            value: label,
            message: `${where(dataRow, line)}: ${strata} ${JSON.stringify(label)} has only this one row, and a stratified split needs at least 2 rows of every ${strata} (one for each file). Add another example of it, relabel the row, or remove it.`,
          });
        });
        return problems;
      }
      case 'test-lt-classes':
      case 'train-lt-classes': {
        const nTest = Number(/= (\d+)/.exec(error.message)?.[1] ?? 0);
        const file = error.code === 'test-lt-classes' ? 'validation' : 'train';
        const minShare = Math.ceil((classCount / n) * 100) / 100;
        return [
          {
            ...base,
            message:
              `the ${file} file would get ${nTest} rows but there are ${classCount} ${strata} values, and a stratified split puts at least one row of each in both files. ` +
              (error.code === 'test-lt-classes'
                ? `Use a larger validation share (--test-size): at least ${classCount} rows, or a share of at least ${minShare}.`
                : `Use a smaller validation share (--test-size): at most ${n - classCount} rows.`),
          },
        ];
      }
      case 'invalid-test-size':
        return [
          { ...base, message: `test size ${size} is not valid: give a share between 0 and 1 (such as 0.2) or a whole number of rows from 1 to ${n - 1}.` },
        ];
      case 'empty-train':
        return [
          {
            ...base,
            message: `with ${n} rows and test size ${size}, every row would go to the validation file and the train file would be empty. Use a smaller test size${n < 2 ? ', and add rows' : ''}.`,
          },
        ];
      case 'invalid-seed':
        return [{ ...base, message: `the random seed must be a whole number from 0 to 4294967295 (numpy's limit); got ${this.settings.seed}.` }];
    }
  }

  private files(train: Int32Array, test: Int32Array): ExportFiles {
    const summary = this.summarize(train, test);
    return {
      summary,
      trainRows: train,
      validationRows: test,
      train: (buffers) => this.chunks(train, buffers),
      validation: (buffers) => this.chunks(test, buffers),
    };
  }

  /**
   * The file as batches of about 2 MB, each one buffer: for each line, the fixed JSON before the
   * message, the row's escaped message and the tail for its label combination (with `text` answers:
   * the fixed JSON around the row's escaped answer). Packing the three or five pieces of 8,000 lines
   * into one buffer costs a copy, but spares every writer a call per piece: at a million rows, three
   * million calls to `writev`, to a hash or to `new Blob` cost several times the copy. Each batch is a
   * new buffer, so a writer may keep it (a write still under way, a Blob).
   */
  private *chunks(order: Int32Array, buffers: BatchBuffers = NEW_BUFFERS): Generator<Uint8Array[]> {
    if (!this.keepText) throw new Error('This export was started with keepText: false; it can split but not write files.');
    const encoder = new TextEncoder();
    const prefix = encoder.encode(this.format.prefix);
    const [middle, suffix] = [encoder.encode(this.format.middle), encoder.encode(this.format.suffix)];
    // With labels everything after the message depends only on the row's label combination: encode it once each.
    const tails = this.tupleAssistant.map((a) => encoder.encode(this.format.middle + a + this.format.suffix));
    const text = this.settings.answer === 'text';
    const messageOf = this.messageOf;
    // The messages read again (messageOf) are escaped here from their UTF-8 bytes, a group at a time.
    const messages = messageOf
      ? new Utf8Messages(
          this.settings.jsonStyle,
          (k) => messageOf(order[k]!),
          order.length,
          (t, o, a) => this.writeEscaped(t, o, a),
        )
      : null;
    let out = buffers.take(BATCH_BYTES);
    let at = 0;
    for (let k = 0; k < order.length; k++) {
      const row = order[k]!;
      // The message escaped and kept, or (messageOf) read again and escaped here, with room for the worst case.
      const content = messages ? null : this.contents.view(row);
      const contentBytes = messages ? messages.take(k) * 6 + 2 : content!.length;
      const answer = text ? this.answers.view(row) : null;
      const tail = answer ? null : tails[this.tupleCodes.get(row)]!;
      const bytes = prefix.length + contentBytes + (answer ? middle.length + answer.length + suffix.length : tail!.length);
      if (at + bytes > out.length) {
        if (at > 0) yield [out.subarray(0, at)];
        out = buffers.take(Math.max(BATCH_BYTES, bytes));
        at = 0;
      }
      out.set(prefix, at);
      at += prefix.length;
      if (messages) {
        at = messages.write(out, at);
      } else {
        out.set(content!, at);
        at += content!.length;
      }
      if (answer) {
        out.set(middle, at);
        at += middle.length;
        out.set(answer, at);
        at += answer.length;
        out.set(suffix, at);
        at += suffix.length;
      } else {
        out.set(tail!, at);
        at += tail!.length;
      }
    }
    if (at > 0) yield [out.subarray(0, at)];
  }

  private summarize(train: Int32Array, test: Int32Array): ExportSummary {
    const summary = { rows: this.count, train: train.length, validation: test.length, labelColumn: this.settings.labelColumns[0]! };
    // Free-text answers are not classes: there is nothing to count per value.
    if (this.settings.answer === 'text') return { ...summary, perLabel: [] };
    const labels = this.tupleFirstLabel;
    const byLabel = new Map<string, ClassCount>();
    const count = (rows: Int32Array, key: 'train' | 'validation'): void => {
      const perTuple = new Int32Array(labels.length);
      for (let k = 0; k < rows.length; k++) perTuple[this.tupleCodes.get(rows[k]!)]!++;
      perTuple.forEach((c, t) => {
        const label = labels[t]!;
        const entry = byLabel.get(label) ?? { label, train: 0, validation: 0 };
        entry[key] += c;
        byLabel.set(label, entry);
      });
    };
    count(train, 'train');
    count(test, 'validation');
    const perLabel = [...byLabel.values()].sort((a, b) => compareCodePoints(a.label, b.label));
    return { ...summary, perLabel };
  }
}

/** What the export does with a column: `answer` is the label column of `text` answers. */
type Role = 'text' | 'label' | 'answer' | 'stratify';

interface UsedColumn {
  name: string;
  index: number;
  role: Role;
  profiler: ColumnProfiler;
  /** Its empty/NA cells (the first few) and how many there are. */
  missing: ExportProblem[];
  missingCount: number;
}

/** "data row 14 (line 15)" — or just the data row when the rows do not come from a file. */
export function where(dataRow: number, line: number): string {
  return line > 0 ? `data row ${dataRow} (line ${line})` : `data row ${dataRow}`;
}

/** What json.dumps would print for a cell pandas typed as a number or boolean. */
function pandasWrites(kind: ColumnProfile['kind'], value: string): string {
  const t = value.trim();
  if (kind === 'bool') return t.toLowerCase();
  if (kind === 'int') return BigInt(t).toString();
  const lower = t.toLowerCase().replace(/^\+/, '');
  if (/^-?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? '-Infinity' : 'Infinity';
  return pythonFloatRepr(Number(t));
}
