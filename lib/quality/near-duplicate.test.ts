import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset';
import { trainTestSplit } from '../split';
import { normaliseText } from './duplicate';
import { fixChange, fixSamples } from './fix';
import { banding } from './near-duplicate';
import { check, filler, finding } from './testing';

/** The 3-gram set of a text as the check sees it (a text under 3 characters is one gram). */
const grams = (text: string): Set<string> => {
  const t = normaliseText(text);
  if (t.length < 3) return new Set([t]);
  return new Set(Array.from({ length: t.length - 2 }, (_, i) => t.slice(i, i + 3)));
};
const jaccard = (a: string, b: string): number => {
  const x = grams(a);
  const y = grams(b);
  const common = [...x].filter((g) => y.has(g)).length;
  return common / (x.size + y.size - common);
};

const rows = (...texts: [string, string][]): string[][] => texts.map(([text, label]) => [text, label, 'any']);

describe('near-duplicate', () => {
  it.each([
    ['a plural', 'I want to cancel my order from yesterday', 'i want to cancel my orders from yesterday'],
    ['a word added', 'How do I reset the password of my account', 'How do I reset the password of my online account?'],
    ['a typo', 'my card payment was declined at the shop', 'my card paymnet was declined at the shop'],
  ])('groups texts a word apart (%s) with their rows', (_name, a, b) => {
    expect(jaccard(a, b)).toBeGreaterThanOrEqual(0.8);
    const report = check([...filler(30), ...rows([a, 'billing'], [b, 'billing'])]);
    const r = finding(report, 'near-duplicate')!;
    expect(r).toMatchObject({ severity: 'info', count: 2, rows: [31, 32] });
    expect(r.details?.groupRows).toEqual([[31, 32]]);
    expect(finding(report, 'near-duplicate-conflict')).toBeUndefined();
  });

  it.each([
    ['another action on the same thing', 'I want to cancel my order', 'I want to track my order'],
    ['another thing', 'where is my new card', 'where is my refund'],
    ['short texts a letter apart', 'hi', 'ho'],
  ])('stays quiet on %s', (_name, a, b) => {
    expect(jaccard(a, b)).toBeLessThan(0.8);
    const report = check([...filler(30), ...rows([a, 'billing'], [b, 'billing'])]);
    expect(finding(report, 'near-duplicate')).toBeUndefined();
  });

  it('leaves exact duplicates (case, spaces, end punctuation) to the duplicate check', () => {
    const report = check([...filler(30), ...rows(['Where is my refund', 'billing'], [' where is  my refund?', 'billing'])]);
    expect(finding(report, 'duplicate')?.rows).toEqual([32]);
    expect(finding(report, 'near-duplicate')).toBeUndefined();
    // Exact copies join the group of a near-duplicate of theirs.
    const more = check([...filler(30), ...rows(['Where is my refund', 'billing'], ['where is my refund', 'billing'], ['where is my refunds', 'billing'])]);
    expect(finding(more, 'near-duplicate')?.details?.groupRows).toEqual([[31, 32, 33]]);
  });

  it('reports a pair exactly at the threshold and not one just under it', () => {
    const a = 'please send me a new card';
    const b = 'please send me a new cards';
    const s = jaccard(a, b);
    const data = [...filler(30), ...rows([a, 'billing'], [b, 'billing'])];
    expect(finding(check(data, { options: { thresholds: { nearDuplicateSimilarity: s } } }), 'near-duplicate')?.rows).toEqual([31, 32]);
    expect(finding(check(data, { options: { thresholds: { nearDuplicateSimilarity: s + 0.001 } } }), 'near-duplicate')).toBeUndefined();
    expect(finding(check(data, { options: { thresholds: { nearDuplicateSimilarity: 0 } } }), 'near-duplicate')).toBeUndefined();
  });

  it('joins chains into one group (union-find), groups in order of their first row', () => {
    const report = check([
      ...filler(20),
      ...rows(
        ['what is the exchange rate for dollars today', 'fx'],
        ['please block my lost card right now', 'card'],
        ['what is the exchange rate for dollar today', 'fx'],
        ['what is the exchange rates for dollar today', 'fx'],
        ['please block my lost cards right now', 'card'],
      ),
    ]);
    expect(finding(report, 'near-duplicate')?.details?.groupRows).toEqual([
      [21, 23, 24],
      [22, 25],
    ]);
  });

  it('finds every pair a brute-force comparison finds on a thousand texts', () => {
    const base = filler(500).map((r) => r[0]!);
    // Each text again with one word changed, some twice: many pairs near the threshold.
    const variants = base.map((t, i) => (i % 3 === 0 ? t.replace('please', 'pls') : i % 3 === 1 ? `${t} thanks` : t.replace('help', 'helps')));
    const texts = [...base, ...variants];
    const sets = texts.map(grams);
    const similar = (x: Set<string>, y: Set<string>): boolean => {
      let common = 0;
      for (const g of x) if (y.has(g)) common++;
      return common >= 0.8 * (x.size + y.size - common);
    };
    const expected = new Set<string>();
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (similar(sets[i]!, sets[j]!)) expected.add(`${i}-${j}`);
    const report = check(texts.map((t) => [t, 'billing', 'refund']));
    const found = new Set((finding(report, 'near-duplicate')?.rows ?? []).map((n) => n - 1));
    const inPairs = new Set([...expected].flatMap((p) => p.split('-').map(Number)));
    expect(expected.size).toBeGreaterThan(300);
    expect([...found].sort((x, y) => x - y)).toEqual([...inPairs].sort((x, y) => x - y));
  });

  it('picks more rows per band for a higher threshold, and always finds a pair at the threshold 99 times in 100', () => {
    for (const t of [0.5, 0.8, 0.9, 0.95]) {
      const { bands, rows: r } = banding(t);
      expect(1 - (1 - t ** r) ** bands).toBeGreaterThanOrEqual(0.99);
    }
    expect(banding(0.9).rows).toBeGreaterThan(banding(0.8).rows);
  });
});

describe('near-duplicate-conflict', () => {
  const data = [
    ...filler(30),
    ...rows(
      ['I would like to close my account please', 'account'],
      ['i would like to close my accounts please', 'account'],
      ['I would like to close my account, please', 'billing'],
    ),
  ];

  it('reports a group labelled differently, with a fix giving it its most common labels', () => {
    const r = finding(check(data), 'near-duplicate-conflict')!;
    expect(r).toMatchObject({ severity: 'warning', count: 3, rows: [31, 32, 33] });
    expect(r.details?.groups?.[0]?.labels).toEqual(['account › any', 'billing › any']);
    expect(r.fixes).toEqual([
      {
        kind: 'set-labels',
        cols: [1, 2],
        columns: ['category', 'sub_category'],
        groups: [{ rowIds: [30, 31, 32], to: ['account', 'any'] }],
        rows: [33],
        rowIds: [32],
      },
    ]);
  });

  it('the fix is one change that relabels only the rows that differ, and nothing once applied', () => {
    const fix = finding(check(data), 'near-duplicate-conflict')!.fixes![0]!;
    const ds = Dataset.fromRows(
      ['inquiry', 'category', 'sub_category'],
      data.map((r) => [...r]),
    );
    const change = fixChange(ds, fix)!;
    expect(change.patches).toEqual([{ op: 'set', rowId: 32, col: 1, before: 'billing', after: 'account' }]);
    expect(change.label).toBe('Give 1 group of near-duplicates their most common labels (1 row)');
    expect(fixSamples(ds, fix, 0)).toEqual({ rows: 1, samples: [{ row: 33, column: 'category', before: 'billing', after: 'account' }] });
    ds.apply(change);
    expect(ds.cell(32, 1)).toBe('account');
    expect(fixChange(ds, fix)).toBeNull();
  });

  it('is not a conflict when the answers are free text', () => {
    const report = check(data, { labels: [1], stratify: null, answer: 'text' });
    expect(finding(report, 'near-duplicate-conflict')).toBeUndefined();
    expect(finding(report, 'near-duplicate')?.rows).toEqual([31, 32, 33]);
  });
});

describe('split-leakage', () => {
  it('counts the validation examples with an exact or near copy in the training file, as the export splits', () => {
    const texts = filler(200).map((r) => r[0]!);
    const data = texts.map((t, i) => [i < 40 ? `${texts[i + 100]!} thanks` : t, i % 2 ? 'billing' : 'shipping', 'any']);
    data.push(...data.slice(150, 160).map((r) => [...r]));
    const split = trainTestSplit(
      data.map((r) => r[1]!),
      { kind: 'float', value: 0.2 },
      42,
    );
    if (!split.ok) throw new Error('split');
    const train = new Set(Array.from(split.train, (r) => normaliseText(data[r]![0]!)));
    const trainTexts = [...train];
    let exact = 0;
    let near = 0;
    for (const r of split.test) {
      const t = normaliseText(data[r]![0]!);
      if (train.has(t)) exact++;
      else if (trainTexts.some((u) => jaccard(t, u) >= 0.8)) near++;
    }
    const r = finding(check(data), 'split-leakage')!;
    expect(r.severity).toBe('info');
    expect(r.details?.leakage).toEqual({ validation: split.test.length, exact, near, similarity: 0.8 });
    expect(exact + near).toBeGreaterThan(3);
    expect(r.count).toBe(exact + near);
  });

  it('says nothing when the split cannot be made or nothing leaks', () => {
    expect(finding(check(filler(100)), 'split-leakage')).toBeUndefined();
    expect(finding(check([...filler(10), ...rows(['x y z', 'a'])]), 'split-leakage')).toBeUndefined();
  });
});
