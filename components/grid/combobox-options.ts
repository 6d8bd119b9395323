/** A label value and how many rows have it. */
export interface ValueCount {
  value: string;
  count: number;
}

export interface ComboboxOptions {
  options: ValueCount[];
  /** The typed text as a new value, when no existing value is exactly that. */
  create: string | null;
  /** Values that matched before the list was cut to `limit`. */
  matched: number;
}

/**
 * The options of a label combobox for what the user typed. Until they type, every value is
 * offered (the current one included). Then matches are case-insensitive: exact first, then
 * values starting with the text, then containing it, each group in the given order (most
 * frequent first). Labels are case-sensitive, so typing "order" next to "ORDER" still offers to
 * create "order".
 */
export function comboboxOptions(values: readonly ValueCount[], text: string, typed: boolean, limit = 100): ComboboxOptions {
  const needle = typed ? text.trim().toLowerCase() : '';
  let matches: ValueCount[];
  if (needle === '') {
    matches = [...values];
  } else {
    const exact: ValueCount[] = [];
    const starts: ValueCount[] = [];
    const contains: ValueCount[] = [];
    for (const v of values) {
      const lower = v.value.toLowerCase();
      if (lower === needle) exact.push(v);
      else if (lower.startsWith(needle)) starts.push(v);
      else if (lower.includes(needle)) contains.push(v);
    }
    matches = [...exact, ...starts, ...contains];
  }
  const value = text.trim();
  const create = typed && value !== '' && !values.some((v) => v.value === value) ? value : null;
  return { options: matches.slice(0, limit), create, matched: matches.length };
}
