import fs from 'node:fs';
import { delimiterName, encodingName, type CsvBytes, type CsvInfo, type CsvOptions, type Encoding } from '../lib/csv';
import { DEFAULT_SETTINGS, EXPORT_TARGETS, isExportTarget, RENAMED_TARGETS, type ExportProblem, type ExportSettings } from '../lib/export';
import { isThresholdName, parseThreshold, THRESHOLD_INFO, type CheckOptions, type Thresholds } from '../lib/quality';
import { parseTestSize } from '../lib/split';
import { mayBeWorkbook, workbookKind, workbookToCsv } from '../lib/xlsx';
import { Dataset, toCsv } from '../lib/dataset';
import { readSourcesTable } from '../lib/engine/read-table';
import { bundleName, packSources } from '../lib/sources';
import path from 'node:path';
import { FileBytes } from './file-bytes';
import { UsageError } from './usage';

/**
 * Options shared by the commands that read a labelled CSV (`export`, `check`), for `parseArgs`.
 * `check` takes the format options too: the target's limits and the files' size depend on them.
 */
export const CSV_OPTIONS = {
  text: { type: 'string' },
  labels: { type: 'string' },
  stratify: { type: 'string' },
  'test-size': { type: 'string' },
  seed: { type: 'string' },
  system: { type: 'string' },
  'json-style': { type: 'string' },
  target: { type: 'string' },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'no-header': { type: 'boolean' },
  'keep-near-duplicates-together': { type: 'boolean' },
  sheet: { type: 'string' },
  combine: { type: 'string' },
} as const;

/** `check --threshold NAME=VALUE`, repeatable: the numbers the checks compare against (lib/quality/thresholds.ts). */
export const THRESHOLD_OPTIONS = { threshold: { type: 'string', multiple: true } } as const;

/** The thresholds given with --threshold, each checked as the app's field checks it. */
export function thresholdsFrom(given: readonly string[] | undefined): Partial<Thresholds> {
  const out: Partial<Thresholds> = {};
  for (const item of given ?? []) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    if (!isThresholdName(name)) {
      throw new UsageError(`--threshold: unknown threshold ${JSON.stringify(name)}; use one of ${Object.keys(THRESHOLD_INFO).join(', ')} (as NAME=VALUE)`);
    }
    if (eq < 0) throw new UsageError(`--threshold ${name} needs a value: --threshold ${name}=${THRESHOLD_INFO[name].value}`);
    const parsed = parseThreshold(name, item.slice(eq + 1));
    if (!parsed.ok) throw new UsageError(`--threshold ${name}: ${parsed.error}`);
    out[name] = parsed.value;
  }
  return out;
}

/** Check options with the user's thresholds over those a model sets (its token limit). */
export function withThresholds(options: CheckOptions | undefined, user: Partial<Thresholds>): CheckOptions {
  return { ...options, thresholds: { ...options?.thresholds, ...user } };
}

const ENCODINGS: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-8-sig': 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16-le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16-be': 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'latin-1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/** Export settings from the parsed options; what is not given keeps the notebook's default. */
export function settingsFrom(values: Record<string, string | boolean | undefined>): ExportSettings {
  const str = (k: string): string | undefined => values[k] as string | undefined;
  // A comma inside a column name is written \, (e.g. --labels "Product\, line,Issue").
  const list = (s: string): string[] => s.split(/(?<!\\),/).map((c) => c.replaceAll('\\,', ','));
  const labelColumns = str('labels') !== undefined ? list(str('labels')!) : DEFAULT_SETTINGS.labelColumns;
  if (labelColumns.some((c) => c === '')) throw new UsageError('--labels has an empty column name');
  const stratifyText = str('stratify');
  const stratify = stratifyText === undefined ? [labelColumns[0]!] : stratifyText.toLowerCase() === 'none' ? null : list(stratifyText);
  const testSizeText = str('test-size') ?? '0.2';
  const testSize = parseTestSize(testSizeText);
  if (testSize === null) throw new UsageError(`--test-size must be a share such as 0.2 or a row count such as 40, not ${JSON.stringify(testSizeText)}`);
  const seedText = str('seed') ?? '42';
  if (!/^\d+$/.test(seedText) || Number(seedText) > 0xffffffff) {
    throw new UsageError(`--seed must be a whole number from 0 to 4294967295 (numpy's range), not ${JSON.stringify(seedText)}`);
  }
  const style = str('json-style') ?? 'python';
  if (style !== 'python' && style !== 'compact') throw new UsageError(`--json-style is python or compact, not ${JSON.stringify(style)}`);
  const target = str('target') ?? DEFAULT_SETTINGS.target;
  if (target === 'bedrock') {
    // Refused rather than mapped: a script that wrote Claude 3 Haiku files would otherwise get another layout, or a legacy one, without a word.
    throw new UsageError(
      `--target bedrock is now two targets: bedrock-nova (Amazon Nova, the current Bedrock layout) or ${RENAMED_TARGETS.bedrock} (Claude 3 Haiku, the layout --target bedrock wrote before; past its end of life in most regions)`,
    );
  }
  if (!isExportTarget(target)) {
    throw new UsageError(`--target is ${EXPORT_TARGETS.slice(0, -1).join(', ')} or ${EXPORT_TARGETS.at(-1)}, not ${JSON.stringify(target)}`);
  }
  return {
    textColumn: str('text') ?? DEFAULT_SETTINGS.textColumn,
    labelColumns,
    // A CSV's labels are always written as the notebook writes them; free text comes from a JSONL.
    answer: DEFAULT_SETTINGS.answer,
    stratify,
    testSize,
    seed: Number(seedText),
    systemPrompt: str('system') ?? DEFAULT_SETTINGS.systemPrompt,
    jsonStyle: style,
    target,
  };
}

/** `--encoding` and `--delimiter` as reader options (only those given). */
export function csvOptionsFrom(values: { encoding?: string; delimiter?: string; 'no-header'?: boolean }): CsvOptions {
  const encoding = values.encoding === undefined ? undefined : ENCODINGS[values.encoding.toLowerCase()];
  if (values.encoding !== undefined && encoding === undefined) {
    throw new UsageError(`unknown encoding ${JSON.stringify(values.encoding)}: use utf-8, utf-16le, utf-16be or windows-1252`);
  }
  const delimiter = parseDelimiter(values.delimiter);
  // pandas' header=None: the columns are "column 1", "column 2", … and the first line is data row 1.
  return { ...(encoding ? { encoding } : {}), ...(delimiter ? { delimiter } : {}), ...(values['no-header'] ? { header: false } : {}) };
}

function parseDelimiter(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const d = named[text.toLowerCase()] ?? text;
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r') {
    throw new UsageError(`--delimiter must be one character (or tab), not ${JSON.stringify(text)}`);
  }
  return d;
}

/** The file's bytes; a missing file or a folder is a usage error. */
export const readInput = (file: string): Uint8Array => openingInput(file, (f) => fs.readFileSync(f));

/** The input file opened to be read in pieces (see FileBytes); the caller closes it. */
export const openInput = (file: string): FileBytes => openingInput(file, (f) => FileBytes.open(f));

/** `open(file)`, or a usage error saying what is wrong: no such file, a folder, not readable. */
function openingInput<T>(file: string, open: (file: string) => T): T {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new UsageError(`cannot read ${JSON.stringify(file)}: no such file`);
  }
  if (stat.isDirectory()) throw new UsageError(`${JSON.stringify(file)} is a folder; give the CSV file inside it`);
  try {
    return open(file);
  } catch (e) {
    throw new UsageError(`cannot read ${JSON.stringify(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** On stderr: the encoding and delimiter when detected, and the reader's warnings. */
export function noteDetected(name: string, info: CsvInfo): void {
  const notes: string[] = [];
  if (info.encodingDetected && info.encoding !== 'utf-8') notes.push(`encoding ${encodingName(info.encoding)} (detected)`);
  if (info.delimiterDetected) notes.push(`delimiter ${delimiterName(info.delimiter)} (detected)`);
  if (notes.length > 0) process.stderr.write(`${name}: read with ${notes.join(', ')}\n`);
  for (const w of info.warnings) process.stderr.write(`${name}: note: ${w.message}\n`);
}

const MAX_PROBLEMS_SHOWN = 20;

/** On stderr: the first problems, one a line, and how many more there are. */
export function reportProblems(name: string, problems: ExportProblem[], total: number): void {
  for (const p of problems.slice(0, MAX_PROBLEMS_SHOWN)) process.stderr.write(`${name}: ${p.message}\n`);
  if (total > MAX_PROBLEMS_SHOWN) process.stderr.write(`${name}: … and ${total - MAX_PROBLEMS_SHOWN} more problems like these.\n`);
}

/** What the CSV reader is given: the file itself, or a workbook's sheet as the CSV Excel would save from it. */
export interface CsvSource<B extends CsvBytes = Uint8Array> {
  bytes: B;
  csvOptions: CsvOptions;
  /** For a workbook: the sheet row of each line of `bytes` (messages name the sheet's rows). */
  rowOfLine: Int32Array | null;
  /** For a workbook: the sheet read (named with --sheet, or its only sheet with cells). */
  sheet?: string;
}

/**
 * The bytes to read as CSV. A workbook (told by its content, as the app tells it) becomes its sheet
 * as CSV (`--sheet NAME`, or its only sheet with cells). When it cannot, the reason is printed and
 * the exit status returned: 2 when a sheet must be named (several, or an unknown name: the message
 * lists them), 1 when the file is refused (an .xls, a password, an empty or chart sheet).
 */
export function csvSource<B extends CsvBytes>(
  name: string,
  source: B,
  values: { sheet?: string; encoding?: string; delimiter?: string },
  csvOptions: CsvOptions,
): CsvSource<B | Uint8Array> | number {
  // A file read in pieces is read whole only when its first bytes say it may be a workbook.
  const bytes = source instanceof Uint8Array ? source : mayBeWorkbook(source.head) ? source.whole() : null;
  if (bytes === null || workbookKind(bytes) === null) {
    if (values.sheet !== undefined) throw new UsageError(`--sheet is for a workbook (.xlsx); ${name} is not one`);
    return { bytes: source, csvOptions, rowOfLine: null };
  }
  for (const o of ['encoding', 'delimiter'] as const) {
    if (values[o] !== undefined) throw new UsageError(`--${o} is for a CSV file; ${name} is a workbook (choose its sheet with --sheet)`);
  }
  const sheet = workbookToCsv(bytes, values.sheet);
  if (!sheet.ok) {
    process.stderr.write(`${name}: ${sheet.problem.message}\n`);
    return sheet.problem.code === 'choose-sheet' || sheet.problem.code === 'unknown-sheet' ? 2 : 1;
  }
  if (values.sheet === undefined && sheet.sheets.length === 1)
    process.stderr.write(`${name}: read sheet ${JSON.stringify(sheet.sheet)}, the only sheet with cells\n`);
  for (const w of sheet.warnings) process.stderr.write(`${name}: note: ${w.message}\n`);
  return {
    bytes: sheet.csv,
    // The CSV is written by lib/xlsx: UTF-8 and commas, whatever the header holds.
    csvOptions: { ...csvOptions, encoding: 'utf-8', delimiter: ',' },
    rowOfLine: sheet.rowOfLine,
    sheet: sheet.sheet,
  };
}

/**
 * Several files read as one dataset, as the app reads them (lib/sources): each on its own, appended
 * in the order given, a last column `source` naming each row's file. They become one CSV for the
 * exporter to read (the table written as the cleaned CSV is written, which reads back as the same
 * rows). `combine` says how files whose columns differ are combined; without it they are refused
 * with what differs. A row that cannot be read is refused with its file and line.
 */
export function combinedSource(
  files: readonly string[],
  values: { sheet?: string; combine?: string },
  csvOptions: CsvOptions,
): (CsvSource & { name: string; bundle: Uint8Array }) | number {
  if (values.sheet !== undefined) throw new UsageError('--sheet is for one workbook; with several files, give each sheet as its own file (or save it as CSV)');
  const combine = values.combine;
  if (combine !== undefined && combine !== 'all' && combine !== 'shared')
    throw new UsageError(
      `--combine must be "all" (every column, missing cells empty) or "shared" (the columns all files have), not ${JSON.stringify(combine)}`,
    );
  const names = files.map((f) => path.basename(f));
  const bundle = packSources(files.map((f, i) => ({ name: names[i]!, bytes: readInput(f) })));
  const name = bundleName(names);
  const read = readSourcesTable(bundle, { ...csvOptions, ...(combine ? { combine } : {}) });
  if (!read.ok) {
    process.stderr.write(`${read.problem.message.replace(/^the files/, 'The files')}\n`);
    if (read.problem.code === 'columns-differ')
      process.stderr.write('Give --combine all (every column, missing cells empty) or --combine shared (only the columns all files have).\n');
    return read.problem.code === 'columns-differ' ? 2 : 1;
  }
  if (read.badRows.length > 0) {
    for (const b of read.badRows.slice(0, 20))
      process.stderr.write(
        `${b.file?.name ?? name}: line ${b.file?.line ?? b.line} has ${b.fields.length} fields, the header ${b.expected}. Fix the line (a comma in a text needs quotes), then run again.\n`,
      );
    process.stderr.write('Nothing was written.\n');
    return 1;
  }
  for (const f of read.info.sources?.files ?? []) process.stderr.write(`${f.name}: ${f.rows} rows\n`);
  const ds = Dataset.fromColumns(read.header, read.columns);
  return {
    bytes: new TextEncoder().encode(toCsv(ds, { neutralizeFormulas: false }).text),
    csvOptions: { encoding: 'utf-8', delimiter: ',' },
    rowOfLine: null,
    name,
    bundle,
  };
}
