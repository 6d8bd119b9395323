import type { ColumnMapping } from '@/lib/engine';

/** The mapping form's state: the text column and up to two label levels ('' = none). */
export interface MappingDraft {
  text: string;
  first: string;
  second: string;
}

/** Pre-fill the form from the engine's guess, keeping only names that are in the header. */
export function draftFromGuess(header: readonly string[], guess: ColumnMapping): MappingDraft {
  const has = (name: string | undefined): name is string => name !== undefined && header.includes(name);
  const text = has(guess.text) ? guess.text : (header[0] ?? '');
  const labels = guess.labels.filter((l) => has(l) && l !== text);
  return { text, first: labels[0] ?? '', second: labels[1] ?? '' };
}

/** What the form would send, or why it cannot (worded for the person filling it in). */
export function draftToMapping(d: MappingDraft): { ok: true; mapping: ColumnMapping } | { ok: false; error: string } {
  if (!d.text) return { ok: false, error: 'Choose the column that holds the text.' };
  if (!d.first) return { ok: false, error: 'Choose at least one label column.' };
  if (d.first === d.text || d.second === d.text) return { ok: false, error: `“${d.text}” is the text column; choose a different column for the labels.` };
  if (d.second && d.second === d.first) return { ok: false, error: 'Choose two different label columns, or no second label.' };
  return { ok: true, mapping: { text: d.text, labels: d.second ? [d.first, d.second] : [d.first] } };
}

/**
 * The assistant's answer for one row, as the notebook writes it (json.dumps: ", " and ": "),
 * so the user sees their column names become the JSON keys.
 */
export function assistantExample(labels: readonly string[], values: readonly string[]): string {
  return `{${labels.map((l, i) => `${JSON.stringify(l)}: ${JSON.stringify(values[i] ?? '…')}`).join(', ')}}`;
}
