import { describe, expect, it } from 'vitest';
import { Dataset } from '../dataset';
import { fixSamples } from './fix';

const ds = (): Dataset =>
  Dataset.fromRows(
    ['inquiry', 'category'],
    [
      ['  where is my parcel ', 'Shipping'],
      ['refund  please', 'Billing'],
      ['refund please', 'Billing'],
      ['clean', 'Biling'],
    ],
  );

describe('fixSamples: what a fix would change, before it is applied', () => {
  it('shows each changed cell before and after, with its grid row', () => {
    const d = ds();
    const out = fixSamples(d, { kind: 'trim', col: 0, column: 'inquiry', rows: [1, 4], rowIds: [0, 3] }, 0);
    expect(out).toEqual({ rows: 1, samples: [{ row: 1, column: 'inquiry', before: '  where is my parcel ', after: 'where is my parcel' }] });
    // Nothing was applied.
    expect(d.cell(0, 0)).toBe('  where is my parcel ');
  });

  it('caps the samples but counts every row', () => {
    const out = fixSamples(ds(), { kind: 'collapse-spaces', col: 0, column: 'inquiry', rows: [1, 2], rowIds: [0, 1] }, 0, 1);
    // Both texts hold a double space; one sample is shown.
    expect(out.rows).toBe(2);
    expect(out.samples).toHaveLength(1);
    expect(
      fixSamples(ds(), { kind: 'merge-label', col: 1, column: 'category', from: ['Biling', 'Shipping'], to: 'Billing', rows: [1, 4], rowIds: [0, 3] }, 0, 1),
    ).toEqual({
      rows: 2,
      samples: [{ row: 1, column: 'category', before: 'Shipping', after: 'Billing' }],
    });
  });

  it('shows the text of rows a deletion removes; nothing for a fix already applied', () => {
    const d = ds();
    expect(fixSamples(d, { kind: 'drop-duplicates', keep: 'first', rows: [3], rowIds: [2] }, 0).samples).toEqual([
      { row: 3, column: 'inquiry', before: 'refund please', after: '' },
    ]);
    expect(fixSamples(d, { kind: 'trim', col: 0, column: 'inquiry', rows: [4], rowIds: [3] }, 0)).toEqual({ rows: 0, samples: [] });
  });
});
