import type { ThresholdName, Thresholds } from '@/lib/quality';

/** Thresholds that are shares (0 to 1) rather than counts. */
const SHARES: ReadonlySet<ThresholdName> = new Set(['variantMaxShare']);
/** Thresholds that may have a fraction (the rest count rows, letters or tokens). */
const FRACTIONS: ReadonlySet<ThresholdName> = new Set(['variantMaxShare', 'charsPerToken', 'imbalanceRatio']);

/** A threshold typed by the user: a number in range, or what is wrong with it. */
export function parseThreshold(name: ThresholdName, text: string): { ok: true; value: number } | { ok: false; error: string } {
  const trimmed = text.trim().replace(/,/g, '');
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return { ok: false, error: `Type a number (${JSON.stringify(text.trim())} is not one).` };
  if (value < 0) return { ok: false, error: 'Type 0 or more.' };
  if (SHARES.has(name) && value > 1) return { ok: false, error: 'Type a share between 0 and 1, such as 0.1 for a tenth.' };
  if (!FRACTIONS.has(name) && !Number.isInteger(value)) return { ok: false, error: 'Type a whole number.' };
  if (name === 'charsPerToken' && value === 0) return { ok: false, error: 'Type a number above 0.' };
  return { ok: true, value };
}

/** The thresholds the user changed: set, and different from the default (an override equal to it changes nothing). */
export function changedThresholds(overrides: Partial<Thresholds>, defaults: Thresholds): ThresholdName[] {
  return (Object.keys(overrides) as ThresholdName[]).filter((n) => overrides[n] !== undefined && overrides[n] !== defaults[n]);
}
