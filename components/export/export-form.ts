import { formatCount } from '@/components/app/format';
import type { SplitPreview, StratifyChoice } from '@/lib/engine';
import type { ExportProblem } from '@/lib/export';
import { MAX_SEED } from '@/lib/random';
import type { DownloadKind } from '@/lib/store';

/** The seed field's text as a numpy seed: a whole number from 0 to 2**32 - 1, or what is wrong. */
export function parseSeed(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: false, error: `Type a whole number from 0 to ${MAX_SEED}.` };
  if (!/^\d+$/.test(t)) return { ok: false, error: `The seed must be a whole number from 0 to ${MAX_SEED} (no sign, decimals or exponent).` };
  const value = Number(t);
  if (value > MAX_SEED) return { ok: false, error: `The seed must be at most ${MAX_SEED} (numpy's limit).` };
  return { ok: true, value };
}

/** The "Stratify by" options for these label columns. */
export function stratifyOptions(labels: readonly string[]): { value: StratifyChoice; label: string }[] {
  const options: { value: StratifyChoice; label: string }[] = [];
  if (labels[0] !== undefined) options.push({ value: 'first', label: labels[0] });
  if (labels[0] !== undefined && labels[1] !== undefined) options.push({ value: 'all-labels', label: labels.join(' + ') });
  options.push({ value: 'none', label: 'None (random split)' });
  return options;
}

/**
 * Engine messages are written to follow a file name ("dataset.csv: data row 8 …"); on their own
 * they start a sentence.
 */
export function sentence(message: string): string {
  return message.length > 0 ? message[0]!.toUpperCase() + message.slice(1) : message;
}

/**
 * Grid row ids a problem concerns (the engine attaches them: data-row numbers follow the file and
 * skip rows that were set aside, so they are not ids); empty when it names no row.
 */
export function problemRowIds(problem: ExportProblem): number[] {
  return problem.rowId !== undefined ? [problem.rowId] : [];
}

/** Every row named by the listed problems, once each, in order. */
export function allProblemRowIds(problems: readonly ExportProblem[]): number[] {
  return [...new Set(problems.flatMap(problemRowIds))].sort((a, b) => a - b);
}

/** "Show row 8" (the problem's data-row number, as in the grid's # column), "Show rows" for several. */
export function showRowsLabel(problem: ExportProblem): string {
  return problem.dataRow !== undefined ? `Show row ${problem.dataRow}` : 'Show rows';
}

export { formatCount };

/** "400 train · 100 validation examples", or why there are none. */
export function summaryText(split: SplitPreview | null): string {
  if (!split) return 'Load a dataset to export it.';
  if (!split.ok) return 'No files can be made with these settings yet.';
  return `${formatCount(split.train)} train · ${formatCount(split.validation)} validation examples`;
}

/** "First 5 of 400 lines" (or "All 3 lines", "Empty file"). */
export function previewCaption(shown: number, total: number): string {
  if (total === 0) return 'Empty file';
  if (shown >= total) return `All ${formatCount(total)} ${total === 1 ? 'line' : 'lines'}`;
  return `First ${shown} of ${formatCount(total)} lines`;
}

const WHAT: Record<DownloadKind, string> = {
  train: 'train.jsonl',
  validation: 'validation.jsonl',
  zip: 'the .zip of both files',
  csv: 'the cleaned CSV',
  project: 'the project file',
};

/**
 * The status line under the download buttons: what is being prepared or saved (with the megabytes
 * handed to the browser so far, for a streamed file), or what was just saved or cancelled.
 */
export function downloadStatus(
  busy: DownloadKind | null,
  last: { kind: DownloadKind; note: string; cancelled?: true } | null,
  savingBytes: number | null = null,
): string {
  if (busy && savingBytes !== null) return `Saving ${WHAT[busy]}… ${Math.round(savingBytes / 2 ** 20).toLocaleString('en')} MB so far`;
  if (busy) return `Preparing ${WHAT[busy]}…`;
  if (!last) return '';
  if (last.cancelled) return `The download of ${WHAT[last.kind]} was cancelled: download it again when you are ready.`;
  const saved = `Saved ${WHAT[last.kind]}.`;
  return last.note === 'Saved.' ? saved : `${saved} ${last.note}`;
}
