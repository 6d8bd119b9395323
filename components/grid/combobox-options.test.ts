import { describe, expect, it } from 'vitest';
import { comboboxOptions } from './combobox-options';

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
});
