import { describe, expect, it } from 'vitest';
import { columnsTable } from '../table';
import { HEADER } from '../testing';
import type { CheckInput } from '../types';
import { checkSuspectLabels, checkSuspectLabelsSliced, findSuspectLabels, findSuspectLabelsSliced } from '.';

const TOPICS: Record<string, { labels: [string, string]; texts: string[] }> = {
  refund: {
    labels: ['billing', 'refund'],
    texts: ['I want a refund for my payment', 'please refund the money you charged me', 'give me my money back for the charge', 'refund my last payment'],
  },
  late: {
    labels: ['shipping', 'late'],
    texts: [
      'my parcel has not arrived yet',
      'where is my package, the delivery is late',
      'the courier never delivered my parcel',
      'delivery of my package is delayed',
    ],
  },
  password: {
    labels: ['account', 'password'],
    texts: ['I forgot my password and cannot log in', 'the password reset email never came', 'reset my password please', 'cannot sign in, password rejected'],
  },
};
const EXTRAS = ['', ' today', ' again', ' urgently', ' thanks', ' please help', ' since monday', ' asap'];

/** `per` rows of each topic, texts varied by a few extra words; rows in topic order, interleaved. */
function rows(per: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < per; i++) {
    for (const { labels, texts } of Object.values(TOPICS)) {
      out.push([`${texts[i % texts.length]}${EXTRAS[Math.floor(i / texts.length) % EXTRAS.length]} (${i})`, ...labels]);
    }
  }
  return out;
}

function input(data: readonly (readonly string[])[]): CheckInput {
  const columns = HEADER.map((_, c) => data.map((r) => r[c]!));
  return { table: columnsTable(HEADER, columns, data.length), text: 0, labels: [1, 2], stratify: [1], testSize: { kind: 'float', value: 0.2 } };
}

describe('suspect-label', () => {
  it('stays quiet on a clean set', () => {
    expect(checkSuspectLabels(input(rows(30)))).toEqual([]);
  });

  it('finds a flipped label and suggests the right pair, most suspicious first', () => {
    const data = rows(30);
    // Row 5 is a parcel that did not arrive, labelled as a refund; row 9 a password labelled as shipping.
    data[4] = [data[4]![0]!, 'billing', 'refund'];
    data[8] = [data[8]![0]!, 'shipping', 'late'];
    const [finding, ...rest] = checkSuspectLabels(input(data));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ id: 'suspect-label', severity: 'warning', count: 2 });
    expect([...finding!.rows].sort((a, b) => a - b)).toEqual([5, 9]);
    expect(finding!.rowIds).toEqual(finding!.rows.map((r) => r - 1));
    const byRow = Object.fromEntries(finding!.details!.suggestions!.map((s) => [s.row, s]));
    expect(byRow[5]).toMatchObject({ given: { category: 'billing', sub_category: 'refund' }, suggested: { category: 'shipping', sub_category: 'late' } });
    expect(byRow[9]).toMatchObject({ given: { category: 'shipping', sub_category: 'late' }, suggested: { category: 'account', sub_category: 'password' } });
    const suggestions = finding!.details!.suggestions!;
    expect(suggestions.map((s) => s.rank)).toEqual([1, 2]);
    expect(suggestions[0]!.selfConfidence).toBeLessThanOrEqual(suggestions[1]!.selfConfidence);
    expect(suggestions.map((s) => s.row)).toEqual(finding!.rows);
    for (const s of suggestions) expect(s.confidence).toBeGreaterThan(0.5);
    expect(finding!.message).toMatch(/^2 rows may be mislabelled: a model trained on the other rows confidently gives them another label/);
    expect(finding!.message).toContain('is "shipping › late", looks like "account › password"');
    expect(finding!.details!.suspect).toMatchObject({ judged: 90, classes: 3, folds: 5, tooSmall: { rows: 0, classes: 0, minRows: 5 } });
  });

  it('gives the same findings for the same data, and for the same rows in another order', () => {
    const data = rows(30);
    data[4] = [data[4]![0]!, 'billing', 'refund'];
    data[13] = [data[13]![0]!, 'account', 'password'];
    const first = checkSuspectLabels(input(data));
    expect(checkSuspectLabels(input(data))).toEqual(first);
    const reversed = [...data].reverse();
    const again = checkSuspectLabels(input(reversed));
    const texts = (d: string[][], rows: number[]): string[] => rows.map((r) => d[r - 1]![0]!);
    expect(texts(reversed, again[0]!.rows)).toEqual(texts(data, first[0]!.rows));
    // Another seed deals other folds; the same clear mistakes are found.
    const seeded = findSuspectLabels(input(data), { seed: 7 });
    expect([...seeded.positions].sort((a, b) => a - b)).toEqual([4, 13]);
  });

  it('does not judge the rows of a label too small to learn, and says so', () => {
    const data = rows(30);
    data[4] = [data[4]![0]!, 'billing', 'refund'];
    data.push(['my parcel has not arrived yet, gift', 'shipping', 'gift'], ['where is my gift parcel', 'shipping', 'gift']);
    const [finding] = checkSuspectLabels(input(data));
    expect(finding!.rows).toEqual([5]);
    expect(finding!.message).toContain('2 rows of 1 label with fewer than 5 rows were not judged: too few to learn from.');
    expect(finding!.details!.suspect!.tooSmall).toEqual({ rows: 2, classes: 1, minRows: 5 });
    expect(finding!.details!.suspect!.judged).toBe(90);
  });

  it('judges nothing without two labels big enough to learn, or with missing labels and texts', () => {
    const data = rows(30).map((r) => [r[0]!, 'billing', 'refund']);
    expect(findSuspectLabels(input(data)).judged).toBe(0);
    const holes = rows(30);
    holes[0] = ['', 'billing', 'refund'];
    holes[1] = [holes[1]![0]!, 'shipping', ''];
    holes[2] = [holes[2]![0]!, 'NaN', 'password'];
    expect(findSuspectLabels(input(holes)).judged).toBe(87);
  });

  it('runs in slices: reports progress up to the total, and returns null when cancelled', async () => {
    const data = rows(200);
    data[4] = [data[4]![0]!, 'billing', 'refund'];
    const progress: [number, number][] = [];
    let pauses = 0;
    const sliced = await checkSuspectLabelsSliced(input(data), {
      pause: async () => void pauses++,
      cancelled: () => false,
      onProgress: (done, total) => progress.push([done, total]),
      sliceMs: 0,
    });
    expect(sliced).toEqual(checkSuspectLabels(input(data)));
    expect(pauses).toBeGreaterThan(3);
    expect(progress.length).toBeGreaterThan(3);
    for (let i = 1; i < progress.length; i++) expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);

    let asked = 0;
    const cancelled = await findSuspectLabelsSliced(input(data), { pause: () => Promise.resolve(), cancelled: () => ++asked >= 2, sliceMs: 0 });
    expect(cancelled).toBeNull();
    expect(asked).toBe(2);
  });
});

describe('suspect-label on too little data', () => {
  it('flags nothing when the model cannot learn the labels', () => {
    // Ten labels of five rows whose texts share nothing with their label's other rows.
    const data = Array.from({ length: 50 }, (_, i) => [`word${i} other${i * 7} thing${i * 13}`, `cat${i % 10}`, `sub${i % 10}`]);
    const found = findSuspectLabels(input(data));
    expect(found.agreement).toBeLessThan(0.75);
    expect(found.positions.length).toBeGreaterThan(0);
    expect(checkSuspectLabels(input(data))).toEqual([]);
  });
});
