// Figures and formatting for `npm run bench` (bench/cli.ts). Kept apart from the process plumbing so
// the arithmetic (medians, ratios, verdict) reads on its own and has no side effects.
import { DEFAULT_MODEL_ID } from '../lib/tokens';
import { formatMb, formatRows } from './env';
import type { Measure } from './processes';

/**
 * Issue 15's targets at a million rows: at least 12× the notebook's speed, at most a third of its
 * peak memory (aims: 20×, 0.2). They are printed, never enforced by the exit code.
 */
export const TARGETS = { rows: 1_000_000, minSpeedRatio: 12, maxMemoryRatio: 0.33, aimSpeedRatio: 20, aimMemoryRatio: 0.2 } as const;

/** `trainset --help` answers within this (no TypeScript compiled on a run). */
export const HELP_TARGET_SECONDS = 0.3;

/** The median time of `trainset --help`, against {@link HELP_TARGET_SECONDS}. */
export function formatHelp(seconds: number[]): string {
  const m = median(seconds);
  return `\`trainset --help\`: ${m.toFixed(2)} s (median of ${seconds.length}; target < ${HELP_TARGET_SECONDS} s): ${m < HELP_TARGET_SECONDS ? 'PASS' : 'FAIL'}\n`;
}

/** One side (notebook or trainset) of one size: every run, and their median. */
export type SideResult = { status: 'ok'; median: Measure; runs: Measure[] } | { status: 'failed' | 'unavailable'; reason: string };

/** Everything measured for one CSV size. */
export interface SizeResult {
  rows: number;
  csvBytes: number;
  notebook: SideResult;
  trainset: SideResult;
  /** true: every run wrote the same bytes; false: some run differed or failed; null: nothing to compare. */
  identical: boolean | null;
  /** First difference found, when identical is false. */
  difference?: string;
  /** Median of each numeric field of the notebook's `SEED {...}` line: `<phase>_s` seconds, peak_rss_mb, counts. */
  notebookPhases?: Record<string, number>;
  /** notebook seconds / trainset seconds (higher is better), when both sides ran. */
  speedRatio?: number;
  /** trainset peak / notebook peak (lower is better), when both sides ran. */
  memoryRatio?: number;
}

/** Verdict against {@link TARGETS}; null fields mean the figure could not be measured. */
export interface Verdict {
  rows: number;
  speedRatio: number | null;
  memoryRatio: number | null;
  faster: boolean | null;
  leaner: boolean | null;
  identical: boolean | null;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median seconds and median peak memory of several runs. Each is taken on its own: the slowest run
 * is not necessarily the fattest one, and the figures are reported column by column anyway.
 */
export function medianMeasure(runs: Measure[]): Measure {
  return { seconds: median(runs.map((r) => r.seconds)), peakMb: median(runs.map((r) => r.peakMb)) };
}

/** Median of each numeric field over several `SEED {...}` summaries (fields missing from some runs are skipped). */
export function medianPhases(summaries: Record<string, number>[]): Record<string, number> | undefined {
  if (summaries.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const key of Object.keys(summaries[0]!)) {
    const values = summaries.map((s) => s[key]).filter((v): v is number => typeof v === 'number');
    if (values.length === summaries.length) out[key] = median(values);
  }
  return out;
}

/** Adds the speed and memory ratios to a result when both sides ran. */
export function withRatios(result: SizeResult): SizeResult {
  const { notebook, trainset } = result;
  if (notebook.status !== 'ok' || trainset.status !== 'ok') return result;
  return {
    ...result,
    speedRatio: notebook.median.seconds / trainset.median.seconds,
    memoryRatio: trainset.median.peakMb / notebook.median.peakMb,
  };
}

/** The verdict for the target size, or null when that size was not run. */
export function verdict(results: SizeResult[]): Verdict | null {
  const r = results.find((x) => x.rows === TARGETS.rows);
  if (!r) return null;
  const speedRatio = r.speedRatio ?? null;
  const memoryRatio = r.memoryRatio ?? null;
  return {
    rows: r.rows,
    speedRatio,
    memoryRatio,
    faster: speedRatio === null ? null : speedRatio >= TARGETS.minSpeedRatio,
    leaner: memoryRatio === null ? null : memoryRatio <= TARGETS.maxMemoryRatio,
    identical: r.identical,
  };
}

const COLUMNS = ['rows', 'CSV MB', 'notebook s', 'notebook MB', 'trainset s', 'trainset MB', 'speed (nb/ts)', 'memory (ts/nb)', 'identical'] as const;

/** The side-by-side table, one line per size, columns right-aligned except the last. */
export function formatTable(results: SizeResult[]): string {
  const rows = [[...COLUMNS], ...results.map(tableCells)];
  const widths = COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return rows.map(line).join('\n') + '\n';
}

function tableCells(r: SizeResult): string[] {
  return [
    formatRows(r.rows),
    formatMb(r.csvBytes),
    ...sideCells(r.notebook),
    ...sideCells(r.trainset),
    r.speedRatio === undefined ? '-' : `${r.speedRatio.toFixed(1)}×`,
    r.memoryRatio === undefined ? '-' : r.memoryRatio.toFixed(2),
    r.identical === null ? 'n/a' : r.identical ? 'yes' : 'no',
  ];
}

function sideCells(side: SideResult): [string, string] {
  if (side.status !== 'ok') return [side.status === 'unavailable' ? 'n/a' : 'failed', '-'];
  return [side.median.seconds.toFixed(2), side.median.peakMb.toFixed(0)];
}

const PHASES = ['import', 'read', 'build', 'split', 'write', 'total'] as const;

/** The notebook's own phase breakdown (seconds), so a change in the ratio can be traced to a phase. */
export function formatPhases(results: SizeResult[]): string {
  const withPhases = results.filter((r) => r.notebookPhases);
  if (withPhases.length === 0) return '';
  const header = ['rows', ...PHASES];
  const body = withPhases.map((r) => [formatRows(r.rows), ...PHASES.map((p) => phaseCell(r.notebookPhases!, p))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return `notebook phases (s, from its SEED line):\n${[header, ...body].map(line).join('\n')}\n`;
}

function phaseCell(phases: Record<string, number>, phase: string): string {
  const v = phases[`${phase}_s`];
  return v === undefined ? '-' : v.toFixed(2);
}

/** Problems worth a line under the table: sides that did not run, and where outputs first differed. */
export function formatNotes(results: SizeResult[]): string {
  const notes: string[] = [];
  for (const r of results) {
    const size = formatRows(r.rows);
    if (r.notebook.status !== 'ok') notes.push(`${size}: notebook: ${r.notebook.reason}`);
    if (r.trainset.status !== 'ok') notes.push(`${size}: trainset: ${r.trainset.reason}`);
    if (r.difference) notes.push(`${size}: outputs differ: ${r.difference}`);
  }
  return notes.length === 0 ? '' : notes.join('\n') + '\n';
}

/** The three verdict lines for the 1M-row run. */
export function formatVerdict(v: Verdict): string {
  const mark = (ok: boolean | null): string => (ok === null ? 'n/a' : ok ? 'PASS' : 'FAIL');
  const speed = v.speedRatio === null ? '' : ` (${v.speedRatio.toFixed(1)}×)`;
  const memory = v.memoryRatio === null ? '' : ` (${v.memoryRatio.toFixed(2)})`;
  return (
    `targets at ${formatRows(v.rows)} rows:\n` +
    `  >= ${TARGETS.minSpeedRatio}x faster (aim ${TARGETS.aimSpeedRatio}x): ${mark(v.faster)}${speed}\n` +
    `  <= ${TARGETS.maxMemoryRatio} of its peak memory (aim ${TARGETS.aimMemoryRatio}): ${mark(v.leaner)}${memory}\n` +
    `  identical bytes: ${mark(v.identical)}\n`
  );
}

/** The whole report: the side-by-side table, the notebook's phases, notes, and the verdict at 1M rows. */
export function formatResults(results: SizeResult[], runs: number): string {
  const out = [
    `\nTrainset export vs notebook pipeline (${runs > 1 ? `median of ${runs} runs` : '1 run'}; seconds are wall time, MB is peak RSS, 2^20 bytes)`,
    formatTable(results),
    formatPhases(results),
    formatNotes(results),
  ];
  const v = verdict(results);
  if (v) out.push(formatVerdict(v));
  return out.filter((s) => s !== '').join('\n');
}

// --- check, and its token counting ---------------------------------------------------------------

/** `trainset check` on one CSV: as by default, without suspect-label, and with token counting (the tokenizer is its slow part). */
export interface CheckTiming {
  rows: number;
  /** `check` as it runs by default: all checks, suspect-label included; characters stand in for tokens. */
  plain: Measure | { failed: string };
  /** `check --no-suspect`: the difference with `plain` is suspect-label's time. */
  withoutSuspect: Measure | { failed: string };
  /** `check --model …`: every example tokenized, costs estimated. */
  tokens: Measure | { failed: string };
}

/** Seconds and peak memory of a run, or why it failed. */
export function describeMeasure(m: Measure | { failed: string }): string {
  return 'failed' in m ? `failed (${m.failed})` : `${m.seconds.toFixed(2)} s, ${m.peakMb.toFixed(0)} MB`;
}

/** `+1.23 s`: what `b` adds to `a` (`−0.40 s` when the noise of one run makes it faster), or `-` when either failed. */
function added(a: Measure | { failed: string }, b: Measure | { failed: string }): string {
  if ('failed' in a || 'failed' in b) return '-';
  const d = b.seconds - a.seconds;
  return `${d < 0 ? '−' : '+'}${Math.abs(d).toFixed(2)} s`;
}

/**
 * The check's figures under the export's table, beside the notebook's export of the same CSV (the
 * budget: check within twice the notebook's time): suspect-label and token counting are each the
 * difference between two runs.
 */
export function formatChecks(checks: CheckTiming[], results: SizeResult[] = []): string {
  const cell = (m: Measure | { failed: string }): string => ('failed' in m ? 'failed' : describeMeasure(m));
  const notebookOf = (rows: number): Measure | null => {
    const side = results.find((r) => r.rows === rows)?.notebook;
    return side?.status === 'ok' ? side.median : null;
  };
  const header = ['rows', 'check', 'notebook export', 'check / notebook', 'check --no-suspect', 'suspect-label', 'check --model (tokens)', 'token counting'];
  const body = checks.map((c) => {
    const notebook = notebookOf(c.rows);
    return [
      formatRows(c.rows),
      cell(c.plain),
      notebook ? `${notebook.seconds.toFixed(2)} s` : 'n/a',
      notebook && !('failed' in c.plain) ? `${(c.plain.seconds / notebook.seconds).toFixed(2)}×` : '-',
      cell(c.withoutSuspect),
      added(c.withoutSuspect, c.plain),
      cell(c.tokens),
      added(c.plain, c.tokens),
    ];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return (
    `\nTrainset check (1 run each; targets: 100,000 rows in 1 s without suspect-label, 1,000,000 in 10 s; with suspect-label, within 2× the notebook's export; ` +
    `tokens counted with ${DEFAULT_MODEL_ID}'s tokenizer)\n` +
    `${[header, ...body].map(line).join('\n')}\n`
  );
}
