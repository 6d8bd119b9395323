import { delimiterName } from '@/lib/csv';
import { joinBadRow } from '@/lib/engine';

/** "This row has 4 fields but the header has 3 — often an unquoted comma in the text." */
export function badRowExplanation(fields: number, expected: number, delimiter: string): string {
  return `This row has ${fields} fields but the header has ${expected} — often an unquoted ${delimiterName(delimiter)} in the text.`;
}

/** A field cut to `max` characters for display, with line breaks shown as spaces. */
export function truncateField(value: string, max = 60): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The text a row gets when its extra fields are joined back into the text column: the engine's
 * own rule (`joinBadRow`), shown before the user decides.
 */
export function joinedText(fields: readonly string[], expected: number, textCol: number, delimiter: string): string {
  const col = Math.max(0, Math.min(textCol, expected - 1));
  return joinBadRow(fields, expected, col, delimiter)[col] ?? '';
}
