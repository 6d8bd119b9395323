/**
 * Test support for this folder (imported only by `*.test.ts`): random datasets and edits for the
 * property tests, a brute-force reference for the edit bookkeeping, and deterministic synthetic
 * inquiries for the timing run.
 */
import fc from 'fast-check';
import { addRow, deleteRows, renameValue, setCell, setColumn } from './changes';
import { Dataset } from './dataset';
import { planReplace } from './replace';
import type { Change } from './types';

/** Few distinct values, so edits often restore an uploaded value and filters/sorts have ties. */
export const cellValue: fc.Arbitrary<string> = fc.constantFrom('', 'a', 'A', 'b', 'á', 'item 9', 'item 10', 'x y', 'B', ' a');

export const smallTable = (width = 3): fc.Arbitrary<string[][]> => fc.array(fc.array(cellValue, { minLength: width, maxLength: width }), { maxLength: 12 });

export const headerOf = (width: number): string[] => Array.from({ length: width }, (_, i) => `c${i}`);

export const datasetOf = (rows: string[][], width = 3): Dataset =>
  Dataset.fromRows(
    headerOf(width),
    rows.map((r) => [...r]),
    rows.map((_, i) => i + 2),
  );

/** An intent, turned into a change against whatever the dataset holds at that moment. */
export interface Op {
  kind: 'set' | 'column' | 'delete' | 'add' | 'rename' | 'replace';
  pick: number;
  picks: number[];
  col: number;
  value: string;
  regex: boolean;
}

export const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('set', 'column', 'delete', 'add', 'rename', 'replace'),
  pick: fc.nat(),
  picks: fc.array(fc.nat(), { maxLength: 5 }),
  col: fc.nat(),
  value: cellValue,
  regex: fc.boolean(),
});

export function changeFor(ds: Dataset, o: Op): Change | null {
  const live = ds.liveIds();
  const id = live.length > 0 ? live[o.pick % live.length]! : 0;
  const ids = o.picks.map((p) => live[p % Math.max(1, live.length)] ?? 0);
  const col = o.col % ds.width;
  switch (o.kind) {
    case 'set':
      return live.length > 0 ? setCell(ds, id, col, o.value) : null;
    case 'column':
      return setColumn(ds, ids, col, o.value);
    case 'delete':
      return deleteRows(ds, ids);
    case 'add':
      return addRow(ds, [o.value, o.value.toUpperCase()]);
    case 'rename':
      return renameValue(ds, col, [o.value, 'b'], o.value === 'a' ? 'A' : 'a');
    case 'replace': {
      const plan = planReplace(ds, {
        find: o.regex ? '^|a' : 'a',
        replace: o.value,
        regex: o.regex,
        caseSensitive: o.pick % 2 === 0,
        col: o.pick % 3 === 0 ? null : col,
      });
      return plan.ok ? plan.change : null;
    }
  }
}

/** Everything observable about the live data, to compare states. */
export function stateOf(ds: Dataset): { ids: number[]; rows: string[][]; edited: number; size: number } {
  const ids = [...ds.liveIds()];
  return { ids, rows: ids.map((id) => ds.row(id)), edited: ds.editedCellCount(), size: ds.size };
}

/** The edited-cell count recomputed from scratch against the uploaded rows. */
export function bruteEditedCount(ds: Dataset, uploaded: string[][]): number {
  let n = 0;
  for (const id of ds.liveIds()) {
    for (let c = 0; c < ds.width; c++) if (id >= uploaded.length || ds.cell(id, c) !== uploaded[id]![c]) n++;
  }
  return n;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES: [string, number, string[]][] = [
  ['Billing', 30, ['Refund', 'Double charge', 'Invoice', 'Payment method']],
  ['Shipping', 22, ['Late delivery', 'Lost package', 'Address change']],
  ['Account', 15, ['Login', 'Password reset', 'Close account', 'Profile']],
  ['Returns', 10, ['Return label', 'Exchange', 'Damaged item']],
  ['Technical', 8, ['App crash', 'Website error', 'Notifications']],
  ['Orders', 7, ['Cancel order', 'Modify order', 'Order status']],
  ['Product', 5, ['Availability', 'Specifications', 'Warranty']],
  ['Feedback', 2, ['Compliment', 'Complaint']],
  ['Other', 1, ['General']],
];
const GREETINGS = ['', '', '', '', 'Hi, ', 'Hello, ', 'Hi there, ', 'Good morning, ', 'Hey, ', 'Dear support, '];
const OPENERS = [
  'I was charged twice for',
  'my package has not arrived for',
  'I can’t log into my account after',
  'how do I cancel',
  'where is my refund for',
  'the app keeps crashing when I open',
  'I’d like to return',
  'can you change the address on',
  'I never received',
  'why was my card declined for',
  'please help with',
  'I have a question about',
  'the item arrived damaged in',
  'is there a warranty on',
  'I want to update my payment details for',
];

/** A vocabulary of pseudo-words, so texts are varied like real messages rather than templated. */
function vocabulary(random: () => number, size: number): string[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'ver', 'pon', 'del', 'bra', 'qu', 'ex', 'or', 'an', 'is', 'che', 'ment', 'ful', 'ly'];
  return Array.from({ length: size }, () => {
    let w = '';
    const n = 1 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    return w;
  });
}

/**
 * `inquiry,category,sub_category` CSV text with `rows` synthetic customer messages: a greeting
 * (sometimes), one of a few openers, 5–20 words, often an order number, a curly apostrophe or an
 * accent now and then; categories skewed as in real support data.
 */
export function syntheticCsv(rows: number, seed = 1): string {
  const random = rng(seed);
  const words = vocabulary(random, 1500);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const total = CATEGORIES.reduce((s, c) => s + c[1], 0);
  const parts: string[] = ['inquiry,category,sub_category\n'];
  for (let i = 0; i < rows; i++) {
    let text = pick(GREETINGS) + pick(OPENERS);
    const n = 5 + Math.floor(random() * 16);
    for (let k = 0; k < n; k++) text += ' ' + pick(words);
    if (random() < 0.3) text += ` (order #${100000 + Math.floor(random() * 900000)})`;
    if (random() < 0.03) text += ' at the café';
    text += random() < 0.3 ? '?' : '.';
    text = text.charAt(0).toUpperCase() + text.slice(1);
    let r = random() * total;
    let cat = CATEGORIES[0]!;
    for (const c of CATEGORIES) {
      if ((r -= c[1]) < 0) {
        cat = c;
        break;
      }
    }
    parts.push(`"${text.replaceAll('"', '""')}",${cat[0]},${pick(cat[2])}\n`);
  }
  return parts.join('');
}
