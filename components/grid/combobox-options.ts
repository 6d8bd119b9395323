/**
 * At most this many values are drawn in a label list (combobox or filter): drawing 50,000 options
 * froze the tab for seconds. The rest are a count ("49,900 more — type to narrow").
 */
export const MAX_SHOWN = 100;

const counts = new Intl.NumberFormat('en-US');

/** What a cut list says under its last value. */
export const moreText = (hidden: number): string => `${counts.format(hidden)} more — type to narrow`;

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

/** Each list of values lower-cased once: typing must not redo that for every key. */
const lowered = new WeakMap<readonly ValueCount[], string[]>();

function lowerOf(values: readonly ValueCount[]): string[] {
  let lower = lowered.get(values);
  if (!lower) {
    lower = values.map((v) => v.value.toLowerCase());
    lowered.set(values, lower);
  }
  return lower;
}

/**
 * The options of a label combobox for what the user typed, the first `limit` of them, and how
 * many matched. Until they type, every value is offered (the current one first when it would be
 * cut off). Then matches are case-insensitive: exact first, then values starting with the text,
 * then containing it, each group in the given order (most frequent first). Labels are
 * case-sensitive, so typing "order" next to "ORDER" still offers to create "order". Only what is
 * shown is collected, so a key typed in a column of 50,000 labels costs a few milliseconds.
 */
export function comboboxOptions(values: readonly ValueCount[], text: string, typed: boolean, limit = MAX_SHOWN): ComboboxOptions {
  const needle = typed ? text.trim().toLowerCase() : '';
  const value = text.trim();
  const create = typed && value !== '' && !values.some((v) => v.value === value) ? value : null;
  if (needle === '') {
    const options = values.slice(0, limit);
    // Before typing, the current value is offered even when it is not among the first ones.
    const mine = typed || options.some((v) => v.value === text) ? undefined : values.find((v) => v.value === text);
    if (mine) {
      options.pop();
      options.unshift(mine);
    }
    return { options, create, matched: values.length };
  }
  const exact: ValueCount[] = [];
  const starts: ValueCount[] = [];
  const contains: ValueCount[] = [];
  const lower = lowerOf(values);
  let matched = 0;
  for (let i = 0; i < values.length; i++) {
    const l = lower[i]!;
    const group = l === needle ? exact : l.startsWith(needle) ? starts : l.includes(needle) ? contains : null;
    if (!group) continue;
    matched++;
    if (group.length < limit) group.push(values[i]!);
  }
  return { options: [...exact, ...starts, ...contains].slice(0, limit), create, matched };
}

/**
 * The values a label filter lists for what was typed in its "Find a value" field: those that
 * contain it (any case), the first `limit` of them, plus any kept value further down, so a
 * ticked box can always be unticked. `hidden` is how many matches are left out.
 */
export function filterValues(
  values: readonly ValueCount[],
  narrow: string,
  kept: readonly string[] | undefined,
  limit = MAX_SHOWN,
): { shown: ValueCount[]; hidden: number } {
  const needle = narrow.toLowerCase();
  const lower = needle === '' ? [] : lowerOf(values);
  const keep = new Set(kept);
  const shown: ValueCount[] = [];
  let matched = 0;
  for (const [i, v] of values.entries()) {
    if (needle !== '' && !lower[i]!.includes(needle)) continue;
    matched++;
    if (shown.length < limit || keep.has(v.value)) shown.push(v);
  }
  return { shown, hidden: matched - shown.length };
}
