import type { Encoding } from '../lib/csv';
import { LAYOUT_NAMES, type ExportSettings } from '../lib/export';
import {
  answerMode,
  readJsonl,
  targetRuleFindings,
  type FormatFinding,
  type FormatReport,
  type JsonlInfo,
  type JsonlTable,
  type TargetRuleReport,
} from '../lib/jsonl';
import { hasErrors, type Thresholds } from '../lib/quality';
import { checkColumns, count, humanReport, jsonReport } from './check-report';
import { type TokenChoice } from './token-report';
import { UsageError } from './usage';

/** Findings listed in the human output, and in `--json`. */
const FINDINGS_SHOWN = 10;
const NOTES_SHOWN = 5;
const LINES_SHOWN = 10;
const JSON_FINDINGS = 100;

/** Options of `check` that name CSV columns or read CSV, which a JSONL file decides for itself. */
const CSV_ONLY = ['text', 'labels', 'delimiter'] as const;

/** What `check` made of its options before reading the file. */
export interface CheckChoices {
  settings: ExportSettings;
  /** `--encoding`, when given. */
  encoding: Encoding | undefined;
  tokenChoice: TokenChoice | null;
  thresholds: Partial<Thresholds>;
  /** Run suspect-label (not with `--no-suspect`). */
  suspect: boolean;
  /** `--keep-near-duplicates-together`: the split keeps near-copies in one file. */
  keepNearDuplicatesTogether?: boolean;
}

/**
 * `trainset check` on a JSONL training file (as `sniffKind` tells it, whatever its name) in any
 * layout Trainset writes: the format checks on every line (OpenAI's, as its data-preparation
 * notebook counts them, for the chat layout; the same kinds in the file's own layout otherwise),
 * the `--target`'s rules on the order of messages (Together, Claude 3 Haiku), then the quality
 * checks on the examples read as a table: the user message as the text, the keys of the
 * assistant's JSON answers as the labels, stratified by the first.
 * Exit 1 on any format error, broken rule or error-level check, or a file that cannot be read; 0 otherwise.
 */
export async function checkJsonl(
  name: string,
  bytes: Uint8Array,
  values: Record<string, string | boolean | undefined>,
  { settings: base, encoding, tokenChoice, thresholds, suspect, keepNearDuplicatesTogether = false }: CheckChoices,
): Promise<number> {
  const given = CSV_ONLY.filter((o) => values[o] !== undefined);
  if (given.length > 0) {
    throw new UsageError(
      `--${given[0]} does not apply to a JSONL file: its text is the user message and its labels are the keys of the assistant's JSON answers`,
    );
  }
  const read = readJsonl(bytes, encoding ? { encoding } : {});
  if (!read.ok) {
    process.stderr.write(`${name}: ${read.problem.message}\n`);
    return 1;
  }
  const { table, info, format } = read;
  for (const w of info.warnings) process.stderr.write(`${name}: note: ${w.message}\n`);

  const settings: ExportSettings = {
    ...base,
    textColumn: table.mapping.text,
    labelColumns: table.mapping.labels,
    // Free-text answers are written as they are (the app decides the same way).
    answer: answerMode(table, table.mapping.labels),
    stratify: stratifyFrom(values.stratify as string | undefined, base.stratify, table, info),
    systemPrompt: (values.system as string | undefined) ?? info.systemPrompt ?? base.systemPrompt,
  };
  // Tokens of the examples a re-export would write (for a conversation: its first and last turns).
  const run = await checkColumns(table, settings, tokenChoice, thresholds, { suspect, keepNearDuplicatesTogether });
  const rules = targetRuleFindings(format, settings.target);
  const broken = rules ? sum(rules.counts) : 0;
  const formatErrors = Object.keys(format.errors).length > 0;
  process.stdout.write(
    values.json
      ? jsonReport(run, { format: formatForJson(format, info, rules) })
      : `${humanFormat(name, format, info, table)}${humanRules(rules)}\n${humanReport(name, settings, run)}${formatErrors || broken > 0 ? formatVerdict(format, rules) : ''}`,
  );
  return formatErrors || broken > 0 || hasErrors(run.report) ? 1 : 0;
}

/** The last line when the file's format is wrong or breaks the target's rules: the checks above judged the table, not the file. */
function formatVerdict(format: FormatReport, rules: TargetRuleReport | null): string {
  const errors = sum(format.errors);
  const broken = rules ? sum(rules.counts) : 0;
  const what = [errors > 0 ? count(errors, 'format error') : null, broken > 0 ? `${count(broken, 'break')} of ${rules!.name}'s rules` : null].filter(Boolean);
  const who = errors > 0 ? 'a fine-tuning job' : rules!.name;
  return `The file itself has ${what.join(' and ')} (listed first): ${who} would refuse it as it is. Fix those lines, or export the table again.\n`;
}

/** The target's rules on the order of messages, broken by line (nothing when it has none, or none is broken). */
function humanRules(rules: TargetRuleReport | null): string {
  if (!rules) return '';
  const n = sum(rules.counts);
  if (n === 0) return `${rules.name}'s rules on the order of messages: followed by every example.\n`;
  const out = [`${rules.name}'s rules on the order of messages (${rules.source.title}, ${rules.source.date}): ${count(n, 'break')}.`];
  out.push(...summary(Object.entries(rules.counts), rules.findings));
  out.push(...findings(rules.findings, FINDINGS_SHOWN, n));
  return `${out.join('\n')}\n`;
}

/** The first label by default (none when the answers are free text); `--stratify` names columns of the table. */
function stratifyFrom(option: string | undefined, parsed: string[] | null, table: JsonlTable, info: JsonlInfo): string[] | null {
  if (option === undefined) return info.labelKeys.length > 0 ? [info.labelKeys[0]!] : null;
  const missing = (parsed ?? []).filter((c) => !table.header.includes(c));
  if (missing.length > 0) {
    throw new UsageError(
      `--stratify: the file has no column ${JSON.stringify(missing[0])}; read as a table its columns are ${table.header.map((h) => JSON.stringify(h)).join(', ')}`,
    );
  }
  return parsed;
}

/** The `"format"` object of `--json`: counts in full, findings capped; `targetRules` null when the target has none. */
function formatForJson(format: FormatReport, info: JsonlInfo, rules: TargetRuleReport | null): object {
  const list = (findings: FormatFinding<string>[]): object[] =>
    findings.slice(0, JSON_FINDINGS).map(({ line, example, kind, message }) => ({ line, example, kind, message }));
  return {
    examples: format.examples,
    errors: format.errors,
    findings: list(format.findings),
    warnings: format.warnings,
    notes: list(format.notes),
    truncated: format.truncated || sum(format.errors) > JSON_FINDINGS || sum(format.warnings) > JSON_FINDINGS,
    labelKeys: info.labelKeys,
    systemPrompts: info.systemPrompts,
    multiTurn: info.multiTurn,
    layout: info.layout,
    targetRules: rules && {
      target: rules.target,
      counts: rules.counts,
      findings: list(rules.findings),
      truncated: rules.truncated || sum(rules.counts) > JSON_FINDINGS,
    },
  };
}

/** Like the notebook's "Found errors:" / "No errors found", with the lines behind each count. */
function humanFormat(name: string, format: FormatReport, info: JsonlInfo, table: JsonlTable): string {
  const how =
    info.layout === null || info.layout === 'openai-chat'
      ? "checked as OpenAI's data-preparation notebook does"
      : `in the ${LAYOUT_NAMES[info.layout]}, checked with the notebook's kinds`;
  const out = [`Format of ${name}, ${how}: ${count(format.examples, 'example')} on ${count(info.lines, 'line')}.`];
  const errors = Object.entries(format.errors);
  if (errors.length === 0) out.push('No errors found.');
  else {
    out.push('Found errors:');
    out.push(...summary(errors, format.findings));
    out.push(...findings(format.findings, FINDINGS_SHOWN, sum(format.errors)));
  }
  const notes = Object.entries(format.warnings);
  if (notes.length > 0) {
    out.push('Notes:');
    out.push(...summary(notes, format.notes));
    out.push(...findings(format.notes, NOTES_SHOWN, sum(format.warnings)));
  }
  const labels =
    info.labelKeys.length > 0
      ? `labels ${info.labelKeys.join(', ')} (the keys of the assistant's JSON answers)`
      : `the assistant's answers as they are, in ${table.assistantColumn}`;
  const without = info.missingSystem > 0 ? ` (${count(info.missingSystem, 'row')} without one)` : '';
  const prompts = info.systemPrompt !== null ? 'one system prompt for all' : `${count(info.systemPrompts, 'distinct system prompt')}${without}`;
  out.push(`Read as a table: ${count(table.rowCount, 'row')}; text: ${table.mapping.text} (the user message); ${labels}; ${prompts}.`);
  return `${out.join('\n')}\n`;
}

/** All the findings a report counts. */
const sum = (counts: Partial<Record<string, number>>): number => Object.values(counts).reduce<number>((a, n) => a + (n ?? 0), 0);

/** `  kind: count  (lines 3, 9, …)`, from the listed findings. */
function summary(counts: [string, number | undefined][], listed: FormatFinding<string>[]): string[] {
  const width = Math.max(...counts.map(([k, n]) => `${k}: ${n}`.length));
  return counts.map(([kind, n]) => {
    const ofKind = listed.filter((f) => f.kind === kind);
    const lines = [...new Set(ofKind.map((f) => f.line))];
    const more = lines.length > LINES_SHOWN || ofKind.length < n!;
    return `  ${`${kind}: ${n}`.padEnd(width)}  (${lines.length === 1 && !more ? 'line' : 'lines'} ${lines.slice(0, LINES_SHOWN).join(', ')}${more ? ', …' : ''})`;
  });
}

function findings(list: FormatFinding<string>[], shown: number, all: number): string[] {
  const out = list.slice(0, shown).map((f) => `  line ${f.line}: ${f.kind}: ${f.message}`);
  if (all > shown) out.push(`  … and ${(all - Math.min(shown, list.length)).toLocaleString('en-US')} more like these.`);
  return out;
}
