import { formatCount as count } from '@/components/app/format';
import type { TokenReport } from '@/lib/engine';

/** "$0.47", "$1,234.00", "less than $0.01". */
export function formatCost(usd: number): string {
  if (usd > 0 && usd < 0.005) return 'less than $0.01';
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A price typed by the user, in USD per 1M tokens: a number ≥ 0, or why not. Empty means "the default". */
export function parsePrice(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (t === '') return { ok: true, value: null };
  const v = Number(t);
  if (!Number.isFinite(v) || v < 0) return { ok: false, error: 'Type a price in US dollars per million tokens, such as 3 or 0.8.' };
  return { ok: true, value: v };
}

/** Epochs typed by the user: a whole number from 1 to 50, or empty for the notebook's default. */
export function parseEpochs(text: string): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const v = Number(t);
  if (!Number.isInteger(v) || v < 1 || v > 50) return { ok: false, error: 'Type a whole number of epochs from 1 to 50, or leave it empty for the default.' };
  return { ok: true, value: v };
}

/** The lines of the estimate, as label/value pairs, in reading order. */
export function estimateRows(r: TokenReport): { label: string; value: string }[] {
  const rows = [
    { label: 'Examples', value: `${count(r.examples)} (${count(r.totalTokens)} tokens)` },
    { label: 'Tokens per example', value: `mean ${count(r.mean)} · median ${count(r.median)} · max ${count(r.max)}` },
  ];
  if (r.train) rows.push({ label: 'Training file', value: `${count(r.train.examples)} examples, ${count(r.train.totalTokens)} tokens` });
  rows.push(
    { label: 'Epochs', value: `${r.epochs}${r.defaultEpochs ? ' (the default for this many examples)' : ''}` },
    { label: 'Billed tokens', value: count(r.billedTokens) },
    { label: 'Estimated cost', value: formatCost(r.cost) },
  );
  return rows;
}
