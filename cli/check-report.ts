import type { ExportSettings } from '../lib/export';
import {
  CHECK_IDS,
  checkInput,
  checkSuspectLabels,
  columnsTable,
  loadEnglishWords,
  matchCase,
  runChecks,
  type CheckId,
  type CheckInput,
  type CheckReport,
  type CheckTable,
  type CheckResult,
  type Fix,
  type SuspectLabel,
  type Thresholds,
  type Typo,
} from '../lib/quality';
import { pythonFloatRepr } from '../lib/split';
import { withThresholds } from './options';
import { countTokens, tokensJson, tokensSection, type ReadColumns, type TokenChoice, type TokenCount } from './token-report';

// The quality report of `trainset check`, for a CSV and a JSONL file alike: the checks run on the
// columns read from the file, and their output for people or as one JSON object.

/** Rows listed under each finding in the human output. */
const ROWS_SHOWN = 10;

/** Suspect labels listed under the finding in the human output. */
const SUSPECTS_SHOWN = 10;

/** The quality checks' findings, with the token count when a model was chosen. */
export interface CheckRun {
  report: CheckReport;
  tokens: TokenCount | null;
  /** Every check that ran, whether it found something or not. */
  ran: CheckId[];
}

/** How `check` runs the checks besides its thresholds. */
export interface CheckRunOptions {
  /** The rows the CSV reader set aside. */
  setAside?: CheckInput['setAside'];
  /** Run suspect-label too (default true; `--no-suspect` turns it off: it is the slow one on large files). */
  suspect?: boolean;
  /** The export keeps near-copies in one file (`--keep-near-duplicates-together`): no split-leakage to find. */
  keepNearDuplicatesTogether?: boolean;
  /** Words marked "Not a typo" (a project's). */
  ignoreWords?: readonly string[];
}

/**
 * Run the quality checks on the columns read from a file, as the app runs them on its rows (lib's
 * `checkInput`), with the model's token limit when a model is chosen and the user's thresholds
 * over it; then suspect-label, which the app runs on its own after the others.
 */
export async function checkColumns(
  read: ReadColumns,
  settings: ExportSettings,
  tokenChoice: TokenChoice | null,
  thresholds: Partial<Thresholds>,
  options: CheckRunOptions = {},
): Promise<CheckRun> {
  return checkTable(
    columnsTable(read.header, read.columns, read.rowCount, read.numbers),
    settings,
    tokenChoice ? { read, choice: tokenChoice } : null,
    thresholds,
    options,
  );
}

/** {@link checkColumns} on any table (a project's edited rows too); tokens are counted from the columns read, when a model is chosen. */
export async function checkTable(
  table: CheckTable,
  settings: ExportSettings,
  tokenSource: { read: ReadColumns; choice: TokenChoice } | null,
  thresholds: Partial<Thresholds>,
  { setAside, suspect = true, keepNearDuplicatesTogether = false, ignoreWords = [] }: CheckRunOptions = {},
): Promise<CheckRun> {
  const input = checkInput(table, { ...settings, keepNearDuplicatesTogether });
  // The readers check the columns first (a usage error names the missing one), so this is a bug.
  if (!input.ok) throw new Error(`the checks need columns the file was not read with: ${input.missing.join(', ')}`);
  // With a model, whole examples are counted with its tokenizer and compared with its limit.
  const tokens = tokenSource ? await countTokens(tokenSource.read, settings, tokenSource.choice) : null;
  // The typo check looks words up in the English word list the app loads on demand (about 30 ms here).
  const options = { ...withThresholds(tokens?.checkOptions, thresholds), typo: { dictionary: await loadEnglishWords(), ignoreWords } };
  const report = runChecks({ ...input.input, ...(setAside ? { setAside } : {}) }, options);
  if (!suspect) return { report, tokens, ran: [...CHECK_IDS] };
  // Its finding is a warning or an info: it goes after the errors, among the checks of its severity by id, as runChecks orders them.
  const checks = [...report.checks, ...checkSuspectLabels(input.input)];
  const order = { error: 0, warning: 1, info: 2 };
  checks.sort((a, b) => order[a.severity] - order[b.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { report: { ...report, checks }, tokens, ran: [...CHECK_IDS, 'suspect-label'] };
}

/**
 * The report as `--json` prints it, one line: `before`'s keys first (a JSONL file's `"format"`),
 * then the rows, the checks that ran and those that found something (row ids are the app's
 * business: in a file they are just row - 1), then the tokens. suspect-label's suggestions are a
 * key of their own, `[{"row", "label", "given", "confidence"}]`, most suspicious first like its rows.
 */
export function jsonReport({ report, tokens, ran }: CheckRun, before: object = {}): string {
  const checks = report.checks.map(({ id, severity, count, rows, message, fixes, details }) => {
    const { suggestions, groupRows, typos, ...rest } = details ?? {};
    return {
      id,
      severity,
      count,
      rows,
      ...(suggestions ? { suggestions: suggestions.map(({ row, suggested, given, confidence }) => ({ row, label: suggested, given, confidence })) } : {}),
      ...(typos ? { suggestions: typoSuggestions(typos) } : {}),
      // Every duplicate-like check's groups as lists of rows, uncapped (details.groups quotes the first 200).
      ...(groupRows ? { groups: groupRows } : {}),
      message,
      ...(fixes ? { fixes: fixes.map(({ rowIds: _, ...fix }) => fix) } : {}),
      ...(details ? { details: rest } : {}),
    };
  });
  return `${JSON.stringify({ ...before, rows: report.rows, ran, checks, tokens: tokens ? tokensJson(tokens) : null })}\n`;
}

/** The report for people: what was checked, each finding with its first rows and fixes, the tokens, a verdict. */
export function humanReport(name: string, settings: ExportSettings, { report, tokens }: CheckRun): string {
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
  const typos = c.details?.typos ?? [];
  // Two fixes per misspelling: listed once for all, each misspelling on a line of its own.
  if (typos.length > 0) out.push('         fix in the app: replace each word in its rows (case kept), or mark it "Not a typo"');
  else for (const f of c.fixes ?? []) out.push(`         fix in the app: ${describeFix(f)}`);
  for (const t of typos.slice(0, SUSPECTS_SHOWN))
    out.push(`         ${JSON.stringify(t.word)} → ${JSON.stringify(t.suggestion)}: rows ${t.rows.map((r) => r.row).join(', ')}`);
  if (typos.length > SUSPECTS_SHOWN) out.push(`         and ${(typos.length - SUSPECTS_SHOWN).toLocaleString('en-US')} more (--json lists them all)`);
  const suspects = c.details?.suggestions ?? [];
  for (const s of suspects.slice(0, SUSPECTS_SHOWN)) out.push(`         ${describeSuspect(s)}`);
  if (suspects.length > SUSPECTS_SHOWN) out.push(`         and ${(suspects.length - SUSPECTS_SHOWN).toLocaleString('en-US')} more (--json lists them all)`);
  return out;
}

/** `row 12: "ORDER › cancel_order" → "DELIVERY › delivery_period" (93%)`. */
function describeSuspect(s: SuspectLabel): string {
  const label = (l: Record<string, string>): string => JSON.stringify(Object.values(l).join(' › '));
  return `row ${s.row}: ${label(s.given)} → ${label(s.suggested)} (${Math.round(s.confidence * 100)}%)`;
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
    case 'replace-word':
      return `replace ${JSON.stringify(f.word)} with ${JSON.stringify(f.suggestion)} in ${f.column} (${count(f.rows.length, 'row')}, case kept)`;
    case 'ignore-word':
      return `mark ${JSON.stringify(f.word)} "Not a typo"`;
    case 'set-labels':
      return `give each of ${count(f.groups.length, 'group')} its most common ${f.columns.join(' › ')} (${count(f.rows.length, 'row')} relabelled)`;
    default:
      return `${CELL_FIXES[f.kind]} in ${f.column} (${count(f.rows.length, 'row')})`;
  }
}

/** typo's suggestions by row: the word as written there, and its correction in the same case. */
function typoSuggestions(typos: readonly Typo[]): { row: number; word: string; suggestion: string }[] {
  return typos
    .flatMap((t) => t.rows.map(({ row, written }) => ({ row, word: written, suggestion: matchCase(written, t.suggestion) })))
    .sort((a, b) => a.row - b.row || (a.word < b.word ? -1 : 1));
}

/** `1 row`, `1,234 rows`. */
export const count = (n: number, one: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : `${one}s`}`;
