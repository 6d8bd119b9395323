import { delimiterName } from '@/lib/csv';

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
 * The text a row gets when its extra fields are joined back into the text column: the same
 * rule as the engine's `takeBadRow` (the extra fields follow the text column, joined with the
 * delimiter), shown before the user decides.
 */
export function joinedText(fields: readonly string[], expected: number, textCol: number, delimiter: string): string {
  const extra = Math.max(0, fields.length - expected);
  const col = Math.max(0, textCol);
  return fields.slice(col, col + extra + 1).join(delimiter);
}
