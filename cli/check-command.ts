import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCsvStream, type BadRow, type CsvInfo, type CsvOptions } from '../lib/csv';
import { ExampleCollector, type ExportProblem, type ExportSettings } from '../lib/export';
import { sniffKind } from '../lib/jsonl';
import { hasErrors } from '../lib/quality';
import { checkThresholds } from '../lib/engine/tokens';
import { checkJsonl } from './check-jsonl';
import { checkColumns, checkTable, humanReport, jsonReport } from './check-report';
import {
  combinedSource,
  CSV_OPTIONS,
  csvOptionsFrom,
  csvSource,
  noteDetected,
  readInput,
  reportProblems,
  settingsFrom,
  THRESHOLD_OPTIONS,
  thresholdsFrom,
} from './options';
import { TOKEN_OPTIONS, tokenChoiceFrom } from './token-report';
import { checkProjectArgs, openProject } from './project';
import { USAGE, UsageError } from './usage';

/**
 * `trainset check`: run the quality checks on a CSV (or a JSONL training file, see `checkJsonl`) and report them, for people (default) or
 * machines (`--json`: exactly one JSON object on stdout). Exit 1 when an error-level check fires,
 * 0 otherwise, 2 on usage errors. Messy data is reported, not refused; only a file that cannot be
 * read at all is refused (exit 1, a message on stderr, nothing on stdout).
 */
export async function checkCommand(args: string[]): Promise<number> {
  const { values: parsed, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      ...CSV_OPTIONS,
      ...TOKEN_OPTIONS,
      ...THRESHOLD_OPTIONS,
      json: { type: 'boolean' },
      'no-suspect': { type: 'boolean' },
      project: { type: 'string' },
    },
  });
  const { threshold, 'no-suspect': noSuspect, project, ...values } = parsed;
  const suspect = !noSuspect;
  const thresholds = thresholdsFrom(threshold);
  if (project !== undefined) return checkProject(project, { ...values, threshold }, positionals, { suspect, json: values.json === true });
  if (positionals.length === 0) throw new UsageError('check needs the CSV file to read, or several to read as one');
  if (positionals.length === 1 && values.combine !== undefined) throw new UsageError('--combine is for several files read as one');
  const settings = settingsFrom(values);
  const csvOptions = csvOptionsFrom(values);
  const tokenChoice = tokenChoiceFrom(values, settings);
  // Several files are one dataset (lib/sources), read as one CSV.
  const several = positionals.length > 1 ? combinedSource(positionals, values, csvOptions) : null;
  if (typeof several === 'number') return several;
  const name = several ? several.name : path.basename(positionals[0]!);
  const bytes = several ? several.bytes : readInput(positionals[0]!);
  // Decided by the content, as the app decides: a JSONL saved as .csv or .txt is still a JSONL.
  const kind = sniffKind(bytes, name);
  if (kind === 'jsonl' && values.sheet !== undefined) throw new UsageError(`--sheet is for a workbook (.xlsx); ${name} is a JSONL file`);
  if (kind === 'jsonl')
    return checkJsonl(name, bytes, values, {
      settings,
      encoding: csvOptions.encoding,
      tokenChoice,
      thresholds,
      suspect,
      keepNearDuplicatesTogether: values['keep-near-duplicates-together'] === true,
    });
  const source = several ?? csvSource(name, bytes, values, csvOptions);
  if (typeof source === 'number') return source;

  const read = readColumns(source.bytes, settings, source.csvOptions);
  if (!read.ok && read.kind === 'unreadable') {
    process.stderr.write(`${name}: ${read.message}\n`);
    return 1;
  }
  noteDetected(name, read.info);
  if (!read.ok) {
    reportProblems(name, read.problems, read.problems.length);
    process.stderr.write(`\n${USAGE}`);
    return 2;
  }
  const run = await checkColumns(read, settings, tokenChoice, thresholds, {
    setAside: read.badRows.map(({ dataRow, line }) => ({ dataRow, line })),
    suspect,
    keepNearDuplicatesTogether: values['keep-near-duplicates-together'] === true,
  });
  process.stdout.write(values.json ? jsonReport(run) : humanReport(name, settings, run));
  return hasErrors(run.report) ? 1 : 0;
}

type Read =
  | {
      ok: true;
      header: string[];
      /** Only the columns the checks read; the others stay undefined. */
      columns: (string[] | undefined)[];
      rowCount: number;
      /** Data-row numbers, when rows were set aside (otherwise row r is number r + 1). */
      numbers?: Int32Array;
      badRows: BadRow[];
      info: CsvInfo;
    }
  | { ok: false; kind: 'unreadable'; message: string }
  | { ok: false; kind: 'usage'; problems: ExportProblem[]; info: CsvInfo };

/** Stream the CSV into arrays of only the used columns: no row objects are kept. */
function readColumns(bytes: Uint8Array, settings: ExportSettings, csvOptions: CsvOptions): Read {
  let used: number[] = [];
  let columns: (string[] | undefined)[] = [];
  let numbers: number[] = [];
  let usage: ExportProblem[] = [];
  const result = readCsvStream(bytes, csvOptions, {
    start(header) {
      // Called again if the encoding is re-detected: start from scratch. The export's own column
      // check gives the same messages as `trainset export` for a column that does not exist.
      const start = ExampleCollector.start(header, settings);
      usage = start.ok ? [] : start.problems;
      used = start.ok ? [...new Set([settings.textColumn, ...settings.labelColumns, ...(settings.stratify ?? [])].map((c) => header.indexOf(c)))] : [];
      columns = header.map((_, c) => (used.includes(c) ? [] : undefined));
      numbers = [];
    },
    row(fields, dataRow) {
      for (const c of used) columns[c]!.push(fields[c]!);
      numbers.push(dataRow);
    },
  });
  if (!result.ok) return { ok: false, kind: 'unreadable', message: result.problem.message };
  if (usage.length > 0) return { ok: false, kind: 'usage', problems: usage, info: result.info };
  return {
    ok: true,
    header: result.header,
    columns,
    rowCount: result.rowCount,
    ...(result.badRows.length > 0 ? { numbers: Int32Array.from(numbers) } : {}),
    badRows: result.badRows,
    info: result.info,
  };
}

/**
 * `trainset check --project NAME.trainset`: the checks on the project's rows as they are after its
 * edits, with its thresholds and its "Not a typo" words, as the app's Issues panel shows them.
 */
async function checkProject(
  file: string,
  values: Record<string, unknown>,
  positionals: string[],
  { suspect, json }: { suspect: boolean; json: boolean },
): Promise<number> {
  checkProjectArgs(values, positionals);
  if (values.threshold !== undefined || values.model !== undefined || values.price !== undefined) {
    throw new UsageError('--project takes its thresholds and model from the project: change them in the app, then download the project again.');
  }
  const opened = openProject(file);
  if (!opened) return 1;
  const { engine, choices } = opened;
  const settings = engine.settings(choices)!;
  const run = await checkTable(engine.checkTable(), settings, null, checkThresholds(choices), {
    suspect,
    keepNearDuplicatesTogether: choices.keepNearDuplicatesTogether,
    ignoreWords: choices.ignoreWords,
  });
  process.stdout.write(json ? jsonReport(run) : humanReport(`${opened.dataName} (${opened.name})`, settings, run));
  return hasErrors(run.report) ? 1 : 0;
}
