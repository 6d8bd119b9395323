import { describe, expect, it } from 'vitest';
import { comboboxOptions, filterValues, MAX_SHOWN, moreText } from './combobox-options';

const values = [
  { value: 'ORDER', count: 120 },
  { value: 'DELIVERY', count: 80 },
  { value: 'REFUND', count: 40 },
  { value: 'ORDER_CHANGE', count: 3 },
  { value: 'SHIPPING_ADDRESS', count: 2 },
];
const names = (text: string, typed = true) => comboboxOptions(values, text, typed).options.map((o) => o.value);

describe('comboboxOptions', () => {
  it('offers every value until the user types', () => {
    expect(names('ORDER', false)).toEqual(values.map((v) => v.value));
    expect(comboboxOptions(values, 'ORDER', false).create).toBeNull();
  });

  it.each([
    ['order', ['ORDER', 'ORDER_CHANGE']],
    ['der', ['ORDER', 'ORDER_CHANGE']],
    ['address', ['SHIPPING_ADDRESS']],
    ['re', ['REFUND', 'SHIPPING_ADDRESS']],
    ['zzz', []],
    ['  ', ['ORDER', 'DELIVERY', 'REFUND', 'ORDER_CHANGE', 'SHIPPING_ADDRESS']],
  ])('%s → %o', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('puts an exact match first even when others start with the text', () => {
    expect(names('order_change')).toEqual(['ORDER_CHANGE']);
    const list = [
      { value: 'billing issue', count: 9 },
      { value: 'billing', count: 1 },
    ];
    expect(comboboxOptions(list, 'Billing', true).options.map((o) => o.value)).toEqual(['billing', 'billing issue']);
  });

  it('offers to create a value that does not exist exactly (labels are case-sensitive)', () => {
    expect(comboboxOptions(values, 'order', true).create).toBe('order');
    expect(comboboxOptions(values, 'ORDER', true).create).toBeNull();
    expect(comboboxOptions(values, ' WARRANTY ', true).create).toBe('WARRANTY');
    expect(comboboxOptions(values, '', true).create).toBeNull();
  });

  it('cuts long lists but says how many matched', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ value: `v${i}`, count: 1 }));
    const r = comboboxOptions(many, 'v', true, 100);
    expect(r.options).toHaveLength(100);
    expect(r.matched).toBe(500);
  });

  it('cuts the untyped list too, to MAX_SHOWN by default, and says what is left', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => ({ value: `v${i}`, count: 1 }));
    const r = comboboxOptions(many, 'v1', false);
    expect(r.options).toHaveLength(MAX_SHOWN);
    expect(r.matched).toBe(50_000);
    expect(moreText(r.matched - r.options.length)).toBe('49,900 more — type to narrow');
  });

  it('offers the current value first before typing when it would be cut off', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ value: `v${i}`, count: 1 }));
    const r = comboboxOptions(many, 'v250', false, 100);
    expect(r.options).toHaveLength(100);
    expect(r.options.map((o) => o.value).slice(0, 3)).toEqual(['v250', 'v0', 'v1']);
    expect(comboboxOptions(many, 'v5', false, 100).options[0]!.value).toBe('v0');
  });
});

describe('filterValues', () => {
  const many = Array.from({ length: 300 }, (_, i) => ({ value: `Label ${i}`, count: 1 }));
  const names = (r: { shown: { value: string }[] }) => r.shown.map((v) => v.value);

  it('lists the first values, and how many are left out', () => {
    const r = filterValues(many, '', undefined, 100);
    expect(r.shown).toHaveLength(100);
    expect(r.hidden).toBe(200);
  });

  it('keeps the values that contain the typed text, in any case', () => {
    expect(names(filterValues(many, 'label 29', undefined, 100))).toEqual(['Label 29', ...Array.from({ length: 10 }, (_, i) => `Label ${290 + i}`)]);
    expect(filterValues(many, 'zzz', undefined).shown).toEqual([]);
  });

  it('lists a kept value even past the cut, so it can be unticked', () => {
    const r = filterValues(many, '', ['Label 250'], 100);
    expect(names(r).at(-1)).toBe('Label 250');
    expect(r.hidden).toBe(199);
  });
});
