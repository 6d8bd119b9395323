import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCsvStream, type BadRow, type CsvInfo, type CsvOptions } from '../lib/csv';
import { ExampleCollector, type ExportProblem, type ExportSettings } from '../lib/export';
import { pythonFloatRepr } from '../lib/split';
import { columnsTable, hasErrors, runChecks, type CheckReport, type CheckResult, type Fix } from '../lib/quality';
import { checkJsonl } from './check-jsonl';
import {
  CSV_OPTIONS,
  csvOptionsFrom,
  noteDetected,
  readInput,
  reportProblems,
  settingsFrom,
  THRESHOLD_OPTIONS,
  thresholdsFrom,
  withThresholds,
} from './options';
import { countTokens, TOKEN_OPTIONS, tokenChoiceFrom, tokensJson, tokensSection, type TokenCount } from './token-report';
import { USAGE, UsageError } from './usage';

/** Rows listed under each finding in the human output. */
const ROWS_SHOWN = 10;

/**
 * `trainset check`: run the quality checks on a CSV and report them, for people (default) or
 * machines (`--json`: exactly one JSON object on stdout). Exit 1 when an error-level check fires,
 * 0 otherwise, 2 on usage errors. Messy data is reported, not refused; only a file that cannot be
 * read at all is refused (exit 1, a message on stderr, nothing on stdout).
 */
export async function checkCommand(args: string[]): Promise<number> {
  const { values: parsed, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { ...CSV_OPTIONS, ...TOKEN_OPTIONS, ...THRESHOLD_OPTIONS, json: { type: 'boolean' } },
  });
  const { threshold, ...values } = parsed;
  const thresholds = thresholdsFrom(threshold);
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'check needs the CSV file to read' : `check takes one file, got ${positionals.length}`);
  }
  const file = positionals[0]!;
  if (/\.jsonl$/i.test(file)) return checkJsonl(file, values, thresholds);
  const settings = settingsFrom(values);
  const csvOptions = csvOptionsFrom(values);
  const tokenChoice = tokenChoiceFrom(values, settings);
  const bytes = readInput(file);
  const name = path.basename(file);

  const read = readColumns(bytes, settings, csvOptions);
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
  const col = (c: string): number => read.header.indexOf(c);
  // With a model, whole examples are counted with its tokenizer and compared with its limit.
  const tokens = tokenChoice ? await countTokens(read, settings, tokenChoice) : null;
  const report = runChecks(
    {
      table: columnsTable(read.header, read.columns, read.rowCount, read.numbers),
      text: col(settings.textColumn),
      labels: settings.labelColumns.map(col),
      stratify: settings.stratify ? settings.stratify.map(col) : null,
      testSize: settings.testSize,
      setAside: read.badRows.map(({ dataRow, line }) => ({ dataRow, line })),
      target: settings.target,
      systemPrompt: settings.systemPrompt,
      jsonStyle: settings.jsonStyle,
    },
    withThresholds(tokens?.checkOptions, thresholds),
  );
  process.stdout.write(
    values.json ? `${JSON.stringify({ ...forJson(report), tokens: tokens ? tokensJson(tokens) : null })}\n` : humanReport(name, settings, report, tokens),
  );
  return hasErrors(report) ? 1 : 0;
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

/** The report as `--json` prints it: row ids are the app's business (in a file they are just row - 1). */
export function forJson(report: CheckReport): { rows: number; checks: object[] } {
  return {
    rows: report.rows,
    checks: report.checks.map(({ id, severity, count, rows, message, fixes, details }) => ({
      id,
      severity,
      count,
      rows,
      message,
      ...(fixes ? { fixes: fixes.map(({ rowIds: _, ...fix }) => fix) } : {}),
      ...(details ? { details } : {}),
    })),
  };
}

export function humanReport(name: string, settings: ExportSettings, report: CheckReport, tokens: TokenCount | null = null): string {
  const size = settings.testSize.kind === 'int' ? String(settings.testSize.value) : pythonFloatRepr(settings.testSize.value);
  const stratified = settings.stratify ? `stratified by ${settings.stratify.join(' + ')}` : 'not stratified';
  const answers = settings.answer === 'text' ? `free-text answers: ${settings.labelColumns.join(', ')}` : `labels: ${settings.labelColumns.join(', ')}`;
  const lines = [`Checked ${count(report.rows, 'row')} of ${name} (text: ${settings.textColumn}; ${answers}; ${stratified}, test size ${size}).`, ''];
  for (const c of report.checks) lines.push(...section(c), '');
  if (tokens) lines.push(...tokensSection(tokens), '');
  const by = (s: string): number => report.checks.filter((c) => c.severity === s).length;
  const errors = by('error');
  if (report.checks.length === 0) lines.push('No problems found.');
  else {
    lines.push(
      `${count(errors, 'error')}, ${count(by('warning'), 'warning')}, ${by('info')} info. ` +
        (errors > 0 ? 'The export would refuse this file (or write it wrongly) until the errors are fixed.' : 'Nothing blocks the export.'),
    );
  }
  return `${lines.join('\n')}\n`;
}

function section(c: CheckResult): string[] {
  const out = [`${c.severity.padEnd(7)}  ${c.id}: ${c.message}`];
  if (c.rows.length > 0) {
    const shown = c.rows.slice(0, ROWS_SHOWN).join(', ');
    out.push(
      `         ${c.rows.length === 1 ? 'row' : 'rows'} ${shown}${c.rows.length > ROWS_SHOWN ? ` and ${(c.rows.length - ROWS_SHOWN).toLocaleString('en-US')} more` : ''}`,
    );
  }
  for (const f of c.fixes ?? []) out.push(`         fix in the app: ${describeFix(f)}`);
  return out;
}

const CELL_FIXES: Record<string, string> = {
  trim: 'trim spaces',
  'collapse-spaces': 'collapse repeated spaces',
  'collapse-whitespace': 'collapse spaces and line breaks',
  'normalise-spaces': 'replace unusual spaces with plain ones',
  'remove-invisible': 'remove invisible characters',
  'remove-control': 'remove control characters',
  'repair-mojibake': 'repair the garbled characters',
};

function describeFix(f: Fix): string {
  switch (f.kind) {
    case 'drop-duplicates':
      return `remove ${count(f.rows.length, 'repeated row')}, keeping the first of each group`;
    case 'merge-label':
      return `rename ${f.from.map((v) => JSON.stringify(v)).join(', ')} to ${JSON.stringify(f.to)} in ${f.column} (${count(f.rows.length, 'row')})`;
    default:
      return `${CELL_FIXES[f.kind]} in ${f.column} (${count(f.rows.length, 'row')})`;
  }
}

const count = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
