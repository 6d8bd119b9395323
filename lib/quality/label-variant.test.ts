import { describe, expect, it } from 'vitest';
import { editDistance, foldLabel } from './label-variant';
import { check, filler, finding } from './testing';

/** `n` rows labelled `label` in the category column. */
const rows = (label: string, n: number, from = 0): string[][] => filler(n).map((r, i) => [`${r[0]} ${label} ${from + i}`, label, 'any']);

describe('foldLabel and editDistance', () => {
  it.each([
    ['Top-up failed', 'topupfailed'],
    ['top_up_failed', 'topupfailed'],
    [' Billing ', 'billing'],
    ['Résumé', 'resume'],
    ['C#', 'c#'],
    ['C++', 'c++'],
  ])('folds %j to %j', (label, folded) => expect(foldLabel(label)).toBe(folded));

  it.each([
    ['biling', 'billing', 1],
    ['bliling', 'billing', 1],
    ['billnig', 'billing', 1],
    ['billing', 'billing', 0],
    ['shipping', 'billing', 4],
  ])('%s → %s is %i apart (4 = more than the 3 asked for)', (a, b, d) => expect(editDistance(a, b, 3)).toBe(d));
});

describe('label-variant', () => {
  it.each([
    ['a missing letter', 'Biling', 2, 'Billing', 40, 'edit'],
    ['swapped letters', 'Bililng', 1, 'Billing', 40, 'edit'],
    ['case only', 'billing', 3, 'Billing', 40, 'fold'],
    ['case only, as common as the other', 'billing', 40, 'Billing', 41, 'fold'],
    ['a hyphen for an underscore', 'top-up', 2, 'top_up', 40, 'fold'],
    ['two slips in a long label', 'delivery_estmate', 1, 'delivery_estimate', 40, 'edit'],
    ['a plural on a few rows in a small dataset', 'Refunds', 2, 'Refund', 5, 'edit'],
    ['a leading space', ' Media', 2, 'Media', 40, 'fold'],
    ['a trailing space', 'Weather ', 3, 'Weather', 30, 'fold'],
    ['a doubled inner space', 'Top  up', 1, 'Top up', 30, 'fold'],
    ['a trailing space, as common as the other', 'Weather ', 30, 'Weather', 31, 'fold'],
  ])('flags %s and proposes merging into the common form', (_name, variant, vn, common, cn, reason) => {
    const report = check([...rows(common, cn), ...rows(variant, vn, cn), ...rows('Shipping', 30, 100)]);
    const r = finding(report, 'label-variant');
    expect(r).toMatchObject({ severity: 'warning', count: vn });
    expect(r!.rows).toEqual(Array.from({ length: vn }, (_, i) => cn + i + 1));
    expect(r!.details?.variants).toEqual([
      { column: 'category', from: [variant], fromCount: vn, to: common, toCount: cn, reason, distance: expect.any(Number) },
    ]);
    expect(r!.fixes).toEqual([expect.objectContaining({ kind: 'merge-label', col: 1, column: 'category', from: [variant], to: common })]);
  });

  it.each([
    ['two established labels a letter apart', 'Billing', 40, 'Biling', 35],
    ['a rare label whose numbers differ', 'tier_2', 40, 'tier_3', 2],
    ['a rare label with a different short word', 'FHA mortgage', 1, 'VA mortgage', 20],
    ['on/off (one word, two letters apart)', 'hue_lighton', 40, 'hue_lightoff', 3],
    ['short labels a letter apart', 'set', 40, 'sea', 2],
    ['banking77-style labels', 'card_arrival', 40, 'card_delivery_estimate', 3],
    ['top_up_failed / top_up_reverted', 'top_up_failed', 40, 'top_up_reverted', 3],
    ['an empty label (the empty check reports it)', 'Billing', 40, '', 2],
  ])('stays quiet on %s', (_name, a, an, b, bn) => {
    expect(finding(check([...rows(a, an), ...rows(b, bn, an)]), 'label-variant')).toBeUndefined();
  });

  it('merges every spelling of a rare variant and picks the most common target', () => {
    const report = check([...rows('Billing', 60), ...rows('Biling', 2, 60), ...rows('biling', 1, 62), ...rows('Bulling', 20, 63)]);
    const r = finding(report, 'label-variant')!;
    expect(r.details?.variants).toEqual([
      { column: 'category', from: ['Biling', 'biling'], fromCount: 3, to: 'Billing', toCount: 60, reason: 'edit', distance: 1 },
    ]);
    expect(r.message).toBe(
      '1 label looks like a rarer spelling of another: category "Biling" and "biling" (3 rows) looks like "Billing" (60 rows). Left as they are, each spelling is a class of its own; the fix merges the rare spelling into the common one.',
    );
  });

  it('merges a spaced spelling into the clean form even when the spaced one is the more common', () => {
    const r = finding(check([...rows('Weather ', 40), ...rows('Weather', 2, 40)]), 'label-variant')!;
    expect(r.details?.variants).toEqual([{ column: 'category', from: ['Weather '], fromCount: 40, to: 'Weather', toCount: 2, reason: 'fold', distance: 0 }]);
    expect(r.rows).toHaveLength(40);
  });

  it('stays quiet on a label spelt only one way, even with a stray space (the whitespace check reports it)', () => {
    expect(finding(check([...rows('Billing ', 40), ...rows('Shipping', 40, 40)]), 'label-variant')).toBeUndefined();
  });

  it('looks at every label column', () => {
    const report = check(rows('Billing', 40).map((r, i) => [r[0]!, r[1]!, i < 2 ? 'refnd' : 'refund']));
    expect(finding(report, 'label-variant')?.details?.variants).toEqual([expect.objectContaining({ column: 'sub_category', from: ['refnd'], to: 'refund' })]);
  });

  it('does not compare the spellings of a column with more than maxLabelsCompared distinct values', () => {
    const data = [...rows('Billing', 40), ...rows('Biling', 1, 40)];
    expect(finding(check(data, { options: { thresholds: { maxLabelsCompared: 1 } } }), 'label-variant')).toBeUndefined();
  });
});
